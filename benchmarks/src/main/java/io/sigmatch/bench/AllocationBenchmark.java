package io.sigmatch.bench;

import io.sigmatch.engine.Engine;
import io.sigmatch.engine.MatchContext;
import io.sigmatch.engine.MatchSink;
import io.sigmatch.event.Event;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.SigmaRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Heap allocated per event by the compiled engine with a reused context (kept across passes over
 * the sample, unlike the throughput benchmarks, since a new context allocates its tables; its
 * value memo only changes how often a regex runs): on the OTRF events that
 * match no rule ({@code sample=nomatch}, the sample filtered by the engine itself during setup;
 * the engine promises zero allocation there) and on the sample as it is ({@code sample=mix}).
 * Meaningful only with the GC profiler: read {@code gc.alloc.rate.norm} (bytes per operation =
 * per event).
 *
 * <p>A few SigmaHQ rules match every Windows event: their logsource is not in the Windows mapping
 * (e.g. zeek, azure), so they run on every event, and their condition is a bare
 * {@code not selection}. With them no event matches nothing, so setup first leaves out the rules
 * that match more than half of the sample (it prints which), then builds the measured engine from
 * the rest, for both samples alike.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AllocationBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AllocationBenchmark {
  @Param({"all"})
  public String rules;

  @Param({"nomatch", "mix"})
  public String sample;

  private Engine engine;
  private MatchContext context;
  private EventCycle cycle;
  private int matches;
  private final MatchSink sink = rule -> matches++;

  @Setup
  public void setUp() {
    Event[] events = EventSamples.events("otrf");
    engine = build(withoutCatchAlls(RuleSubsets.take(rules), events));
    context = engine.newContext();
    if (sample.equals("nomatch")) {
      events = Arrays.stream(events).filter(e -> engine.match(e, context).isEmpty()).toArray(Event[]::new);
      System.out.printf("[sigmatch-bench] %d events of the sample match no rule%n", events.length);
    }
    cycle = new EventCycle(events, 0);
  }

  /** {@code rules} without those that match more than half of {@code events}. */
  private static List<SigmaRule> withoutCatchAlls(List<SigmaRule> rules, Event[] events) {
    Engine all = build(rules);
    MatchContext ctx = all.newContext();
    Map<SigmaRule, Integer> hits = new IdentityHashMap<>();
    for (Event e : events) {
      all.match(e, ctx, rule -> hits.merge(rule, 1, Integer::sum));
    }
    List<SigmaRule> kept = new ArrayList<>();
    for (SigmaRule r : rules) {
      if (hits.getOrDefault(r, 0) * 2L > events.length) {
        System.out.printf("[sigmatch-bench] left out, matches %d of %d events: %s (%s)%n",
            hits.get(r), events.length, r.title(), r.logsource());
      } else {
        kept.add(r);
      }
    }
    return kept;
  }

  private static Engine build(List<SigmaRule> rules) {
    return Engine.builder().rules(rules).logsources(LogsourceMapping.defaults()).build();
  }

  @Benchmark
  public int compiled() {
    matches = 0;
    engine.match(cycle.next(), context, sink);
    return matches;
  }
}
