package io.sigmatch.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigmatch.event.Event;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.Diagnostic;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.SigmaRule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Scans events with rules and prints one JSON object per match. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = "Print one JSON line per match: file, event, rule_id, title, level, author.")
final class ScanCommand implements Callable<Integer> {
  @Mixin
  RuleOptions rules = new RuleOptions();

  @Mixin
  EventOptions events = new EventOptions();

  @Option(names = "--engine", paramLabel = "NAME", defaultValue = "compiled",
      description = "compiled (default) or reference.")
  String engine;

  @Option(names = "--explain",
      description = "Add to each match an \"explanation\": the search identifiers that held and, per rule value"
          + " that held, its field, modifiers and the event value it held for.")
  boolean explain;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    long start = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RuleSet set = rules.load(true);
    for (Diagnostic d : set.errors()) {
      err.println("sigmatch: rejected: " + d);
    }
    LogsourceMapping mapping = rules.mapping();
    RoutingNotes.report(set.rules(), mapping, !rules.noRouting, err);
    Supplier<Function<Event, List<SigmaRule>>> evaluators = Engines.perThread(engine, set.rules(), mapping);
    long ready = System.nanoTime();
    List<Path> paths = events.files();
    JsonGenerator json = new ObjectMapper().getFactory().createGenerator(out);
    json.setRootValueSeparator(null);
    long[] counts = new long[3];
    Progress progress = Progress.forFiles(err, paths); // stderr on a terminal only
    PrintWriter guarded = progress.guard(err);
    try (EventPipeline<List<SigmaRule>> pipeline =
        new EventPipeline<>(new EventFiles(guarded), guarded, events.threads, evaluators)) {
      for (Path file : paths) {
        pipeline.read(file, (name, index, event, matched, bytes) -> {
          counts[0]++;
          counts[2] += bytes;
          if (!matched.isEmpty() && progress.interleaves()) {
            progress.clear();
          }
          for (SigmaRule r : matched) {
            counts[1]++;
            writeMatch(json, name, index, r, explain ? event : null);
          }
          if (!matched.isEmpty() && progress.interleaves()) {
            flush(json);
          }
          progress.event(bytes, counts[1]);
        });
      }
    }
    progress.clear();
    json.flush();
    out.flush();
    long end = System.nanoTime();
    double loading = (ready - start) / 1e9;
    double scanning = Math.max(end - ready, 1) / 1e9;
    err.printf(Locale.ROOT, "sigmatch: events %d, matches %d, rules loaded %d, rejected %d, %.2f s%n", counts[0],
        counts[1], set.rules().size(), set.errors().size(), loading + scanning);
    // The rate of the scan alone (JSON parsing, matching, output), without loading and compiling.
    err.printf(Locale.ROOT, "sigmatch: load %.2f s, scan %.2f s: %.0f events/s, %.1f MB/s%n", loading, scanning,
        counts[0] / scanning, counts[2] / 1e6 / scanning);
    err.flush();
    return 0;
  }

  private static void flush(JsonGenerator json) {
    try {
      json.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** One match line; with {@code explainEvent} (for {@code --explain}) its explanation too. */
  private static void writeMatch(JsonGenerator json, String file, long index, SigmaRule r, Event explainEvent) {
    try {
      json.writeStartObject();
      json.writeStringField("file", file);
      json.writeNumberField("event", index);
      json.writeStringField("rule_id", r.id());
      json.writeStringField("title", r.title());
      json.writeStringField("level", r.level());
      json.writeStringField("author", r.author());
      if (explainEvent != null) {
        MatchExplanation.write(json, r, explainEvent);
      }
      json.writeEndObject();
      json.writeRaw('\n');
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
