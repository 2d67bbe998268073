package io.sigmatch.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.rule.Diagnostic;
import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.SigmaRule;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A folder of malformed rules beside good ones ({@code bad-rules/}, see its README): each bad
 * document gets its own diagnostic with the file, rule id, YAML path and reason of
 * {@code expected.yml}; every good rule still loads; no diagnostic carries a stack trace; and the
 * load ends, however hostile the rules.
 */
class BadRulesTest {

  @TempDir
  Path folder;

  @Test
  @SuppressWarnings("unchecked")
  void eachBadRuleIsReportedAndTheGoodOnesLoad() throws IOException, URISyntaxException {
    Path source = Path.of(Objects.requireNonNull(getClass().getResource("/bad-rules/expected.yml")).toURI())
        .getParent();
    try (Stream<Path> files = Files.list(source)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().equals("expected.yml")).toList()) {
        Files.copy(f, folder.resolve(f.getFileName()));
      }
    }
    writeHugeValueRule(folder.resolve("huge_value.yml"));
    Map<String, Object> expected;
    try (InputStream in = Files.newInputStream(source.resolve("expected.yml"))) {
      expected = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }

    // Far above the half second a load takes: it fails only on a hang, such as a regex RE2/J never compiles.
    RuleSet set = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> RuleLoader.builder().build().load(List.of(folder)));

    for (String good : (List<String>) expected.get("good")) {
      assertTrue(set.errors().stream().noneMatch(d -> d.file().endsWith("/" + good)),
          good + " must load: " + set.errors());
      assertTrue(set.rules().stream().anyMatch(r -> r.source().endsWith("/" + good))
          || set.correlations().stream().anyMatch(c -> c.source().endsWith("/" + good)), good + " loaded nothing");
    }
    for (String id : (List<String>) expected.get("good_ids")) {
      assertTrue(set.rules().stream().map(SigmaRule::id).anyMatch(id::equals), id + " must load");
    }
    List<Map<String, Object>> bad = (List<Map<String, Object>>) expected.get("bad");
    assertTrue(bad.size() >= 20);
    for (Map<String, Object> b : bad) {
      String file = (String) b.get("file");
      String reason = ((String) b.get("reason")).toLowerCase(Locale.ROOT);
      List<Diagnostic> found = set.errors().stream().filter(d -> d.file().endsWith("/" + file)).toList();
      assertEquals(1, found.stream().filter(d -> Objects.equals(d.ruleId(), b.get("rule_id"))).count(),
          file + ": expected one error for rule " + b.get("rule_id") + ", got " + found);
      Diagnostic d = found.stream().filter(x -> Objects.equals(x.ruleId(), b.get("rule_id"))).findFirst().orElseThrow();
      assertEquals(b.get("yaml_path"), d.path(), file + ": " + d);
      assertTrue(d.message().toLowerCase(Locale.ROOT).contains(reason), file + ": '" + reason + "' not in " + d);
      assertTrue(!d.message().contains("\tat ") && !d.message().contains("Exception"), file + ": " + d);
    }
    assertEquals(bad.size(), set.errors().size(), "one error per bad document: " + set.errors());
  }

  /** A rule with one 10,000,000-character value, generated here rather than stored in the repository. */
  private static void writeHugeValueRule(Path file) throws IOException {
    String value = "A".repeat(10_000_000);
    Files.writeString(file, "title: Huge value\nid: 0d6f4f3e-8a55-4a5c-9a43-1f8f2a6d7e01\nstatus: test\n"
        + "logsource: {category: process_creation, product: windows}\n"
        + "detection:\n  selection:\n    Image: '" + value + "'\n  condition: selection\n");
  }
}
