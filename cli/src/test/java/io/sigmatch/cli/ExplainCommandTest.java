package io.sigmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.SigmaRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
  static final String MSIEXEC = "8e5e38e4-5350-4c0b-895a-e872ce0dd54f";
  private static final ObjectMapper JSON = new ObjectMapper();

  static CliRun explain(String target, List<String> ruleArgs, String... more) {
    List<String> args = new ArrayList<>(List.of("explain", target));
    args.addAll(ruleArgs);
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  static JsonNode json(CliRun run) throws IOException {
    assertEquals(0, run.status(), run::toString);
    return JSON.readTree(run.out());
  }

  /** The shipped rules as the CLI loads them by default. */
  static RuleSet shipped() throws IOException {
    return RuleLoader.builder()
        .placeholders(RuleOptions.readPlaceholders(TestData.placeholders()))
        .rejectUnresolvedPlaceholders(true)
        .build().load(List.of(TestData.rules()));
  }

  /** {@code (identifier, field, kind, value, corpus)} rows of the JSON page. */
  static Set<List<Object>> engineRows(JsonNode page) {
    Set<List<Object>> out = new HashSet<>();
    for (JsonNode i : page.get("indicators")) {
      out.add(List.of(i.get("identifier").asText(), i.get("field").asText(), i.get("kind").asText(),
          i.get("value").asText(), i.get("corpus").asInt()));
    }
    return out;
  }

  /** The same rows computed by {@link IndependentCount}. */
  static Set<List<Object>> independentRows(SigmaRule rule, Map<IndependentCount.Key, Integer> counts) {
    Set<List<Object>> out = new HashSet<>();
    for (IndependentCount.Row r : IndependentCount.rows(rule)) {
      out.add(List.of(r.identifier(), r.field(), r.kind(), r.value(), counts.getOrDefault(r.key(), 0)));
    }
    return out;
  }

  @Test
  void textPageOfTheSeedRuleHasEverySection() {
    CliRun run = explain(MSIEXEC, TestData.shippedRuleArgs());
    assertEquals(0, run.status(), run::toString);
    String out = run.out();
    assertTrue(out.startsWith("Msiexec.EXE Initiated Network Connection Over HTTP\n"), out);
    for (String expected : List.of("id         " + MSIEXEC, "status     test", "level      low",
        "logsource  product windows, category network_connection", "author     frack113",
        "\nDescription\n", "\nReferences\n", "\nFalse positives\n  - Likely",
        "\nMITRE ATT&CK\n  tactics     stealth",
        "techniques  T1218.007  https://attack.mitre.org/techniques/T1218/007/",
        "\nEvent coverage\n  Network connection [product windows, category network_connection]\n"
            + "    Microsoft-Windows-Sysmon, event 3, channel Microsoft-Windows-Sysmon/Operational",
        "\nRule\n  title: Msiexec.EXE Initiated Network Connection Over HTTP\n",
        "          Image|endswith: '\\msiexec.exe'\n",
        "\nStages\n  0  condition: selection\n  1  selection: all of\n       Initiated: 'true'\n"
            + "       Image|endswith: '\\msiexec.exe'\n       DestinationPort: [80, 443]\n",
        "\nIndicators (corpus: 25 rules)\n  corpus  kind       field|modifiers  value         identifier\n")) {
      assertTrue(out.contains(expected), () -> "missing:\n" + expected + "\nin:\n" + out);
    }
  }

  @Test
  void jsonShape() throws IOException {
    JsonNode page = json(explain(MSIEXEC, TestData.shippedRuleArgs(), "--format", "json"));
    assertTrue(page.isObject());
    for (String key : List.of("id", "title", "level", "status", "author")) {
      assertTrue(page.get(key).isTextual(), key);
    }
    assertEquals(MSIEXEC, page.get("id").asText());
    assertEquals("low", page.get("level").asText());
    assertEquals("windows", page.get("logsource").get("product").asText());
    assertEquals("network_connection", page.get("logsource").get("category").asText());
    assertTrue(page.get("logsource").get("service").isNull());
    assertEquals("stealth", page.get("attack").get("tactics").get(0).asText());
    assertEquals("T1218.007", page.get("attack").get("techniques").get(0).get("id").asText());
    JsonNode coverage = page.get("event_coverage");
    assertFalse(coverage.get("every_event").asBoolean());
    JsonNode source = coverage.get("entries").get(0).get("sources").get(0);
    assertEquals("Microsoft-Windows-Sysmon", source.get("provider").asText());
    assertEquals(3, source.get("event_ids").get(0).asInt());
    assertTrue(source.get("event_ids").get(0).isIntegralNumber());
    assertEquals("Microsoft-Windows-Sysmon/Operational", source.get("channels").get(0).asText());
    assertTrue(source.get("event_title").asText().contains("Network connection"));
    assertTrue(page.get("yaml").asText().contains("Image|endswith: '\\msiexec.exe'"));

    JsonNode stages = page.get("stages");
    assertEquals(2, stages.size());
    assertEquals(0, stages.get(0).get("stage").asInt());
    assertEquals("selection", stages.get(0).get("conditions").get(0).asText());
    JsonNode items = stages.get(1).get("alternatives").get(0);
    assertEquals("selection", stages.get(1).get("identifier").asText());
    assertEquals("Initiated", items.get(0).get("field").asText());
    assertTrue(items.get(0).get("values").get(0).isTextual());
    assertEquals("endswith", items.get(1).get("modifiers").get(0).asText());
    assertTrue(items.get(2).get("values").get(0).isNumber());
    assertEquals(443, items.get(2).get("values").get(1).asInt());

    assertEquals(25, page.get("corpus_rules").asInt());
    JsonNode indicators = page.get("indicators");
    assertEquals(4, indicators.size());
    for (JsonNode i : indicators) {
      assertTrue(i.get("field").isTextual());
      assertTrue(i.get("kind").isTextual());
      assertTrue(i.get("value").isTextual());
      assertTrue(i.get("corpus").isInt());
      assertTrue(i.get("modifiers").isArray());
      assertEquals("selection", i.get("identifier").asText());
    }
    assertEquals(List.of("Image", "ends_with", "\\msiexec.exe"), List.of(indicators.get(1).get("field").asText(),
        indicators.get(1).get("kind").asText(), indicators.get(1).get("value").asText()));
  }

  /** Every shipped rule: its page's indicators and counts equal the independent ones. */
  @Test
  void corpusCountsOfEveryShippedRuleMatchAnIndependentCount() throws IOException {
    RuleSet set = shipped();
    assertTrue(set.errors().isEmpty(), () -> set.errors().toString());
    Map<IndependentCount.Key, Integer> counts = IndependentCount.counts(set.rules());
    int checked = 0;
    for (SigmaRule rule : set.rules()) {
      JsonNode page = json(explain(rule.id(), TestData.shippedRuleArgs(), "--format", "json"));
      assertEquals(independentRows(rule, counts), engineRows(page), () -> "rule " + rule.id() + " " + rule.title());
      checked++;
    }
    assertEquals(25, checked);
    // the seed's indicators, spelled out
    SigmaRule seed = set.rules().stream().filter(r -> MSIEXEC.equals(r.id())).findFirst().orElseThrow();
    Set<List<Object>> rows = independentRows(seed, counts);
    assertTrue(rows.contains(List.of("selection", "Image", "ends_with", "\\msiexec.exe", 1)), rows::toString);
    assertTrue(rows.stream().anyMatch(r -> r.get(1).equals("Initiated") && (int) r.get(4) >= 2), rows::toString);
  }

  @Test
  void ruleFileOutsideTheCorpusIsCountedWithIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("mine.yml");
    Files.writeString(file, """
        title: My msiexec rule
        id: 0a0a0a0a-0000-4000-8000-000000000001
        status: experimental
        level: high
        tags:
          - attack.defense-evasion
          - attack.t1218
          - attack.g0007
          - attack.s0002
          - cve.2024-1234
        logsource:
          product: windows
          category: process_creation
        detection:
          selection:
            Image|endswith: '\\MSIEXEC.EXE'
          condition: selection
        """);
    RuleSet set = shipped();
    List<SigmaRule> corpus = new ArrayList<>(set.rules());
    SigmaRule mine = RuleLoader.builder().build().load(List.of(file)).rules().get(0);
    corpus.add(mine);
    Map<IndependentCount.Key, Integer> counts = IndependentCount.counts(corpus);

    JsonNode page = json(explain(file.toString(), TestData.shippedRuleArgs(), "--format", "json"));
    assertEquals(26, page.get("corpus_rules").asInt());
    assertEquals(independentRows(mine, counts), engineRows(page));
    assertEquals(2, page.get("indicators").get(0).get("corpus").asInt()); // the seed and this one
    assertEquals("defense-evasion", page.get("attack").get("tactics").get(0).asText());
    assertEquals("T1218", page.get("attack").get("techniques").get(0).get("id").asText());
    assertEquals("G0007", page.get("attack").get("groups").get(0).get("id").asText());
    assertEquals("S0002", page.get("attack").get("software").get(0).get("id").asText());
    assertEquals(1, page.get("event_coverage").get("entries").get(0).get("sources").get(0).get("event_ids").get(0)
        .asInt());
  }

  @Test
  void ruleFileAlreadyInTheCorpusIsNotCountedTwice() throws IOException {
    Path seed = TestData.rules().resolve("windows/network_connection/net_connection_win_msiexec_http.yml");
    JsonNode page = json(explain(seed.toString(), TestData.shippedRuleArgs(), "--format", "json"));
    assertEquals(25, page.get("corpus_rules").asInt());
    assertEquals(MSIEXEC, page.get("id").asText());
  }

  @Test
  void unknownRuleExitsTwoWithAMessage() {
    CliRun run = explain("00000000-dead-beef-0000-000000000000", TestData.shippedRuleArgs());
    assertEquals(2, run.status(), run::toString);
    assertTrue(run.err().contains("no rule '00000000-dead-beef-0000-000000000000' among the 25 rules"), run::toString);
    assertEquals("", run.out());
    CliRun file = explain("no/such/rule.yml", TestData.shippedRuleArgs());
    assertEquals(2, file.status(), file::toString);
    assertTrue(file.err().contains("(and no such file)"), file::toString);
  }

  @Test
  void unmappedAndRoutingOffRunOnEveryEvent() throws IOException {
    JsonNode off = json(explain(MSIEXEC, TestData.shippedRuleArgs(), "--format", "json", "--no-routing"));
    assertTrue(off.get("event_coverage").get("every_event").asBoolean());
    assertEquals("routing off: runs on every event", off.get("event_coverage").get("reason").asText());
    CliRun text = explain(MSIEXEC, TestData.shippedRuleArgs(), "--no-routing");
    assertTrue(text.out().contains("\nEvent coverage\n  routing off: runs on every event"), text::toString);
  }

  @Test
  void idPrefixFindsTheRule() {
    CliRun run = explain("8e5e38e4", TestData.shippedRuleArgs());
    assertEquals(0, run.status(), run::toString);
    assertTrue(run.out().contains(MSIEXEC));
  }

  @Test
  void badFormatExitsTwo() {
    CliRun run = explain(MSIEXEC, TestData.shippedRuleArgs(), "--format", "yaml");
    assertEquals(2, run.status(), run::toString);
    assertTrue(run.err().contains("--format takes text or json"));
  }
}
