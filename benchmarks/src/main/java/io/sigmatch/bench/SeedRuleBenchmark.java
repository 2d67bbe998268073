package io.sigmatch.bench;

import io.sigmatch.event.Event;
import io.sigmatch.event.MapEvent;
import io.sigmatch.reference.ReferenceEvaluator;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The msiexec seed rule alone on a Sysmon network-connection event that matches it, in ns/event.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar SeedRuleBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SeedRuleBenchmark {
  private static final String SEED_RULE = String.join("\n",
      "title: Msiexec.EXE Initiated Network Connection Over HTTP",
      "id: 8e5e38e4-5350-4c0b-895a-e872ce0dd54f",
      "author: frack113",
      "logsource: {category: network_connection, product: windows}",
      "detection:",
      "  selection:",
      "    Initiated: 'true'",
      "    Image|endswith: '\\msiexec.exe'",
      "    DestinationPort: [80, 443]",
      "  condition: selection");

  private ReferenceEvaluator reference;
  private Event event;

  @Setup
  public void setUp() {
    RuleSet set = RuleLoader.builder().build().loadText(SEED_RULE, "seed");
    reference = ReferenceEvaluator.create(set.rules(), LogsourceMapping.defaults());
    event = new MapEvent(Map.of("EventID", 3, "Channel", "Microsoft-Windows-Sysmon/Operational",
        "Image", "C:\\Windows\\System32\\msiexec.exe", "Initiated", "true", "DestinationPort", "443"));
  }

  @Benchmark
  public Object reference() {
    return reference.evaluate(event);
  }
}
