package io.sigmatch.bench;

import io.sigmatch.engine.Engine;
import io.sigmatch.engine.MatchContext;
import io.sigmatch.engine.MatchSink;
import io.sigmatch.event.Event;
import io.sigmatch.event.MapEvent;
import io.sigmatch.reference.ReferenceEvaluator;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.SigmaRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The msiexec seed rule alone (SigmaHQ 8e5e38e4-5350-4c0b-895a-e872ce0dd54f: Sysmon network
 * connection, {@code Initiated: 'true'}, {@code Image|endswith: '\msiexec.exe'},
 * {@code DestinationPort: [80, 443]}) on Sysmon EventID 3 events, in ns/event, for both engines:
 * the fixed cost of one rule, matched afresh (no value memo). {@code events=nomatch} are the network-connection events of the OTRF
 * sample as recorded (none is msiexec over HTTP); {@code events=match} are the same events made to
 * match (image, direction and port rewritten, alternating 80 and 443). Setup checks that both
 * engines give the expected verdict on every event, so the numbers cannot come from a broken case.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SeedRuleBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SeedRuleBenchmark {
  private static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";

  @Param({"match", "nomatch"})
  public String events;

  private ReferenceEvaluator reference;
  private Engine engine;
  private MatchContext context;
  private EventCycle cycle;
  private int matches;
  private final MatchSink sink = rule -> matches++;

  @Setup
  public void setUp() {
    List<SigmaRule> seed = RuleSubsets.seedRule();
    reference = ReferenceEvaluator.create(seed, LogsourceMapping.defaults());
    // No value memo: cycling a few hundred events, every value would be a memo hit after the
    // first pass, and this measures what one rule costs to match.
    engine = Engine.builder().rules(seed).logsources(LogsourceMapping.defaults()).valueMemo(0).build();
    context = engine.newContext();
    boolean match = events.equals("match");
    List<Event> chosen = new ArrayList<>();
    for (Map<String, Object> json : networkConnections()) {
      Event e = new MapEvent(match ? madeToMatch(json, chosen.size()) : json);
      if (reference.evaluate(e).isEmpty() == match) {
        // An OTRF event that already matches is not a non-match; skip it.
        if (match) {
          throw new IllegalStateException("a rewritten event does not match the seed rule: " + json);
        }
        continue;
      }
      if (engine.match(e, context).isEmpty() == match) {
        throw new IllegalStateException("the compiled engine disagrees with the reference on " + json);
      }
      chosen.add(e);
    }
    System.out.printf("[sigmatch-bench] %d network-connection events (%s)%n", chosen.size(), events);
    cycle = new EventCycle(chosen.toArray(new Event[0]), 0);
  }

  /** The Sysmon EventID 3 events of the OTRF sample, or of the corpus without the shared data. */
  private static List<Map<String, Object>> networkConnections() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> json : EventSamples.named("otrf")) {
      if (SYSMON.equals(json.get("Channel")) && "3".equals(String.valueOf(json.get("EventID")))) {
        out.add(json);
      }
    }
    return out;
  }

  private static Map<String, Object> madeToMatch(Map<String, Object> json, int n) {
    Map<String, Object> m = new LinkedHashMap<>(json);
    m.put("Image", n % 2 == 0 ? "C:\\Windows\\System32\\msiexec.exe" : "C:\\Windows\\SysWOW64\\MsiExec.exe");
    m.put("Initiated", "true");
    m.put("DestinationPort", n % 2 == 0 ? "443" : "80");
    return m;
  }

  @Benchmark
  public List<SigmaRule> reference() {
    return reference.evaluate(cycle.next());
  }

  @Benchmark
  public int compiled() {
    matches = 0;
    engine.match(cycle.next(), context, sink);
    return matches;
  }
}
