package io.sigmatch.bench;

import io.sigmatch.engine.Engine;
import io.sigmatch.engine.MatchContext;
import io.sigmatch.engine.MatchSink;
import io.sigmatch.event.Event;
import io.sigmatch.routing.LogsourceMapping;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Whether one compiled engine shared by two threads scales: {@code oneThread} and
 * {@code twoThreads} run the same loop (one event per operation, OTRF sample, all rules), the
 * engine shared by every thread, each thread with its own {@link MatchContext} and its own place
 * in the sample. JMH reports the two-thread throughput summed over both threads, so
 * {@code twoThreads / oneThread} is the scaling factor (2.0 is perfect; on a 2-core machine that
 * also runs JMH's own threads and other work, expect less). Warmup is longer than elsewhere: with
 * both cores busy matching, the JIT compiles late, and three warmup iterations left the two-thread
 * measurements still climbing (125,000 to 226,000 events/s over five iterations). Three forks,
 * because the scaling of one pair of JVMs swings on this VM: 2.05 in one full run, 1.48 in the
 * next (its two-thread JVM had a slow iteration and settled late), and 2.10 over three forks
 * right after.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TwoThreadsBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class TwoThreadsBenchmark {

  /** The engine and events, shared by all threads. */
  @State(Scope.Benchmark)
  public static class SharedEngine {
    @Param({"all"})
    public String rules;

    Engine engine;
    Event[] events;

    @Setup
    public void setUp() {
      engine = Engine.builder().rules(RuleSubsets.take(rules)).logsources(LogsourceMapping.defaults()).build();
      events = EventSamples.events("otrf");
    }
  }

  /** One thread's context, sink and position in the sample. */
  @State(Scope.Thread)
  public static class PerThread {
    MatchContext context;
    EventCycle cycle;
    int matches;
    final MatchSink sink = rule -> matches++;

    @Setup
    public void setUp(SharedEngine shared, ThreadParams thread) {
      context = shared.engine.newContext();
      int start = (int) ((long) shared.events.length * thread.getThreadIndex() / thread.getThreadCount());
      cycle = new EventCycle(shared.events, start);
    }
  }

  @Benchmark
  @Threads(1)
  public int oneThread(SharedEngine shared, PerThread thread) {
    return match(shared, thread);
  }

  @Benchmark
  @Threads(2)
  public int twoThreads(SharedEngine shared, PerThread thread) {
    return match(shared, thread);
  }

  private static int match(SharedEngine shared, PerThread thread) {
    thread.matches = 0;
    if (thread.cycle.startsPass()) {
      thread.context = shared.engine.newContext();
    }
    shared.engine.match(thread.cycle.next(), thread.context, thread.sink);
    return thread.matches;
  }
}
