package io.sigmatch.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmatch.rule.SigmaRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The compiled engine gives exactly the reference evaluator's matches, in load order. */
class DifferentialTest {

  @Provide
  Arbitrary<Case> cases() {
    return Case.cases(RuleSets.ruleSets(), 8).arbitrary();
  }

  /** Sets of up to 20 rules, for the properties that compare the compiled engine with itself. */
  @Provide
  Arbitrary<Case> smallCases() {
    return Case.cases(RuleSets.ruleSets(Rules.rules(), "r", 20), 8).arbitrary();
  }

  /** Rule sets whose items all come from one modifier family: dense coverage of each index. */
  @Provide
  Arbitrary<Case> singleFamilyCases() {
    return Case.cases(RuleSets.singleFamily(), 6).arbitrary();
  }

  /**
   * For every generated rule set and event, the compiled engine matches the same rules as the
   * reference evaluator, in load order: with logsource routing on (the bundled mapping) and off.
   */
  @Property
  void compiledEqualsReferenceWithAndWithoutRouting(@ForAll("cases") Case c) {
    check(c, true);
    check(c, false);
  }

  @Property
  void compiledEqualsReferenceOnSingleFamilyRuleSets(@ForAll("singleFamilyCases") Case c, @ForAll boolean routing) {
    check(c, routing);
  }

  /** A context reused across events gives what a fresh context gives for each event. */
  @Property
  void reusedContextGivesFreshContextResults(@ForAll("smallCases") Case c) {
    List<SigmaRule> rules = c.rules();
    Engines reused = new Engines(rules, Engines.mapping(true));
    List<List<String>> first = new ArrayList<>();
    for (Map<String, Object> e : c.events()) {
      first.add(reused.compiled(e));
    }
    List<Map<String, Object>> backwards = new ArrayList<>(c.events());
    Collections.reverse(backwards);
    for (int i = 0; i < backwards.size(); i++) {
      List<String> expected = reused.compiledFresh(backwards.get(i));
      assertEquals(expected, reused.compiled(backwards.get(i)), "event " + Reports.event(backwards.get(i)));
      assertEquals(expected, first.get(backwards.size() - 1 - i), "event " + Reports.event(backwards.get(i)));
    }
  }

  /** Events matched as one batch match what each matches on its own, reported with their positions. */
  @Property
  void aBatchMatchesWhatEachEventMatches(@ForAll("smallCases") Case c) {
    Engines engines = new Engines(c.rules(), Engines.mapping(true));
    List<List<String>> batch = engines.compiledBatch(c.events());
    for (int i = 0; i < c.events().size(); i++) {
      Map<String, Object> e = c.events().get(i);
      assertEquals(engines.compiledFresh(e), batch.get(i), "event " + i + " of the batch: " + Reports.event(e));
    }
  }

  /** Loading the same rules in another order matches the same rules, reported in the new load order. */
  @Property
  void loadOrderOnlyPermutesTheOutput(@ForAll("smallCases") Case c, @ForAll long seed) {
    List<SigmaRule> rules = c.rules();
    List<SigmaRule> shuffled = new ArrayList<>(rules);
    Collections.shuffle(shuffled, new Random(seed));
    Engines a = new Engines(rules, Engines.mapping(true));
    Engines b = new Engines(shuffled, Engines.mapping(true));
    for (Map<String, Object> e : c.events()) {
      List<String> inOriginalOrder = a.compiled(e);
      List<String> expected = shuffled.stream().map(SigmaRule::label).filter(inOriginalOrder::contains).toList();
      assertEquals(expected, b.compiled(e), "event " + Reports.event(e));
    }
  }

  static void check(Case c, boolean routing) {
    Engines engines = new Engines(c.rules(), Engines.mapping(routing));
    String label = "events with a match, routing " + (routing ? "on" : "off");
    for (Map<String, Object> e : c.events()) {
      List<String> expected = engines.reference(e);
      Statistics.label(label).collect(expected.isEmpty() ? "none" : "some");
      if (!expected.equals(engines.compiled(e))) {
        throw new AssertionError("compiled " + engines.compiled(e) + " but reference " + expected + " (routing "
            + (routing ? "on" : "off") + ") on " + Reports.event(e)
            + "; the sample printed below starts with a reduced counterexample");
      }
    }
    if (routing) {
      Statistics.label("rules per set").collect(bucket(c.set().rules().size()));
    }
    // At least a fifth of the (rule set, event) pairs must have a match, or the property says little.
    Coverage.atLeast(label, "some", 20.0);
  }

  static String bucket(int n) {
    return n <= 5 ? "1-5" : n <= 20 ? "6-20" : n <= 60 ? "21-60" : "61-200";
  }
}
