package io.sigmatch.properties;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A generated rule set with events derived from it. */
record Case(RuleSetSpec set, List<Map<String, Object>> events) {

  static Gen<Case> cases(Gen<RuleSetSpec> sets, int maxEvents) {
    return sets.flatMap(set -> DerivedEvents.events(set).list(1, maxEvents)
        .map(events -> new Case(set, events)));
  }

  /** The loaded rules; fails the property with the diagnostics when a generated rule did not load. */
  List<io.sigmatch.rule.SigmaRule> rules() {
    var loaded = set.ruleSet();
    if (!loaded.errors().isEmpty()) {
      throw new AssertionError("generated rules failed to load: " + loaded.errors() + "\n" + set.yaml());
    }
    if (loaded.rules().size() != set.rules().size()) {
      throw new AssertionError("loaded " + loaded.rules().size() + " of " + set.rules().size() + " rules");
    }
    return loaded.rules();
  }

  /**
   * The rules and events; when the evaluators disagree on them, first the reduced counterexample
   * (computed here, so only for the samples jqwik reports).
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    try {
      if (set.ruleSet().errors().isEmpty()) {
        for (boolean routing : new boolean[] {true, false}) {
          String why = Engines.explainFirst(set.loadedRules(), routing, events);
          if (why != null) {
            b.append("\n=== reduced counterexample ===\n").append(why).append("\n==============================\n");
            break;
          }
        }
      }
    } catch (RuntimeException | AssertionError e) {
      b.append("\n(no reduction: ").append(e).append(")\n");
    }
    return b + set.toString() + "\nevents:\n" + events.stream().map(Reports::event).collect(Collectors.joining("\n"));
  }
}
