package io.sigmatch.cli;

import io.sigmatch.event.Event;
import io.sigmatch.reference.ReferenceEvaluator;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.SigmaRule;
import java.util.List;
import java.util.function.Function;

/** Builds the evaluator a command asked for by name. */
final class Engines {
  private Engines() {}

  static Function<Event, List<SigmaRule>> create(String name, List<SigmaRule> rules, LogsourceMapping mapping) {
    if (name.equals("reference")) {
      ReferenceEvaluator ref = ReferenceEvaluator.create(rules, mapping);
      return ref::evaluate;
    }
    throw new IllegalArgumentException("unknown engine '" + name + "' (reference)");
  }
}
