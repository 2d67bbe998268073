package io.sigmatch.bench;

import io.sigmatch.engine.BatchSink;
import io.sigmatch.engine.Engine;
import io.sigmatch.engine.MatchContext;
import io.sigmatch.engine.MatchSink;
import io.sigmatch.event.Event;
import io.sigmatch.routing.LogsourceMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second of the compiled engine fed in batches ({@link Engine#matchBatch}) of
 * {@value #BATCH} consecutive events of the OTRF sample, against the same engine fed one event per
 * call ({@code oneByOne}), in the same JVM: what the batch's prefetch of four events' fields at a
 * time is worth. Both take a fresh context at the start of every pass over the sample, as
 * {@link ThroughputBenchmark} does. {@value #BATCH} divides the 20,000 sample events; over a
 * sample it does not divide (the shipped corpus, without the shared data), batches run on across
 * the end of a pass, so that every batch is whole, and a pass is as many passes over the sample
 * as it takes to end at its start.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BatchThroughputBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchThroughputBenchmark {
  static final int BATCH = 32;

  /** The engine, the sample cut into batches, and this thread's context. */
  @State(Scope.Thread)
  public static class Batches {
    @Param({"all"})
    public String rules;

    Engine engine;
    MatchContext context;
    List<List<Event>> batches;
    int next;
    int matches;
    final BatchSink sink = (i, rule) -> matches++;
    final MatchSink eventSink = rule -> matches++;

    @Setup
    public void setUp() {
      engine = Engine.builder().rules(RuleSubsets.take(rules)).logsources(LogsourceMapping.defaults()).build();
      Event[] events = EventSamples.events("otrf");
      batches = new ArrayList<>();
      int from = 0;
      do {
        List<Event> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
          batch.add(events[(from + i) % events.length]);
        }
        batches.add(batch);
        from = (from + BATCH) % events.length;
      } while (from != 0);
      context = engine.newContext();
    }

    /** The next batch, renewing the context where a pass begins. */
    List<Event> nextBatch() {
      if (next == batches.size()) {
        next = 0;
      }
      if (next == 0) {
        context = engine.newContext();
      }
      return batches.get(next++);
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int batches(Batches run) {
    run.matches = 0;
    run.engine.matchBatch(run.nextBatch(), run.context, run.sink);
    return run.matches;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int oneByOne(Batches run) {
    run.matches = 0;
    List<Event> batch = run.nextBatch();
    for (int i = 0; i < batch.size(); i++) {
      run.engine.match(batch.get(i), run.context, run.eventSink);
    }
    return run.matches;
  }
}
