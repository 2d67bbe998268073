package io.sigmatch.bench;

import io.sigmatch.engine.Engine;
import io.sigmatch.engine.MatchContext;
import io.sigmatch.reference.ReferenceEvaluator;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.SigmaRule;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.List;

/**
 * Retained heap of the loaded rules, of the reference evaluator and of the compiled engine: used
 * heap after a full, settled GC, read through {@link MemoryMXBean} before and after each is
 * built, while the earlier ones stay reachable. The engine's figure is what it holds beyond the
 * rules it shares with the caller (indexes, programs, tables); the context's is one thread's
 * scratch space as created (the mean of {@value #CONTEXTS}), its value memo empty (in use, the memo also keeps up to one value of
 * at most 1,024 chars per slot reachable). Not a JMH benchmark (JMH measures
 * time and allocation rate, not what stays reachable); run it alone, with a collector that
 * compacts, e.g.
 * {@code java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar io.sigmatch.bench.HeapReport [count]}
 * where {@code count} is a rule count as in {@link RuleSubsets#take} (default {@code all}).
 * Prints one line: {@code heap rules=<n> rules_mb=<MiB> reference_mb=<MiB> engine_mb=<MiB> context_mb=<MiB>}.
 */
public final class HeapReport {
  private static final int CONTEXTS = 8;

  private HeapReport() {}

  public static void main(String[] args) throws InterruptedException {
    String count = args.length > 0 ? args[0] : "all";
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long start = settledUsed(memory);
    List<SigmaRule> rules = RuleSubsets.take(count);
    long loaded = settledUsed(memory);
    // Build a one-rule engine and evaluator first and drop them, so that class loading and static
    // tables are not counted as the engine's.
    ReferenceEvaluator.create(rules.subList(0, 1), LogsourceMapping.defaults());
    Engine.builder().rules(rules.subList(0, 1)).logsources(LogsourceMapping.defaults()).build();
    long warm = settledUsed(memory);
    ReferenceEvaluator reference = ReferenceEvaluator.create(rules, LogsourceMapping.defaults());
    long withReference = settledUsed(memory);
    Engine engine = Engine.builder().rules(rules).logsources(LogsourceMapping.defaults()).build();
    long withEngine = settledUsed(memory);
    // Several contexts, so that what the collector frees late after the build (a few MB, either
    // way) is shared among them rather than counted, or subtracted, whole.
    MatchContext[] contexts = new MatchContext[CONTEXTS];
    for (int i = 0; i < CONTEXTS; i++) {
      contexts[i] = engine.newContext();
    }
    long withContexts = settledUsed(memory);
    System.out.printf("heap rules=%d rules_mb=%.1f reference_mb=%.1f engine_mb=%.1f context_mb=%.1f%n",
        rules.size(), mib(loaded - start), mib(withReference - warm), mib(withEngine - withReference),
        mib(withContexts - withEngine) / CONTEXTS);
    Reference.reachabilityFence(rules);
    Reference.reachabilityFence(reference);
    Reference.reachabilityFence(engine);
    Reference.reachabilityFence(contexts);
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  /**
   * Used heap once full collections stop freeing anything (finalizers and soft caches settle):
   * the least of up to 20 readings, ended by three in a row that free nothing more.
   */
  private static long settledUsed(MemoryMXBean memory) throws InterruptedException {
    long best = Long.MAX_VALUE;
    int still = 0;
    for (int round = 0; round < 20 && still < 3; round++) {
      System.gc();
      Thread.sleep(20);
      long used = memory.getHeapMemoryUsage().getUsed();
      still = used >= best ? still + 1 : 0;
      best = Math.min(best, used);
    }
    return best;
  }
}
