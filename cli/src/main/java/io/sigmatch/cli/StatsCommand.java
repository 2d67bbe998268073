package io.sigmatch.cli;

import io.sigmatch.engine.Engine;
import io.sigmatch.engine.EngineStats;
import io.sigmatch.rule.RuleSet;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Compiles the rules and prints what the engine holds. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Print rule, field and predicate counts, index sizes, compile time and retained heap.")
final class StatsCommand implements Callable<Integer> {
  @Mixin
  RuleOptions rules = new RuleOptions();

  @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Fields to list (default 20).")
  int top;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    RuleSet set = rules.load(true);
    var mapping = rules.mapping();
    Engine.builder().rules(set.rules()).logsources(mapping).build();
    long before = usedHeap();
    Engine engine = Engine.builder().rules(set.rules()).logsources(mapping).build();
    long after = usedHeap();
    EngineStats s = engine.stats();
    out.println("rules " + s.rules());
    out.println("fields " + s.fields());
    out.println("predicates " + s.predicates());
    out.println("predicates before merging " + s.predicatesUnmerged());
    out.println("routing fields " + s.routingFields());
    out.println("routing predicates " + s.routingPredicates());
    out.println("logsource routes " + s.routes());
    out.println("always-run rules " + s.alwaysRun());
    out.println("checks " + s.checks() + " (unguarded " + s.unguardedChecks() + ")");
    out.printf("compile time %.1f ms (second compile, warm)%n", s.compileNanos() / 1e6);
    out.printf("retained heap %.1f MB%n", Math.max(0, after - before) / 1e6);
    out.println("field\tequalities\tprefixes\tsuffixes\tneedles\tregexes\tnetworks\tother");
    s.perField().stream().limit(top).forEach(f -> out.println(f.field() + "\t" + f.equalities() + "\t"
        + f.prefixes() + "\t" + f.suffixes() + "\t" + f.needles() + "\t" + f.regexes() + "\t" + f.networks()
        + "\t" + f.other()));
    out.flush();
    if (engine.stats().rules() < 0) {
      throw new IllegalStateException("unreachable: keeps the engine alive until after the measurement");
    }
    return 0;
  }

  private static long usedHeap() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
