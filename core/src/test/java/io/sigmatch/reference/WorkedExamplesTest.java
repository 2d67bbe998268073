package io.sigmatch.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.event.MapEvent;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.Diagnostic;
import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The worked examples E01–E112 of the semantics note, and derived cases X01…, from
 * {@code worked-examples.yml}: each rule loads, warns or is rejected as the table says, and the
 * reference evaluator gives each event the expected verdict (routing off).
 */
class WorkedExamplesTest {

  /** One table row. */
  record Example(String id, String note, String rule, Map<String, List<String>> placeholders, String load,
      String loadMessage, List<Map<String, Object>> events, String skipReason) {}

  @SuppressWarnings("unchecked")
  static List<Example> examples() throws IOException {
    try (InputStream in = WorkedExamplesTest.class.getResourceAsStream("/worked-examples.yml")) {
      List<Map<String, Object>> rows = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      List<Example> out = new ArrayList<>();
      for (Map<String, Object> r : rows) {
        Map<String, List<String>> placeholders = new java.util.HashMap<>();
        if (r.get("placeholders") instanceof Map<?, ?> p) {
          p.forEach((k, v) -> placeholders.put((String) k,
              ((List<?>) v).stream().map(String::valueOf).toList()));
        }
        out.add(new Example((String) r.get("id"), (String) r.get("note"), (String) r.get("rule"), placeholders,
            (String) r.get("load"), (String) r.getOrDefault("load_message", ""),
            (List<Map<String, Object>>) r.getOrDefault("events", List.of()), (String) r.get("skip_reason")));
      }
      return out;
    }
  }

  static RuleSet load(Example e) {
    return RuleLoader.builder().placeholders(e.placeholders()).build().loadText(e.rule(), e.id());
  }

  @TestFactory
  Stream<DynamicTest> everyExample() throws IOException {
    List<Example> examples = examples();
    assertTrue(examples.size() >= 112, "examples: " + examples.size());
    return examples.stream().map(e -> DynamicTest.dynamicTest(e.id() + " " + e.note(), () -> check(e)));
  }

  private static void check(Example e) {
    RuleSet set = load(e);
    String keyword = e.loadMessage() == null ? "" : e.loadMessage().toLowerCase(Locale.ROOT);
    switch (e.load()) {
      case "reject" -> {
        assertTrue(set.errors().stream().anyMatch(d -> mentions(d, keyword)),
            e.id() + ": expected a rejection mentioning '" + keyword + "', got " + set.diagnostics());
        return;
      }
      case "warn" -> {
        assertEquals(List.of(), set.errors(), e.id());
        assertTrue(set.warnings().stream().anyMatch(d -> mentions(d, keyword)),
            e.id() + ": expected a warning mentioning '" + keyword + "', got " + set.warnings());
      }
      default -> assertEquals(List.of(), set.errors(), e.id());
    }
    if (e.skipReason() != null) {
      assertTrue(!set.rules().isEmpty() || !set.correlations().isEmpty(), e.id() + " loads nothing");
      return;
    }
    ReferenceEvaluator ref = ReferenceEvaluator.create(set.rules(), LogsourceMapping.none());
    for (Map<String, Object> event : e.events()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = (Map<String, Object>) event.get("fields");
      boolean expected = (Boolean) event.get("match");
      boolean actual = !ref.evaluate(new MapEvent(fields == null ? Map.of() : fields)).isEmpty();
      assertEquals(expected, actual, e.id() + " on " + fields);
    }
  }

  private static boolean mentions(Diagnostic d, String keyword) {
    return d.message().toLowerCase(Locale.ROOT).contains(keyword);
  }
}
