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
 * grouped by logsource and shuffled within their group, and the groups are interleaved by
 * {@link ProportionalOrder}, so that every prefix of {@code n} rules holds, of a logsource with
 * {@code s} of the {@code S} rules, {@code floor(n·s/S)} or {@code ceil(n·s/S)} (about a third
 * process_creation, whatever the subset). A plain round-robin
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
    Map<String, List<SigmaRule>> byLogsource = new TreeMap<>();
    for (SigmaRule r : rules) {
      byLogsource.computeIfAbsent(r.logsource().toString(), k -> new ArrayList<>()).add(r);
    }
    Random random = new Random(seed);
    List<List<SigmaRule>> groups = new ArrayList<>(byLogsource.values());
    for (List<SigmaRule> group : groups) {
      group.sort(stable);
      Collections.shuffle(group, random);
    }
    // The group order breaks ties between logsources equally due: shuffled, not alphabetical.
    Collections.shuffle(groups, random);
    for (int g = 0; g < groups.size(); g++) {
      List<SigmaRule> group = groups.get(g);
      for (int k = 0; k < group.size(); k++) {
        if (SEED_RULE_ID.equals(group.get(k).id())) {
          group.add(0, group.remove(k));
          return List.copyOf(ProportionalOrder.interleave(groups, g));
        }
      }
    }
    throw new IllegalStateException("the seed rule " + SEED_RULE_ID + " is not among the loaded rules");
  }
}
