package io.sigmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulePageTest {

  @Test
  void attackTagsSortIntoTacticsTechniquesGroupsSoftware() {
    RulePage.Attack a = RulePage.Attack.of(List.of("attack.execution", "attack.t1059.001", "attack.T1218",
        "attack.g0007", "attack.s0002", "attack.privilege-escalation", "attack.something", "cve.2021-44228",
        "attack.execution"));
    assertEquals(List.of("execution", "privilege-escalation"), a.tactics());
    assertEquals(List.of("T1059.001", "T1218"), a.techniques());
    assertEquals(List.of("G0007"), a.groups());
    assertEquals(List.of("S0002"), a.software());
    assertEquals(List.of("something"), a.other());
    assertEquals("https://attack.mitre.org/techniques/T1059/001/", RulePage.Attack.url("T1059.001"));
    assertEquals("https://attack.mitre.org/groups/G0007/", RulePage.Attack.url("G0007"));
  }

  @Test
  void documentTextCutsOneDocumentOutOfSeveral() {
    String file = "title: a\nid: 1\n---\n# second\ntitle: b\nid: 2\ndetection:\n  x: 1\n---\ntitle: c\n";
    assertEquals("title: a\nid: 1", RulePage.documentText(file, 0));
    assertEquals("title: b\nid: 2\ndetection:\n  x: 1", RulePage.documentText(file, 1));
    assertEquals("title: c", RulePage.documentText(file, 2));
    assertNull(RulePage.documentText(file, 3));
    assertEquals("# comment\ntitle: a", RulePage.documentText("# comment\ntitle: a\n\n", 0));
  }

  @Test
  void dumpIsBlockYamlWithPlainNumbers() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "t");
    body.put("detection", Map.of("sel", Map.of("Port", List.of(new BigDecimal("80"), new BigDecimal("1.5")))));
    String yaml = RulePage.dump(body);
    assertTrue(yaml.contains("title: t\ndetection:\n    sel:\n        Port:\n          - 80\n          - 1.5"), yaml);
  }

  @Test
  void yamlScalarsKeepTheirType() {
    assertEquals("'true'", RulePageText.yamlScalar("true"));
    assertEquals("true", RulePageText.yamlScalar(Boolean.TRUE));
    assertEquals("80", RulePageText.yamlScalar(new BigDecimal("80")));
    assertEquals("'it''s'", RulePageText.yamlScalar("it's"));
    assertEquals("null", RulePageText.yamlScalar(null));
  }

  @Test
  void tableCellsShowSpacesAndLineBreaks() {
    assertEquals("' -hidewmp'", RulePageText.shown(" -hidewmp"));
    assertEquals("''", RulePageText.shown(""));
    assertEquals("a\\nb", RulePageText.shown("a\nb"));
    assertEquals("plain", RulePageText.shown("plain"));
  }
}
