package io.sigmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigmatch.engine.Engine;
import io.sigmatch.engine.Indicator;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.SigmaRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code explain} over the SigmaHQ corpus (the five active folders, placeholders matching anything). */
class SigmaHqExplainTest {
  private static List<Path> folders;
  private static RuleSet set;
  private static Map<IndependentCount.Key, Integer> counts;

  @BeforeAll
  static void load() {
    folders = TestData.sigmaHqFolders();
    set = RuleLoader.builder().rejectUnresolvedPlaceholders(false).build().load(folders);
    counts = IndependentCount.counts(set.rules());
  }

  private static List<String> ruleArgs() {
    List<String> args = new ArrayList<>();
    for (Path f : folders) {
      args.add("--rules");
      args.add(f.toString());
    }
    args.add("--unresolved-placeholders");
    args.add("match-any");
    return args;
  }

  private static int independent(String field, String kind, String value) {
    SigmaRule seed = set.rules().stream().filter(r -> ExplainCommandTest.MSIEXEC.equals(r.id())).findFirst()
        .orElseThrow();
    IndependentCount.Row row = IndependentCount.rows(seed).stream()
        .filter(r -> r.field().equals(field) && r.kind().equals(kind) && r.value().equals(value)).findFirst()
        .orElseThrow(() -> new AssertionError("the seed has no " + field + " " + kind + " " + value));
    return counts.get(row.key());
  }

  @Test
  void msiexecIndicatorCountsMatchTheIndependentCount() throws IOException {
    JsonNode page = ExplainCommandTest.json(ExplainCommandTest.explain(ExplainCommandTest.MSIEXEC, ruleArgs(),
        "--format", "json"));
    assertEquals(set.rules().size(), page.get("corpus_rules").asInt());
    Map<String, Integer> byIndicator = new java.util.LinkedHashMap<>();
    for (JsonNode i : page.get("indicators")) {
      byIndicator.put(i.get("field").asText() + " " + i.get("kind").asText() + " " + i.get("value").asText(),
          i.get("corpus").asInt());
    }
    assertEquals(Map.of(
        "Image ends_with \\msiexec.exe", independent("Image", "ends_with", "\\msiexec.exe"),
        "Initiated eq true", independent("Initiated", "eq", "true"),
        "DestinationPort eq 80", independent("DestinationPort", "eq", "80"),
        "DestinationPort eq 443", independent("DestinationPort", "eq", "443")), byIndicator);
    assertTrue(byIndicator.get("Image ends_with \\msiexec.exe") > 1, byIndicator::toString);
    assertTrue(byIndicator.get("Initiated eq true") > 1, byIndicator::toString);
    SigmaRule seed = set.rules().stream().filter(r -> ExplainCommandTest.MSIEXEC.equals(r.id())).findFirst()
        .orElseThrow();
    assertEquals(ExplainCommandTest.independentRows(seed, counts), ExplainCommandTest.engineRows(page));
  }

  /** The engine's indicators of every SigmaHQ rule against the independent count, in-process. */
  @Test
  void everyRuleIndicatorCountMatchesTheIndependentCount() {
    Engine engine = Engine.builder().rules(set.rules()).logsources(LogsourceMapping.defaults()).build();
    List<String> differences = new ArrayList<>();
    for (SigmaRule rule : set.rules()) {
      Set<List<Object>> actual = new HashSet<>();
      for (Indicator i : engine.indicators(rule)) {
        actual.add(List.of(i.identifier(), i.field(), i.kind(), i.value(), i.corpusCount()));
      }
      Set<List<Object>> expected = ExplainCommandTest.independentRows(rule, counts);
      if (!actual.equals(expected)) {
        Set<List<Object>> onlyEngine = new HashSet<>(actual);
        onlyEngine.removeAll(expected);
        Set<List<Object>> onlyIndependent = new HashSet<>(expected);
        onlyIndependent.removeAll(actual);
        differences.add(rule.id() + ": engine " + onlyEngine + " independent " + onlyIndependent);
      }
    }
    assertTrue(differences.isEmpty(), () -> differences.size() + " rules differ, e.g.\n"
        + String.join("\n", differences.subList(0, Math.min(10, differences.size()))));
  }
}
