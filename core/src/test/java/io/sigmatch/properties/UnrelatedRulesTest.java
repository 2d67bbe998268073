package io.sigmatch.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmatch.rule.SigmaRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Adding rules that use other fields (and mostly other logsources) never changes the compiled
 * engine's verdict on the rules already there, wherever the new rules land in the load order.
 */
class UnrelatedRulesTest {

  /** The rules under test, unrelated rules (fields prefixed {@code Zz}), and events aimed at either. */
  record Mixed(Case base, RuleSetSpec unrelated, List<Map<String, Object>> otherEvents, long seed) {
    @Override
    public String toString() {
      return base + "\nunrelated " + unrelated + "\nevents aimed at the unrelated rules:\n"
          + otherEvents.stream().map(Reports::event).collect(Collectors.joining("\n"));
    }
  }

  @Provide
  Arbitrary<Mixed> mixed() {
    Gen<Mixed> gen = Case.cases(RuleSets.ruleSets(Rules.rules(), "r", 20), 6).flatMap(base ->
        RuleSets.ruleSets(Rules.rules("Zz"), "u", 20).flatMap(unrelated ->
            Gen.combine(DerivedEvents.events(unrelated).list(0, 3), Gen.longs(),
                (other, seed) -> new Mixed(base, unrelated, other, seed))));
    return gen.arbitrary();
  }

  @Property
  void unrelatedRulesNeverChangeAVerdict(@ForAll("mixed") Mixed m, @ForAll boolean routing) {
    List<SigmaRule> base = m.base().rules();
    List<SigmaRule> extra = m.unrelated().loadedRules();
    assertEquals(List.of(), m.unrelated().ruleSet().errors());
    List<SigmaRule> all = interleave(base, extra, new Random(m.seed()));
    Engines alone = new Engines(base, Engines.mapping(routing));
    Engines together = new Engines(all, Engines.mapping(routing));
    Set<String> baseIds = base.stream().map(SigmaRule::label).collect(Collectors.toSet());
    List<Map<String, Object>> events = new ArrayList<>(m.base().events());
    for (Map<String, Object> other : m.otherEvents()) {
      // An event aimed at both: the unrelated rules' fields added to a base event.
      Map<String, Object> both = new java.util.LinkedHashMap<>(events.get(0));
      both.putAll(other);
      events.add(other);
      events.add(both);
    }
    for (Map<String, Object> e : events) {
      List<String> expected = alone.compiled(e);
      List<String> actual = together.compiled(e).stream().filter(baseIds::contains).toList();
      assertEquals(expected, actual, "event " + Reports.event(e));
    }
  }

  /** Both lists' rules, each list's order kept, merged at random positions. */
  static List<SigmaRule> interleave(List<SigmaRule> a, List<SigmaRule> b, Random r) {
    List<SigmaRule> out = new ArrayList<>(a.size() + b.size());
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      boolean takeA = j >= b.size() || (i < a.size() && r.nextBoolean());
      out.add(takeA ? a.get(i++) : b.get(j++));
    }
    return out;
  }
}
