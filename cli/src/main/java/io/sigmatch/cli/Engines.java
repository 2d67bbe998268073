package io.sigmatch.cli;

import io.sigmatch.engine.Engine;
import io.sigmatch.engine.MatchContext;
import io.sigmatch.event.Event;
import io.sigmatch.reference.ReferenceEvaluator;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.SigmaRule;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Builds the evaluator a command asked for by name. */
final class Engines {
  private Engines() {}

  /**
   * Builds the evaluator once and returns a maker of per-thread instances: each call gives a
   * function for one thread (the compiled engine is shared, each thread gets its own context).
   */
  static Supplier<Function<Event, List<SigmaRule>>> perThread(String name, List<SigmaRule> rules,
      LogsourceMapping mapping) {
    if (name.equals("reference")) {
      ReferenceEvaluator ref = ReferenceEvaluator.create(rules, mapping);
      return () -> ref::evaluate;
    }
    if (name.equals("compiled")) {
      Engine engine = Engine.builder().rules(rules).logsources(mapping).build();
      return () -> {
        MatchContext ctx = engine.newContext();
        return event -> engine.match(event, ctx);
      };
    }
    throw new IllegalArgumentException("unknown engine '" + name + "' (compiled or reference)");
  }
}
