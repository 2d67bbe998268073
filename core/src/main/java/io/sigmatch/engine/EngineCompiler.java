package io.sigmatch.engine;

import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.routing.Route;
import io.sigmatch.rule.Logsource;
import io.sigmatch.rule.SigmaRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds an {@link Engine}: rules and routes to expressions over a merged predicate table, then
 * condition programs, anchors, and one {@link FieldIndex} per field. Rules that raise no alerts of
 * their own (used only by correlations) are left out, as the reference evaluator leaves them out.
 */
final class EngineCompiler {
  private final List<SigmaRule> input;
  private final LogsourceMapping mapping;
  private final int valueMemoSlots;

  EngineCompiler(List<SigmaRule> rules, LogsourceMapping mapping, int valueMemoSlots) {
    this.input = rules;
    this.mapping = mapping;
    this.valueMemoSlots = valueMemoSlots;
  }

  Engine compile() {
    long start = System.nanoTime();
    List<SigmaRule> rules = input.stream().filter(SigmaRule::generatesAlerts).toList();
    PredicateTable table = new PredicateTable();
    RuleCompiler compiler = new RuleCompiler(table);
    List<Expr> exprs = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      exprs.add(compiler.compile(rules.get(i), i));
    }
    int rulePredicates = table.size();
    int requested = table.requested();
    Map<Logsource, Route> routeByLogsource = new LinkedHashMap<>();
    for (SigmaRule rule : rules) {
      routeByLogsource.computeIfAbsent(rule.logsource(), mapping::route);
    }
    List<LogsourceMapping.Entry> entries = entriesDeciding(routeByLogsource.values());
    RouteTable.Builder routing = new RouteTable.Builder(entries);
    Map<Logsource, Integer> routeIds = new HashMap<>();
    int[] routeOf = new int[rules.size()];
    for (int i = 0; i < rules.size(); i++) {
      routeOf[i] = routeIds.computeIfAbsent(rules.get(i).logsource(), ls -> routing.add(routeByLogsource.get(ls)));
    }
    RouteTable routes = routing.build(compiler, table);
    List<Set<Integer>> routesByPredicate = new ArrayList<>();
    for (int p = 0; p < rulePredicates; p++) {
      routesByPredicate.add(new TreeSet<>());
    }
    Map<String, Set<Integer>> routesByField = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      int route = routeOf[i];
      Expr.forEachPredicate(exprs.get(i), p -> {
        routesByPredicate.get(p).add(route);
        routesByField.computeIfAbsent(table.get(p).field(), f -> new TreeSet<>()).add(route);
      });
    }
    Set<String> routingFields = new HashSet<>();
    for (LogsourceMapping.Entry entry : entries) {
      for (LogsourceMapping.Source source : entry.sources()) {
        routingFields.addAll(source.when().keySet());
      }
    }

    Anchors anchors = new Anchors(table);
    ConditionProgram[] programs = new ConditionProgram[rules.size()];
    List<List<Integer>> anchoredLists = new ArrayList<>();
    for (int p = 0; p < table.size(); p++) {
      anchoredLists.add(null);
    }
    List<Integer> alwaysRun = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      programs[i] = ConditionProgram.compile(exprs.get(i));
      int[] anchor = anchors.of(exprs.get(i));
      if (anchor == null || programs[i].trueWithNothingSet()) {
        alwaysRun.add(i);
        continue;
      }
      for (int p : anchor) {
        if (anchoredLists.get(p) == null) {
          anchoredLists.set(p, new ArrayList<>());
        }
        anchoredLists.get(p).add(i);
      }
    }
    int[] anchorStart = new int[table.size() + 1];
    List<Integer> anchoredRules = new ArrayList<>();
    for (int p = 0; p < table.size(); p++) {
      anchorStart[p] = anchoredRules.size();
      List<Integer> l = anchoredLists.get(p);
      if (l != null) {
        anchoredRules.addAll(l);
      }
    }
    anchorStart[table.size()] = anchoredRules.size();

    List<Check> checks = new ArrayList<>();
    List<com.google.re2j.Pattern> regexes = new ArrayList<>();
    Map<String, FieldIndexBuilder> builders = new LinkedHashMap<>();
    Map<String, Boolean> ruleField = new HashMap<>();
    // Keyword predicates are grouped by the gate of the rules that use them, each group behind
    // it: a Sysmon event then scans its values only for the needles of rules that can run on it
    // (a few dozen), not for those of every Linux, web and cloud keyword rule.
    Map<String, RouteTable.Gate> keywordGates = new HashMap<>();
    for (int p = 0; p < table.size(); p++) {
      Predicate pred = table.get(p);
      String key = pred.field();
      if (key.isEmpty()) {
        RouteTable.Gate gate = routing.gate(routesByPredicate.get(p));
        key = "\0keywords " + gate.key();
        keywordGates.put(key, gate);
      }
      FieldIndexBuilder b = builders.computeIfAbsent(key,
          k -> new FieldIndexBuilder(pred.field(), builders.size(), table.size(), checks, regexes));
      b.add(p, pred);
      if (p < rulePredicates) {
        ruleField.put(pred.field(), true);
      }
    }
    Map<String, FieldIndex> byName = new HashMap<>();
    RouteTable.Gate[] gates = new RouteTable.Gate[builders.size()];
    List<FieldIndex> routed = new ArrayList<>();
    Map<String, List<FieldIndex>> dotted = new HashMap<>();
    List<FieldIndex> keywords = new ArrayList<>();
    for (Map.Entry<String, FieldIndexBuilder> b : builders.entrySet()) {
      FieldIndex f = b.getValue().build();
      if (f.field.isEmpty()) {
        gates[f.number] = keywordGates.get(b.getKey());
        keywords.add(f);
        continue;
      }
      if (routingFields.contains(f.field)) {
        routed.add(f);
      } else {
        gates[f.number] = routing.gate(routesByField.getOrDefault(f.field, Set.of()));
      }
      byName.put(f.field, f);
      int dot = f.field.indexOf('.');
      if (dot >= 0) {
        dotted.computeIfAbsent(f.field.substring(0, dot), k -> new ArrayList<>()).add(f);
      }
    }
    Map<String, FieldIndex[]> dottedArrays = new HashMap<>();
    dotted.forEach((k, v) -> dottedArrays.put(k, v.toArray(new FieldIndex[0])));

    int unguarded = 0;
    List<FieldIndex> all = new ArrayList<>(byName.values());
    all.addAll(keywords);
    for (FieldIndex f : all) {
      unguarded += f.unguardedChecks.length;
    }
    List<EngineStats.FieldStats> perField = perField(all, table);
    long nanos = System.nanoTime() - start;
    EngineStats stats = new EngineStats(rules.size(), ruleField.size(), rulePredicates, requested,
        byName.size() + (keywords.isEmpty() ? 0 : 1) - ruleField.size(), table.size() - rulePredicates, routes.routeCount(), alwaysRun.size(),
        checks.size(), unguarded, nanos, perField);
    return new Engine(rules.toArray(new SigmaRule[0]), programs, routeOf, routes,
        routed.toArray(new FieldIndex[0]), gates, anchorStart, anchoredRules.stream().mapToInt(Integer::intValue).toArray(), alwaysRun.stream().mapToInt(Integer::intValue).toArray(), byName, dottedArrays, keywords.toArray(new FieldIndex[0]),
        checks.toArray(new Check[0]), regexes.toArray(new com.google.re2j.Pattern[0]), table, stats, valueMemoSlots);
  }

  /**
   * The mapping entries whose holding can change a verdict. While some route is unmapped, every
   * entry can, since any of them claims an event; otherwise only those a route needs or is
   * covered by: an engine of Sysmon network rules then reads no other channel or event id.
   */
  private List<LogsourceMapping.Entry> entriesDeciding(Collection<Route> routes) {
    if (routes.stream().anyMatch(Route::unmapped)) {
      return mapping.entries();
    }
    Set<LogsourceMapping.Entry> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Route r : routes) {
      used.addAll(r.entries());
      used.addAll(r.covering());
    }
    return mapping.entries().stream().filter(used::contains).toList();
  }

  private static List<EngineStats.FieldStats> perField(List<FieldIndex> fields, PredicateTable table) {
    Map<String, EnumMap<Predicate.Kind, Integer>> counts = new HashMap<>();
    for (Predicate p : table.all()) {
      counts.computeIfAbsent(p.field(), f -> new EnumMap<>(Predicate.Kind.class)).merge(p.kind(), 1, Integer::sum);
    }
    Map<String, List<FieldIndex>> byField = new LinkedHashMap<>();
    for (FieldIndex f : fields) {
      byField.computeIfAbsent(f.field, k -> new ArrayList<>()).add(f);
    }
    List<EngineStats.FieldStats> out = new ArrayList<>();
    for (List<FieldIndex> group : byField.values()) {
      FieldIndex f = group.get(0);
      EnumMap<Predicate.Kind, Integer> c = counts.getOrDefault(f.field, new EnumMap<>(Predicate.Kind.class));
      int equalities = n(c, Predicate.Kind.TEXT_EQUALS) + n(c, Predicate.Kind.NUMBER_EQUALS);
      int prefixes = n(c, Predicate.Kind.TEXT_PREFIX);
      int suffixes = n(c, Predicate.Kind.TEXT_SUFFIX);
      int needles = 0;
      int networks = 0;
      for (FieldIndex g : group) {
        needles += (g.folded == null ? 0 : g.folded.needleCount) + (g.cased == null ? 0 : g.cased.needleCount);
        networks += g.networkCount;
      }
      int regexes = n(c, Predicate.Kind.REGEX);
      int total = c.values().stream().mapToInt(Integer::intValue).sum();
      int other = total - equalities - prefixes - suffixes - n(c, Predicate.Kind.TEXT_CONTAINS) - regexes - networks;
      out.add(new EngineStats.FieldStats(f.field.isEmpty() ? "<keywords>" : f.field, equalities, prefixes, suffixes,
          needles, regexes, networks, other));
    }
    out.sort(Comparator.comparingInt(EngineStats.FieldStats::total).reversed()
        .thenComparing(EngineStats.FieldStats::field));
    return out;
  }

  private static int n(EnumMap<Predicate.Kind, Integer> c, Predicate.Kind k) {
    return c.getOrDefault(k, 0);
  }
}
