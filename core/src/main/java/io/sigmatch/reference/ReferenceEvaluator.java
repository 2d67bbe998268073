package io.sigmatch.reference;

import io.sigmatch.event.Event;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.routing.Route;
import io.sigmatch.rule.Condition;
import io.sigmatch.rule.DetectionItem;
import io.sigmatch.rule.Logsource;
import io.sigmatch.rule.Search;
import io.sigmatch.rule.SigmaRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain reading of the Sigma semantics, one rule at a time: the oracle the compiled engine is
 * tested against and the baseline it is measured against. Per-rule work (parsing values, folding
 * patterns, compiling regular expressions) happened when the rules were loaded; per event it walks
 * each rule's condition, reading fields as it goes. Immutable and thread-safe.
 *
 * <pre>{@code
 * RuleSet set = RuleLoader.builder().build().load(List.of(Path.of("rules")));
 * ReferenceEvaluator ref = ReferenceEvaluator.create(set.rules(), LogsourceMapping.defaults());
 * for (SigmaRule r : ref.evaluate(new MapEvent(json))) System.out.println(r.title());
 * }</pre>
 *
 * <p>Cost per event: proportional to the number of rules whose route admits the event; each
 * logsource route, and whether the mapping claims the event, is decided once per event.
 */
public final class ReferenceEvaluator {
  private final List<SigmaRule> rules;
  private final LogsourceMapping mapping;
  private final List<Route> routes;
  /** Per rule, the index of its logsource's route in {@link #routes}. */
  private final int[] routeOf;

  private ReferenceEvaluator(List<SigmaRule> rules, LogsourceMapping mapping, List<Route> routes, int[] routeOf) {
    this.rules = rules;
    this.mapping = mapping;
    this.routes = routes;
    this.routeOf = routeOf;
  }

  /**
   * An evaluator over {@code rules}, routed by {@code mapping}; pass {@link LogsourceMapping#none()}
   * to run every rule on every event.
   */
  public static ReferenceEvaluator create(List<SigmaRule> rules, LogsourceMapping mapping) {
    Map<Logsource, Integer> ids = new HashMap<>();
    List<Route> routes = new ArrayList<>();
    int[] routeOf = new int[rules.size()];
    for (int i = 0; i < rules.size(); i++) {
      Logsource ls = rules.get(i).logsource();
      Integer id = ids.get(ls);
      if (id == null) {
        id = routes.size();
        ids.put(ls, id);
        routes.add(mapping.route(ls));
      }
      routeOf[i] = id;
    }
    return new ReferenceEvaluator(List.copyOf(rules), mapping, List.copyOf(routes), routeOf);
  }

  /**
   * The rules that match {@code event} and raise alerts of their own, in load order. Rules used
   * only by correlations ({@link SigmaRule#generatesAlerts()} false) are left out.
   */
  public List<SigmaRule> evaluate(Event event) {
    List<SigmaRule> out = new ArrayList<>();
    Boolean[] admitted = new Boolean[routes.size()];
    Boolean claimed = null;
    for (int i = 0; i < rules.size(); i++) {
      SigmaRule rule = rules.get(i);
      int route = routeOf[i];
      if (admitted[route] == null) {
        Route r = routes.get(route);
        if (r.unmapped() && claimed == null) {
          claimed = mapping.claims(event);
        }
        admitted[route] = r.admits(event, claimed != null && claimed);
      }
      if (rule.generatesAlerts() && admitted[route] && matches(rule, event)) {
        out.add(rule);
      }
    }
    return out;
  }

  /** Whether the rule's detection matches {@code event}, whatever the logsource. */
  public static boolean matches(SigmaRule rule, Event event) {
    for (Condition c : rule.detection().conditions()) {
      if (holds(c, rule, event)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the named search identifier holds for {@code event}. */
  public static boolean searchHolds(SigmaRule rule, String identifier, Event event) {
    return holds(rule.detection().searches().get(identifier), event);
  }

  private static boolean holds(Condition c, SigmaRule rule, Event event) {
    if (c instanceof Condition.Ref r) {
      return searchHolds(rule, r.identifier(), event);
    }
    if (c instanceof Condition.Not n) {
      return !holds(n.operand(), rule, event);
    }
    if (c instanceof Condition.And a) {
      for (Condition o : a.operands()) {
        if (!holds(o, rule, event)) {
          return false;
        }
      }
      return true;
    }
    if (c instanceof Condition.Or o) {
      for (Condition x : o.operands()) {
        if (holds(x, rule, event)) {
          return true;
        }
      }
      return false;
    }
    Condition.Selector s = (Condition.Selector) c;
    for (String id : s.identifiers()) {
      boolean h = searchHolds(rule, id, event);
      if (s.all() && !h) {
        return false;
      }
      if (!s.all() && h) {
        return true;
      }
    }
    return s.all();
  }

  static boolean holds(Search search, Event event) {
    if (search instanceof Search.AllOf all) {
      for (DetectionItem item : all.items()) {
        if (!ItemSemantics.holds(item, event)) {
          return false;
        }
      }
      return true;
    }
    for (Search alternative : ((Search.AnyOf) search).alternatives()) {
      if (holds(alternative, event)) {
        return true;
      }
    }
    return false;
  }
}
