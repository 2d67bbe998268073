package io.sigmatch.bench;

import io.sigmatch.rule.SigmaRule;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time of single events, as a stream processor's tail sees them: the operations of
 * {@link ThroughputBenchmark} (the same states, so the same rules, sample and fresh context per
 * pass over the sample), sampled one event at a time ({@link Mode#SampleTime}), so that JMH reports
 * percentiles (p50 to p99.99 and the maximum) where the throughput benchmark reports a mean. Long
 * values the memo has not seen (PowerShell script contexts and blocks of thousands of chars, long
 * command lines whose guard literals wake a dozen regex checks) make the tail; the one event a pass that takes a fresh context pays for allocating it (3.3 MB
 * at all rules), which shows in the maximum only. Run it for one point:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar LatencyBenchmark -p rules=all -p events=otrf -p memo=16384
 * }</pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LatencyBenchmark {

  @Benchmark
  public List<SigmaRule> reference(ThroughputBenchmark.ReferenceRun run) {
    return run.evaluateNext();
  }

  @Benchmark
  public int compiled(ThroughputBenchmark.CompiledRun run) {
    return run.matchNext();
  }
}
