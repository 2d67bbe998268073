package io.sigmatch.cli;

import io.sigmatch.engine.Engine;
import io.sigmatch.engine.MatchContext;
import io.sigmatch.event.Event;
import io.sigmatch.reference.ReferenceEvaluator;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.Diagnostic;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.SigmaRule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** Runs the compiled engine and the reference evaluator over the same events and prints every difference. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Compare the compiled engine with the reference evaluator; exit 1 on any difference.")
final class VerifyCommand implements Callable<Integer> {
  @Mixin
  RuleOptions rules = new RuleOptions();

  @Mixin
  EventOptions events = new EventOptions();

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RuleSet set = rules.load(true);
    for (Diagnostic d : set.errors()) {
      err.println("sigmatch: rejected: " + d);
    }
    LogsourceMapping mapping = rules.mapping();
    ReferenceEvaluator reference = ReferenceEvaluator.create(set.rules(), mapping);
    Engine engine = Engine.builder().rules(set.rules()).logsources(mapping).build();
    Supplier<Function<Event, Verdicts>> perThread = () -> {
      MatchContext ctx = engine.newContext();
      return event -> new Verdicts(new LinkedHashSet<>(reference.evaluate(event)),
          new LinkedHashSet<>(engine.match(event, ctx)));
    };
    long[] counts = new long[3];
    List<Path> files = events.files();
    Progress progress = Progress.forFiles(err, files); // stderr on a terminal only
    PrintWriter guarded = progress.guard(err);
    try (EventPipeline<Verdicts> pipeline =
        new EventPipeline<>(new EventFiles(guarded), guarded, events.threads, perThread)) {
      for (Path file : files) {
        pipeline.read(file, (name, index, event, verdicts, bytes) -> {
          counts[0]++;
          Set<SigmaRule> expected = verdicts.expected();
          Set<SigmaRule> actual = verdicts.actual();
          counts[1] += expected.size();
          if (!expected.equals(actual) && progress.interleaves()) {
            progress.clear();
          }
          for (SigmaRule r : expected) {
            if (!actual.contains(r)) {
              counts[2]++;
              out.println(name + "\t" + index + "\t" + r.id() + "\tonly reference matched");
            }
          }
          for (SigmaRule r : actual) {
            if (!expected.contains(r)) {
              counts[2]++;
              out.println(name + "\t" + index + "\t" + r.id() + "\tonly compiled matched");
            }
          }
          if (!expected.equals(actual) && progress.interleaves()) {
            out.flush();
          }
          progress.event(bytes, counts[1]);
        });
      }
    }
    progress.clear();
    out.println("events " + counts[0] + ", matches " + counts[1] + ", differences " + counts[2]);
    out.flush();
    return counts[2] == 0 ? 0 : 1;
  }

  /** What the reference evaluator and the compiled engine matched on one event. */
  private record Verdicts(Set<SigmaRule> expected, Set<SigmaRule> actual) {}
}
