package io.sigmatch.bench;

import io.sigmatch.engine.Engine;
import io.sigmatch.engine.MatchContext;
import io.sigmatch.engine.MatchSink;
import io.sigmatch.reference.ReferenceEvaluator;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.SigmaRule;
import java.util.List;
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
 * Events per second of the reference evaluator and of the compiled engine, for a growing number of
 * rules ({@link RuleSubsets}: 1 is the msiexec seed rule) on the OTRF sample or the shipped corpus
 * ({@link EventSamples}). One operation is one event, taken in turn from the pre-parsed sample; the
 * compiled engine reports matches to a counting sink, as a collector would; on the OTRF sample it
 * takes a fresh context at the start of every pass ({@link EventCycle#startsPass}), its cost
 * included, and the corpus is matched without a value memo. Each engine is built only by the
 * benchmark that measures it, so a trial's setup stays short. Warmup is 8 iterations, as in
 * {@link TwoThreadsBenchmark}: C2 compiles the all-rules engine's large methods on the one core the
 * benchmark leaves it, and after three warmup iterations one run still climbed from 141,000 to
 * 191,000 events/s over its five measured ones.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ThroughputBenchmark -p events=otrf}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ThroughputBenchmark {

  /** The rule subset and event sample, loaded before measuring. */
  @State(Scope.Thread)
  public abstract static class Workload {
    @Param({"1", "10", "100", "1000", "all"})
    public String rules;

    @Param({"otrf", "corpus"})
    public String events;

    List<SigmaRule> ruleList;
    EventCycle cycle;

    void load() {
      ruleList = RuleSubsets.take(rules);
      cycle = new EventCycle(EventSamples.events(events), 0);
    }
  }

  /** The reference evaluator over the workload's rules. */
  @State(Scope.Thread)
  public static class ReferenceRun extends Workload {
    ReferenceEvaluator evaluator;

    @Setup
    public void setUp() {
      load();
      evaluator = ReferenceEvaluator.create(ruleList, LogsourceMapping.defaults());
    }

    /** Evaluates the next event of the cycle. */
    List<SigmaRule> evaluateNext() {
      return evaluator.evaluate(cycle.next());
    }
  }

  /** The compiled engine over the workload's rules, with this thread's context and sink. */
  @State(Scope.Thread)
  public static class CompiledRun extends Workload {
    /**
     * Value memo slots per context ({@link Engine.Builder#valueMemo}) on the OTRF sample;
     * {@code -p memo=0} measures the engine matching every value afresh. The 110-event corpus is
     * always matched without one: after one pass a memo would hold all of it.
     */
    @Param({"16384"})
    public int memo;

    /** Whether each pass over the sample starts with a fresh context (and memo). */
    boolean refreshContext;
    Engine engine;
    MatchContext context;
    int matches;
    final MatchSink sink = rule -> matches++;

    @Setup
    public void setUp() {
      load();
      refreshContext = events.equals("otrf") && memo > 0;
      engine = Engine.builder().rules(ruleList).logsources(LogsourceMapping.defaults())
          .valueMemo(refreshContext ? memo : 0).build();
      context = engine.newContext();
    }

    /** Matches the next event of the cycle, renewing the context first where a pass begins. */
    int matchNext() {
      matches = 0;
      if (refreshContext && cycle.startsPass()) {
        context = engine.newContext();
      }
      engine.match(cycle.next(), context, sink);
      return matches;
    }
  }

  @Benchmark
  public List<SigmaRule> reference(ReferenceRun run) {
    return run.evaluateNext();
  }

  @Benchmark
  public int compiled(CompiledRun run) {
    return run.matchNext();
  }
}
