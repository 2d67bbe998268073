package io.sigmatch.cli;

import io.sigmatch.engine.Engine;
import io.sigmatch.engine.MatchContext;
import io.sigmatch.event.Event;
import io.sigmatch.reference.ReferenceEvaluator;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.SigmaRule;
import java.util.List;
import java.util.function.Function;

/** Builds the evaluator a command asked for by name; single-threaded, as the commands are. */
final class Engines {
  private Engines() {}

  static Function<Event, List<SigmaRule>> create(String name, List<SigmaRule> rules, LogsourceMapping mapping) {
    if (name.equals("reference")) {
      ReferenceEvaluator ref = ReferenceEvaluator.create(rules, mapping);
      return ref::evaluate;
    }
    if (name.equals("compiled")) {
      Engine engine = Engine.builder().rules(rules).logsources(mapping).build();
      MatchContext ctx = engine.newContext();
      return event -> engine.match(event, ctx);
    }
    throw new IllegalArgumentException("unknown engine '" + name + "' (compiled or reference)");
  }
}
