package io.sigmatch.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.event.Event;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.SigmaRule;
import io.sigmatch.testing.JsonEvents;
import io.sigmatch.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The shipped rules on the shipped corpus give exactly the matches {@code corpus/expected-matches.tsv}
 * lists (derived by hand from the semantics note), with the default routing and the shipped
 * placeholder values.
 */
class ShippedCorpusTest {

  @Test
  @SuppressWarnings("unchecked")
  void shippedRulesMatchExactlyTheExpectedCorpusLines() throws IOException {
    Path repo = SharedData.repository();
    Map<String, List<String>> placeholders = new Yaml(new SafeConstructor(new LoaderOptions()))
        .load(Files.readString(repo.resolve("config/placeholders.yml")));
    RuleSet set = RuleLoader.builder().placeholders(placeholders).build().load(List.of(repo.resolve("rules")));
    assertEquals(List.of(), set.errors());
    assertTrue(set.rules().size() >= 16, "rules: " + set.rules().size());
    assertTrue(set.rules().stream().anyMatch(r -> "8e5e38e4-5350-4c0b-895a-e872ce0dd54f".equals(r.id())));

    ReferenceEvaluator ref = ReferenceEvaluator.create(set.rules(), LogsourceMapping.defaults());
    List<Event> events = JsonEvents.read(repo.resolve("corpus/windows-sample.jsonl"));
    Set<String> actual = new TreeSet<>();
    for (int i = 0; i < events.size(); i++) {
      for (SigmaRule r : ref.evaluate(events.get(i))) {
        actual.add(i + "\t" + r.id());
      }
    }
    Set<String> expected = new TreeSet<>(Files.readAllLines(repo.resolve("corpus/expected-matches.tsv")));
    expected.remove("line\trule_id");
    expected.removeIf(String::isBlank);
    assertEquals(expected, actual);
  }
}
