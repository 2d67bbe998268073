package io.sigmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmatch.event.Event;
import io.sigmatch.event.MapEvent;
import io.sigmatch.reference.ReferenceEvaluator;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.SigmaRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small rule set compiled both ways: every expectation on the engine is also checked against
 * the reference evaluator, so a test cannot pin behaviour the reference does not have.
 */
final class EngineFixture {
  final List<SigmaRule> rules;
  final LogsourceMapping mapping;
  final Engine engine;
  final ReferenceEvaluator reference;
  final MatchContext ctx;

  private EngineFixture(List<SigmaRule> rules, LogsourceMapping mapping) {
    this.rules = rules;
    this.mapping = mapping;
    this.engine = Engine.builder().rules(rules).logsources(mapping).build();
    this.reference = ReferenceEvaluator.create(rules, mapping);
    this.ctx = engine.newContext();
  }

  /** Rules from YAML documents (separated by {@code ---}), routed by {@code mapping}. */
  static EngineFixture of(LogsourceMapping mapping, String yaml) {
    RuleSet set = RuleLoader.builder().build().loadText(yaml, "fixture.yml");
    assertEquals(List.of(), set.errors(), "rules must load");
    return new EngineFixture(set.rules(), mapping);
  }

  /** Rules without routing: every rule runs on every event. */
  static EngineFixture of(String yaml) {
    return of(LogsourceMapping.none(), yaml);
  }

  /** A rule document with a title, a product-only logsource and the given detection body. */
  static String rule(String title, String detection) {
    return rule(title, "    product: test\n", detection);
  }

  static String rule(String title, String logsource, String detection) {
    return "title: '" + title + "'\nlogsource:\n" + logsource + "detection:\n" + detection + "\n---\n";
  }

  /** Titles the engine matches, checked equal to the reference's first. */
  List<String> titles(Event event) {
    List<String> expected = titlesOf(reference.evaluate(event));
    List<String> actual = titlesOf(engine.match(event, ctx));
    assertEquals(expected, actual, "engine and reference disagree on " + event);
    assertEquals(actual, titlesOf(engine.match(event, engine.newContext())), "a fresh context disagrees");
    return actual;
  }

  List<String> titles(Map<String, ?> fields) {
    return titles(new MapEvent(fields));
  }

  /** Like {@link #titles(Map)} for an event that cannot list its fields (the look-up path). */
  List<String> titlesLookedUp(Map<String, ?> fields) {
    return titles(unlisted(new MapEvent(fields)));
  }

  /** The same fields behind an event that cannot list them, so the engine looks each one up. */
  static Event unlisted(MapEvent inner) {
    return new Event() {
      @Override
      public Object get(String field) {
        return inner.get(field);
      }

      @Override
      public void forEachScalar(java.util.function.Consumer<Object> visitor) {
        inner.forEachScalar(visitor);
      }

      @Override
      public String toString() {
        return "unlisted " + inner.fields();
      }
    };
  }

  static Map<String, Object> event(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static List<String> titlesOf(List<SigmaRule> rules) {
    List<String> out = new ArrayList<>();
    for (SigmaRule r : rules) {
      out.add(r.title());
    }
    return out;
  }

  /** The predicate number of the only predicate on {@code field} of {@code kind}. */
  int predicate(String field, Predicate.Kind kind) {
    int found = -1;
    for (int p = 0; p < engine.table.size(); p++) {
      Predicate pred = engine.table.get(p);
      if (pred.field().equals(field) && pred.kind() == kind) {
        assertEquals(-1, found, "more than one " + kind + " predicate on " + field);
        found = p;
      }
    }
    return found;
  }

  /** The rules (by title) anchored on predicate {@code p}. */
  List<String> anchoredOn(int p) {
    List<String> out = new ArrayList<>();
    for (int k = engine.anchorStart[p]; k < engine.anchorStart[p + 1]; k++) {
      out.add(engine.rules[engine.anchoredRules[k]].title());
    }
    return out;
  }

  /** Titles of the rules run on every event. */
  List<String> alwaysRun() {
    List<String> out = new ArrayList<>();
    for (int r : engine.alwaysRun) {
      out.add(engine.rules[r].title());
    }
    return out;
  }
}
