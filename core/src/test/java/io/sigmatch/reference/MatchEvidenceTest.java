package io.sigmatch.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.event.MapEvent;
import io.sigmatch.rule.DetectionItem;
import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.Search;
import io.sigmatch.rule.SigmaRule;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchEvidenceTest {

  private static SigmaRule rule(String detection) {
    String yaml = "title: t\nid: 11111111-1111-1111-1111-111111111111\nlogsource: {product: windows}\n"
        + "detection:\n" + detection;
    RuleSet set = RuleLoader.builder().build().loadText(yaml, "test.yml");
    assertTrue(set.errors().isEmpty(), () -> set.errors().toString());
    return set.rules().get(0);
  }

  private static String line(MatchEvidence.Hit h) {
    return h.identifier() + " " + h.field() + " " + h.modifiers() + " " + h.value() + " " + h.matcher()
        + " <- " + h.eventValue();
  }

  private static List<String> lines(SigmaRule r, Map<String, ?> event) {
    return MatchEvidence.of(r, new MapEvent(event)).stream().map(MatchEvidenceTest::line).toList();
  }

  @Test
  void seedRuleNamesTheThreeValuesThatHeld() {
    SigmaRule r = rule("""
          selection:
            Initiated: 'true'
            Image|endswith: '\\msiexec.exe'
            DestinationPort:
              - 80
              - 443
          condition: selection
        """);
    Map<String, Object> event = Map.of("Initiated", "true", "Image", "C:\\Windows\\System32\\msiexec.exe",
        "DestinationPort", "443");
    assertTrue(ReferenceEvaluator.matches(r, new MapEvent(event)));
    assertEquals(List.of(
        "selection Initiated [] true true <- true",
        "selection Image [endswith] \\msiexec.exe *\\\\msiexec.exe <- C:\\Windows\\System32\\msiexec.exe",
        "selection DestinationPort [] 443 443 <- 443"), lines(r, event));
  }

  @Test
  void listValuedFieldReportsTheElementThatHeld() {
    SigmaRule r = rule("""
          sel:
            Tags|contains: evil
          condition: sel
        """);
    assertEquals(List.of("sel Tags [contains] evil *evil* <- very-evil"),
        lines(r, Map.of("Tags", List.of("benign", "very-evil", 3))));
  }

  @Test
  void keywordReportsTheScalarItWasFoundIn() {
    SigmaRule r = rule("""
          keywords:
            - mimikatz
            - sekurlsa
          condition: keywords
        """);
    Map<String, Object> event = Map.of("A", "x", "B", Map.of("C", List.of("run sekurlsa::logonpasswords")));
    List<MatchEvidence.Hit> hits = MatchEvidence.of(r, new MapEvent(event));
    assertEquals(1, hits.size());
    assertNull(hits.get(0).field());
    assertEquals("sekurlsa", hits.get(0).value());
    assertEquals("run sekurlsa::logonpasswords", hits.get(0).eventValue());
  }

  @Test
  void onlyTheAlternativesAndIdentifiersThatHoldAreReported() {
    SigmaRule r = rule("""
          selection:
            - Image|endswith: '\\a.exe'
            - Description: Test
          filter:
            User: SYSTEM
          other:
            Image: none
          condition: selection and not other or filter
        """);
    Map<String, Object> event = new HashMap<>();
    event.put("Image", "C:\\b.exe");
    event.put("Description", "TEST");
    assertEquals(List.of("selection Description [] Test Test <- TEST"), lines(r, event));
  }

  @Test
  void negatedNullAndExistsItems() {
    SigmaRule r = rule("""
          sel:
            User|neq: SYSTEM
            Parent: null
            Hash|exists: false
            Port|neq:
              - 1
              - 2
          condition: sel
        """);
    Map<String, Object> event = new HashMap<>();
    event.put("User", "bob");
    event.put("Port", 3);
    assertEquals(List.of(
        "sel User [neq] SYSTEM SYSTEM <- bob",
        "sel Parent [] null null <- null",
        "sel Hash [exists] false false <- null",
        "sel Port [neq] 1 1 <- 3",
        "sel Port [neq] 2 2 <- 3"), lines(r, event));
  }

  @Test
  void allReportsEveryValueAndWindashTheVariantThatHeld() {
    SigmaRule r = rule("""
          sel:
            CommandLine|windash|contains|all:
              - '-enc'
              - '-nop'
          condition: sel
        """);
    List<MatchEvidence.Hit> hits = MatchEvidence.of(r, new MapEvent(Map.of("CommandLine", "ps /enc AAA -nop")));
    assertEquals(2, hits.size());
    assertEquals("-enc", hits.get(0).value());
    assertEquals("*/enc*", hits.get(0).matcher());
    assertEquals("-nop", hits.get(1).value());
    assertEquals("*-nop*", hits.get(1).matcher());
  }

  @Test
  void nothingWhenNoIdentifierHolds() {
    SigmaRule r = rule("""
          sel:
            Image: a
          condition: sel
        """);
    assertTrue(MatchEvidence.of(r, new MapEvent(Map.of("Image", "b"))).isEmpty());
  }

  @Test
  void writtenValuesFollowTheBodyOrNullWhenAbsent() {
    SigmaRule r = rule("""
          sel:
            - Port: [80, '443']
            - 'some keyword'
          condition: sel
        """);
    Search.AnyOf any = (Search.AnyOf) r.detection().searches().get("sel");
    DetectionItem port = ((Search.AllOf) any.alternatives().get(0)).items().get(0);
    DetectionItem keyword = ((Search.AllOf) any.alternatives().get(1)).items().get(0);
    assertEquals(List.of(new BigDecimal(80), "443"), MatchEvidence.writtenValues(r, "sel", port));
    assertEquals(List.of("some keyword"), MatchEvidence.writtenValues(r, "sel", keyword));
    assertNull(MatchEvidence.writtenValues(r, "other", port));
  }
}
