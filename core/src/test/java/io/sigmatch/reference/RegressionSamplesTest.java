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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every SigmaHQ regression sample fires its rule on at least {@code match_count} of its events (at
 * least one when unset), with the default logsource routing, in both event shapes: the flat JSON
 * Lines and SigmaHQ's nested {@code Event.System}/{@code Event.EventData} JSON.
 */
class RegressionSamplesTest {

  @TestFactory
  Stream<DynamicTest> everySampleFiresItsRule() {
    Path regression = SharedData.root().resolve("sigma-regression");
    List<?> index = (List<?>) JsonEvents.tree(regression.resolve("index.json"));
    LogsourceMapping mapping = LogsourceMapping.defaults();
    List<DynamicTest> tests = new ArrayList<>();
    for (Object o : index) {
      Map<?, ?> sample = (Map<?, ?>) o;
      for (Object r : (List<?>) sample.get("rules")) {
        Map<?, ?> rule = (Map<?, ?>) r;
        for (Object t : (List<?>) sample.get("tests")) {
          Map<?, ?> test = (Map<?, ?>) t;
          Object count = test.get("match_count");
          int expected = count == null ? 1 : ((Number) count).intValue();
          for (String shape : List.of("jsonl", "json")) {
            Path events = regression.resolve((String) test.get(shape));
            Path rulePath = regression.resolve((String) rule.get("path")).normalize();
            tests.add(DynamicTest.dynamicTest(rule.get("id") + " " + shape, () ->
                assertFires(rulePath, (String) rule.get("id"), events, expected, mapping)));
          }
        }
      }
    }
    assertTrue(tests.size() >= 300, "samples: " + tests.size());
    return tests.stream();
  }

  private static void assertFires(Path rulePath, String id, Path events, int expected, LogsourceMapping mapping) {
    RuleSet set = RuleLoader.builder().build().load(List.of(rulePath));
    assertEquals(List.of(), set.errors());
    SigmaRule rule = set.rules().stream().filter(r -> id.equals(r.id())).findFirst().orElseThrow();
    ReferenceEvaluator ref = ReferenceEvaluator.create(List.of(rule), mapping);
    int matched = 0;
    for (Event e : JsonEvents.read(events)) {
      if (!ref.evaluate(e).isEmpty()) {
        matched++;
      }
    }
    assertTrue(matched >= expected, rulePath.getFileName() + " on " + events.getFileName() + ": matched "
        + matched + ", expected at least " + expected);
  }
}
