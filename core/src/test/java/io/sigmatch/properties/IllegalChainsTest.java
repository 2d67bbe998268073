package io.sigmatch.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.rule.RuleSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The chains the generators must never produce: every illegal chain of semantics §4.3 and D24 is
 * rejected, and only its rule. (That every generated rule loads is checked by each property that
 * loads one, through {@link Case#rules()}; that derived events match often enough, by the
 * coverage check of {@link DifferentialTest}.)
 */
class IllegalChainsTest {

  @Provide
  Arbitrary<Case> cases() {
    return Case.cases(RuleSets.ruleSets(Rules.rules(), "r", 6), 1).arbitrary();
  }

  @Provide
  Arbitrary<String> illegalItems() {
    return Arbitraries.of(ModifierChains.ILLEGAL);
  }

  /** Chains and values that semantics §4.3 and D24 reject make the rule fail to load, and only that rule. */
  @Property
  void illegalChainsAreRejected(@ForAll("illegalItems") String item, @ForAll("cases") Case other) {
    String bad = "title: bad\nid: bad\nlogsource:\n  product: windows\ndetection:\n  sel:\n    Field|" + item
        + "\n  condition: sel\n";
    String yaml = other.set().yaml() + "---\n" + bad.replace("Field||", "Field|").replace("Field|unknown", "Field|unknown");
    RuleSet set = RuleSetSpec.load(yaml);
    assertFalse(set.errors().isEmpty(), item);
    assertTrue(set.errors().stream().allMatch(d -> "bad".equals(d.ruleId())), set.errors().toString());
    assertEquals(other.set().rules().size(), set.rules().size());
  }
}
