package io.sigmatch.bench;

import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.SigmaRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;

/**
 * The rules the benchmarks run: every rule of the active SigmaHQ folders (see {@link SharedData}),
 * put once into a fixed, seeded order whose prefixes are the subsets. A subset of {@code n} rules
 * is the first {@code n} of that order, so every run uses the same rules, smaller subsets are
 * contained in larger ones, and the msiexec seed rule (always first) is in all of them.
 *
 * <p>The order is stratified by logsource in proportion to its share of the whole set: rules are
 * grouped by logsource, shuffled within their group, and rule {@code k} of a group of {@code s}
 * rules gets the position key {@code (k + u) / s}, with {@code u} a seeded offset per group; all
 * rules are sorted by that key. Any prefix then holds each logsource's rules in the proportion of
 * the full set (to within one rule), e.g. about a third process_creation. A plain round-robin
 * over logsources would fill small subsets with one rule from each of the many rare (cloud,
 * Linux, macOS) logsources that never see a Windows event, making them unrepresentatively cheap.
 */
final class RuleSubsets {
  /** SigmaHQ's "Msiexec.EXE Initiated Network Connection Over HTTP", by frack113. */
  static final String SEED_RULE_ID = "8e5e38e4-5350-4c0b-895a-e872ce0dd54f";
  /** Fixed so that every run, on every machine, picks the same subsets. */
  static final long SHUFFLE_SEED = 0x5167_6D61_7463_6801L;

  private static List<SigmaRule> ordered;

  private RuleSubsets() {}

  /** Every loaded rule, in the stratified order; loaded once per JVM. */
  static synchronized List<SigmaRule> all() {
    if (ordered == null) {
      long start = System.nanoTime();
      RuleSet set = RuleLoader.builder().rejectUnresolvedPlaceholders(false).build()
          .load(SharedData.ruleFolders());
      ordered = stratifiedOrder(set.rules(), SHUFFLE_SEED);
      System.out.printf("[sigmatch-bench] loaded %d rules (%d rejected) from %s in %d ms%n",
          ordered.size(), set.errors().size(), SharedData.ruleFolders(),
          (System.nanoTime() - start) / 1_000_000);
    }
    return ordered;
  }

  /**
   * The first {@code count} rules of the order ({@code "all"} for every rule). Asking for more
   * rules than were loaded (the shipped fallback has 25) gives them all, and says so.
   */
  static List<SigmaRule> take(String count) {
    List<SigmaRule> all = all();
    if (count.equals("all")) {
      return all;
    }
    int n = Integer.parseInt(count);
    if (n > all.size()) {
      System.out.printf("[sigmatch-bench] asked for %d rules, only %d loaded: using all%n", n, all.size());
      return all;
    }
    return all.subList(0, n);
  }

  /** The msiexec seed rule alone. */
  static List<SigmaRule> seedRule() {
    return take("1");
  }

  /** {@code rules} in the stratified order described above, the seed rule first. */
  static List<SigmaRule> stratifiedOrder(List<SigmaRule> rules, long seed) {
    // Sorting first makes the order independent of the order the loader returned the rules in.
    Comparator<SigmaRule> stable = Comparator
        .comparing((SigmaRule r) -> Objects.toString(r.id(), ""))
        .thenComparing(r -> Objects.toString(r.title(), ""))
        .thenComparing(SigmaRule::source)
        .thenComparingInt(SigmaRule::document);
    Map<String, List<SigmaRule>> groups = new TreeMap<>();
    for (SigmaRule r : rules) {
      groups.computeIfAbsent(r.logsource().toString(), k -> new ArrayList<>()).add(r);
    }
    Random random = new Random(seed);
    List<Keyed> keyed = new ArrayList<>(rules.size());
    int groupNumber = 0;
    for (List<SigmaRule> group : groups.values()) {
      group.sort(stable);
      Collections.shuffle(group, random);
      double offset = random.nextDouble();
      for (int k = 0; k < group.size(); k++) {
        keyed.add(new Keyed(group.get(k), (k + offset) / group.size(), groupNumber));
      }
      groupNumber++;
    }
    keyed.sort(Comparator.comparingDouble(Keyed::key).thenComparingInt(Keyed::group));
    List<SigmaRule> out = new ArrayList<>(rules.size());
    SigmaRule seedRule = null;
    for (Keyed k : keyed) {
      if (SEED_RULE_ID.equals(k.rule().id())) {
        seedRule = k.rule();
      } else {
        out.add(k.rule());
      }
    }
    if (seedRule == null) {
      throw new IllegalStateException("the seed rule " + SEED_RULE_ID + " is not among the loaded rules");
    }
    out.add(0, seedRule);
    return List.copyOf(out);
  }

  private record Keyed(SigmaRule rule, double key, int group) {}
}
