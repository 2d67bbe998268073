package io.sigmatch.bench;

import io.sigmatch.engine.Engine;
import io.sigmatch.engine.EngineStats;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to compile all active rules into an {@link Engine} ({@code Engine.builder()...build()}),
 * from rules already loaded: each iteration is one build ({@code SingleShotTime}), the warmup
 * builds let the JIT compile the compiler, so the score is what a long-running collector pays to
 * swap in a new rule set. Rule loading (YAML parsing) is not included. The teardown prints what
 * the last build held ({@link EngineStats}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CompileBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class CompileBenchmark {
  @Param({"all"})
  public String rules;

  private List<SigmaRule> ruleList;
  private Engine last;

  @Setup
  public void setUp() {
    ruleList = RuleSubsets.take(rules);
  }

  @Benchmark
  public Engine compile() {
    last = Engine.builder().rules(ruleList).logsources(LogsourceMapping.defaults()).build();
    return last;
  }

  @TearDown
  public void report() {
    EngineStats s = last.stats();
    System.out.printf("[sigmatch-bench] engine: rules=%d fields=%d predicates=%d (unmerged %d) routes=%d"
        + " alwaysRun=%d checks=%d unguardedChecks=%d%n", s.rules(), s.fields(), s.predicates(),
        s.predicatesUnmerged(), s.routes(), s.alwaysRun(), s.checks(), s.unguardedChecks());
  }
}
