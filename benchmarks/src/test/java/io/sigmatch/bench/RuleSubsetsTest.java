package io.sigmatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.rule.Logsource;
import io.sigmatch.rule.SigmaRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The promises the benchmarks' rule subsets rest on: the same rules whatever order the loader
 * returned them in, the seed rule first, and every prefix stratified by logsource.
 */
class RuleSubsetsTest {
  private static final List<Logsource> LOGSOURCES = List.of(
      new Logsource("windows", "process_creation", null),
      new Logsource("windows", "network_connection", null),
      new Logsource("windows", "registry_set", null),
      new Logsource("windows", null, "security"),
      new Logsource("linux", "process_creation", null),
      new Logsource("aws", null, "cloudtrail"));

  @Test
  void theOrderDoesNotDependOnTheLoadOrder() {
    List<SigmaRule> rules = rules(new int[] {60, 3, 25, 12, 7, 1});
    List<String> expected = ids(RuleSubsets.stratifiedOrder(rules, RuleSubsets.SHUFFLE_SEED));
    for (long shuffle = 1; shuffle <= 5; shuffle++) {
      List<SigmaRule> reordered = new ArrayList<>(rules);
      Collections.shuffle(reordered, new Random(shuffle));
      assertEquals(expected, ids(RuleSubsets.stratifiedOrder(reordered, RuleSubsets.SHUFFLE_SEED)));
    }
  }

  @Test
  void theSeedRuleComesFirstAndEveryRuleOnce() {
    List<SigmaRule> rules = rules(new int[] {60, 3, 25, 12, 7, 1});
    List<SigmaRule> order = RuleSubsets.stratifiedOrder(rules, 42);
    assertEquals(RuleSubsets.SEED_RULE_ID, order.get(0).id());
    assertEquals(ids(rules).stream().sorted().toList(), ids(order).stream().sorted().toList());
  }

  @Test
  void everyPrefixHoldsEachLogsourceInProportion() {
    int[] sizes = {60, 3, 25, 12, 7, 1};
    List<SigmaRule> order = RuleSubsets.stratifiedOrder(rules(sizes), RuleSubsets.SHUFFLE_SEED);
    Map<Logsource, Integer> seen = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
    int total = order.size();
    for (int n = 1; n <= total; n++) {
      seen.merge(order.get(n - 1).logsource(), 1, Integer::sum);
      for (int g = 0; g < sizes.length; g++) {
        int count = seen.getOrDefault(LOGSOURCES.get(g), 0);
        double share = (double) n * sizes[g] / total;
        assertTrue(count >= Math.floor(share) && count <= Math.ceil(share),
            "prefix " + n + ": " + count + " rules of " + LOGSOURCES.get(g) + ", share " + share);
      }
    }
  }

  @Test
  void anotherSeedGivesAnotherOrder() {
    List<SigmaRule> rules = rules(new int[] {60, 3, 25, 12, 7, 1});
    assertNotEquals(ids(RuleSubsets.stratifiedOrder(rules, 1)), ids(RuleSubsets.stratifiedOrder(rules, 2)));
  }

  @Test
  void withoutTheSeedRuleTheOrderIsRefused() {
    List<SigmaRule> rules = rules(new int[] {5, 5}).stream()
        .filter(r -> !RuleSubsets.SEED_RULE_ID.equals(r.id())).collect(Collectors.toList());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> RuleSubsets.stratifiedOrder(rules, 1));
    assertTrue(e.getMessage().contains(RuleSubsets.SEED_RULE_ID), e.getMessage());
  }

  /** {@code sizes[g]} rules of logsource g; the seed rule is one of the network connection rules. */
  private static List<SigmaRule> rules(int[] sizes) {
    List<SigmaRule> rules = new ArrayList<>();
    for (int g = 0; g < sizes.length; g++) {
      for (int k = 0; k < sizes[g]; k++) {
        String id = g == 1 && k == 0 ? RuleSubsets.SEED_RULE_ID : String.format("rule-%d-%03d", g, k);
        rules.add(new SigmaRule("rules/" + id + ".yml", 0, id, null, "Rule " + id, null, null, null, null,
            null, null, List.of(), List.of(), List.of(), LOGSOURCES.get(g), null, Map.of(), true));
      }
    }
    return rules;
  }

  private static List<String> ids(List<SigmaRule> rules) {
    return rules.stream().map(SigmaRule::id).toList();
  }
}
