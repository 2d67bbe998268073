package io.sigmatch.properties;

import io.sigmatch.engine.Engine;
import io.sigmatch.engine.MatchContext;
import io.sigmatch.event.Event;
import io.sigmatch.event.MapEvent;
import io.sigmatch.reference.ReferenceEvaluator;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.SigmaRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Both evaluators over one rule list, compared by rule id, with a minimiser that turns a
 * disagreement into a small report: the fewest rules and event fields that still disagree.
 */
final class Engines {
  private final List<SigmaRule> rules;
  private final LogsourceMapping mapping;
  private final ReferenceEvaluator reference;
  private final Engine compiled;
  private final MatchContext context;

  Engines(List<SigmaRule> rules, LogsourceMapping mapping) {
    this.rules = rules;
    this.mapping = mapping;
    this.reference = ReferenceEvaluator.create(rules, mapping);
    this.compiled = Engine.builder().rules(rules).logsources(mapping).build();
    this.context = compiled.newContext();
  }

  static LogsourceMapping mapping(boolean routing) {
    return routing ? DEFAULTS : LogsourceMapping.none();
  }

  private static final LogsourceMapping DEFAULTS = LogsourceMapping.defaults();

  List<String> reference(Map<String, Object> event) {
    return ids(reference.evaluate(new MapEvent(event)));
  }

  List<String> compiled(Map<String, Object> event) {
    return ids(compiled.match(new MapEvent(event), context));
  }

  /** The compiled engine's matches with a context made for this one call. */
  List<String> compiledFresh(Map<String, Object> event) {
    return ids(compiled.match(new MapEvent(event), compiled.newContext()));
  }

  /** The compiled engine's matches of each event, the events matched as one batch. */
  List<List<String>> compiledBatch(List<Map<String, Object>> events) {
    List<List<String>> out = new ArrayList<>();
    List<Event> batch = new ArrayList<>();
    for (Map<String, Object> e : events) {
      out.add(new ArrayList<>());
      batch.add(new MapEvent(e));
    }
    compiled.matchBatch(batch, context, (i, rule) -> out.get(i).add(rule.label()));
    return out;
  }

  List<String> reference(Event event) {
    return ids(reference.evaluate(event));
  }

  List<String> compiled(Event event) {
    return ids(compiled.match(event, context));
  }

  static List<String> ids(List<SigmaRule> matched) {
    return matched.stream().map(SigmaRule::label).toList();
  }

  /** Whether both evaluators give the same ids, in the same order. */
  boolean agree(Map<String, Object> event) {
    return reference(event).equals(compiled(event));
  }

  /**
   * A report of a disagreement, reduced greedily: rules that do not matter dropped, the one left
   * simplified ({@link RuleMinimizer}), event fields, nested entries and list elements dropped, as
   * long as the evaluators still disagree.
   */
  String explain(Map<String, Object> event) {
    List<SigmaRule> kept = new ArrayList<>(rules);
    for (int i = kept.size() - 1; i >= 0 && kept.size() > 1; i--) {
      List<SigmaRule> fewer = new ArrayList<>(kept);
      fewer.remove(i);
      if (!new Engines(fewer, mapping).agree(event)) {
        kept = fewer;
      }
    }
    Map<String, Object> ev = event;
    for (int round = 0; round < 2; round++) {
      if (kept.size() == 1) {
        Map<String, Object> current = ev;
        kept = List.of(RuleMinimizer.minimize(kept.get(0), r -> !new Engines(List.of(r), mapping).agree(current)));
      }
      List<SigmaRule> now = kept;
      ev = shrinkEvent(ev, e -> !new Engines(now, mapping).agree(e));
    }
    Engines small = new Engines(kept, mapping);
    StringBuilder b = new StringBuilder();
    b.append("reference ").append(small.reference(ev)).append(" but compiled ").append(small.compiled(ev))
        .append(" (routing ").append(mapping == DEFAULTS ? "on" : "off").append(")\n");
    b.append("event: ").append(Reports.event(ev)).append('\n');
    for (SigmaRule r : kept) {
      b.append(Reports.ruleYaml(r)).append('\n');
    }
    b.append("(unreduced: ").append(rules.size()).append(" rules, event ").append(Reports.event(event)).append(")");
    return b.toString();
  }

  /** The explanation of the first event on which the evaluators disagree, or null. */
  static String explainFirst(List<SigmaRule> rules, boolean routing, List<Map<String, Object>> events) {
    Engines engines = new Engines(rules, mapping(routing));
    for (Map<String, Object> e : events) {
      if (!engines.agree(e)) {
        return engines.explain(e);
      }
    }
    return null;
  }

  /** Drops fields, list elements and nested entries while {@code stillFails} holds. */
  static Map<String, Object> shrinkEvent(Map<String, Object> event, Function<Map<String, Object>, Boolean> stillFails) {
    Map<String, Object> current = new LinkedHashMap<>(event);
    boolean progress = true;
    while (progress) {
      progress = false;
      for (String key : new ArrayList<>(current.keySet())) {
        Map<String, Object> fewer = new LinkedHashMap<>(current);
        fewer.remove(key);
        if (stillFails.apply(fewer)) {
          current = fewer;
          progress = true;
          continue;
        }
        Object v = current.get(key);
        for (Object simpler : simpler(v)) {
          Map<String, Object> changed = new LinkedHashMap<>(current);
          changed.put(key, simpler);
          if (stillFails.apply(changed)) {
            current = changed;
            progress = true;
            break;
          }
        }
      }
    }
    return current;
  }

  private static List<Object> simpler(Object v) {
    List<Object> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        List<Object> fewer = new ArrayList<>(l);
        fewer.remove(i);
        out.add(fewer);
        out.add(l.get(i));
      }
    } else if (v instanceof Map<?, ?> m) {
      for (Object k : m.keySet()) {
        Map<Object, Object> fewer = new LinkedHashMap<>(m);
        fewer.remove(k);
        out.add(fewer);
      }
    } else if (v instanceof String s && s.length() > 1) {
      out.add(s.substring(1));
      out.add(s.substring(0, s.length() - 1));
    }
    return out;
  }
}
