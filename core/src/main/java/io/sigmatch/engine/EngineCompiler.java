package io.sigmatch.engine;

import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.Logsource;
import io.sigmatch.rule.SigmaRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@link Engine}: rules and routes to expressions over a merged predicate table, then
 * condition programs, anchors, and one {@link FieldIndex} per field. Rules that raise no alerts of
 * their own (used only by correlations) are left out, as the reference evaluator leaves them out.
 */
final class EngineCompiler {
  private final List<SigmaRule> input;
  private final LogsourceMapping mapping;

  EngineCompiler(List<SigmaRule> rules, LogsourceMapping mapping) {
    this.input = rules;
    this.mapping = mapping;
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
    Map<Logsource, Integer> routeIds = new LinkedHashMap<>();
    List<ConditionProgram> routes = new ArrayList<>();
    int[] routeOf = new int[rules.size()];
    for (int i = 0; i < rules.size(); i++) {
      Logsource ls = rules.get(i).logsource();
      Integer id = routeIds.get(ls);
      if (id == null) {
        id = routes.size();
        routeIds.put(ls, id);
        routes.add(ConditionProgram.compile(compiler.route(mapping.route(ls))));
      }
      routeOf[i] = id;
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
    for (int p = 0; p < table.size(); p++) {
      Predicate pred = table.get(p);
      FieldIndexBuilder b = builders.computeIfAbsent(pred.field(),
          f -> new FieldIndexBuilder(f, builders.size(), table.size(), checks, regexes));
      b.add(p, pred);
      if (p < rulePredicates) {
        ruleField.put(pred.field(), true);
      }
    }
    Map<String, FieldIndex> byName = new HashMap<>();
    Map<String, List<FieldIndex>> dotted = new HashMap<>();
    FieldIndex keywords = null;
    for (FieldIndexBuilder b : builders.values()) {
      FieldIndex f = b.build();
      if (f.field.isEmpty()) {
        keywords = f;
        continue;
      }
      byName.put(f.field, f);
      int dot = f.field.indexOf('.');
      if (dot > 0) {
        dotted.computeIfAbsent(f.field.substring(0, dot), k -> new ArrayList<>()).add(f);
      }
    }
    Map<String, FieldIndex[]> dottedArrays = new HashMap<>();
    dotted.forEach((k, v) -> dottedArrays.put(k, v.toArray(new FieldIndex[0])));

    int unguarded = 0;
    List<FieldIndex> all = new ArrayList<>(byName.values());
    if (keywords != null) {
      all.add(keywords);
    }
    for (FieldIndex f : all) {
      unguarded += f.unguardedChecks.length;
    }
    List<EngineStats.FieldStats> perField = perField(all, table);
    long nanos = System.nanoTime() - start;
    EngineStats stats = new EngineStats(rules.size(), ruleField.size(), rulePredicates, requested,
        builders.size() - ruleField.size(), table.size() - rulePredicates, routes.size(), alwaysRun.size(),
        checks.size(), unguarded, nanos, perField);
    return new Engine(rules.toArray(new SigmaRule[0]), programs, routeOf, routes.toArray(new ConditionProgram[0]),
        anchorStart, anchoredRules.stream().mapToInt(Integer::intValue).toArray(), alwaysRun.stream().mapToInt(Integer::intValue).toArray(), byName, dottedArrays, keywords,
        checks.toArray(new Check[0]), regexes.toArray(new com.google.re2j.Pattern[0]), table, stats);
  }

  private static List<EngineStats.FieldStats> perField(List<FieldIndex> fields, PredicateTable table) {
    Map<String, EnumMap<Predicate.Kind, Integer>> counts = new HashMap<>();
    for (Predicate p : table.all()) {
      counts.computeIfAbsent(p.field(), f -> new EnumMap<>(Predicate.Kind.class)).merge(p.kind(), 1, Integer::sum);
    }
    List<EngineStats.FieldStats> out = new ArrayList<>();
    for (FieldIndex f : fields) {
      EnumMap<Predicate.Kind, Integer> c = counts.getOrDefault(f.field, new EnumMap<>(Predicate.Kind.class));
      int equalities = n(c, Predicate.Kind.TEXT_EQUALS) + n(c, Predicate.Kind.NUMBER_EQUALS);
      int prefixes = n(c, Predicate.Kind.TEXT_PREFIX);
      int suffixes = n(c, Predicate.Kind.TEXT_SUFFIX);
      int needles = (f.folded == null ? 0 : f.folded.needleCount) + (f.cased == null ? 0 : f.cased.needleCount);
      int regexes = n(c, Predicate.Kind.REGEX);
      int networks = f.networkCount;
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
