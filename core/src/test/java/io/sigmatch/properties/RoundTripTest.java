package io.sigmatch.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.SigmaRule;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Printing and parsing: a generated rule, loaded, printed back to YAML from its model by
 * {@link RuleYamlPrinter} and loaded again, has the same detection, logsource and metadata; and
 * printing is then a fixpoint.
 */
class RoundTripTest {

  @Provide
  Arbitrary<RuleSetSpec> ruleSets() {
    return RuleSets.ruleSets(Rules.rules(), "r", 6).arbitrary();
  }

  @Property
  void printedRulesParseToTheSameModel(@ForAll("ruleSets") RuleSetSpec set) {
    RuleSet first = set.ruleSet();
    assertEquals(List.of(), first.errors(), set.yaml());
    for (SigmaRule rule : first.rules()) {
      String printed = RuleYamlPrinter.print(rule);
      RuleSet again = RuleSetSpec.load(printed);
      assertEquals(List.of(), again.errors(), printed);
      assertEquals(1, again.rules().size(), printed);
      SigmaRule back = again.rules().get(0);
      assertEquals(rule.detection(), back.detection(), printed);
      assertEquals(rule.logsource(), back.logsource(), printed);
      assertEquals(rule.id(), back.id());
      assertEquals(rule.title(), back.title());
      assertEquals(rule.body(), back.body(), printed);
      assertEquals(printed, RuleYamlPrinter.print(back), "printing is not a fixpoint");
    }
  }

  /** The same text parsed twice gives equal models: nothing in parsing depends on state or chance. */
  @Property
  void parsingIsDeterministic(@ForAll("ruleSets") RuleSetSpec set) {
    RuleSet a = RuleSetSpec.load(set.yaml());
    RuleSet b = RuleSetSpec.load(set.yaml());
    assertEquals(a.rules().size(), b.rules().size());
    for (int i = 0; i < a.rules().size(); i++) {
      assertEquals(a.rules().get(i).detection(), b.rules().get(i).detection());
    }
    assertEquals(a.diagnostics(), b.diagnostics());
  }
}
