package io.sigmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.event.Event;
import io.sigmatch.reference.ReferenceEvaluator;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.SigmaRule;
import io.sigmatch.testing.JsonEvents;
import io.sigmatch.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The corpus differential: every active SigmaHQ rule, compiled and by the reference evaluator,
 * over every event of {@code ../shared/events} and {@code ../shared/sigma-regression} (both event
 * shapes): zero differences. With routing, most rules never run on most events; so the same
 * comparison also runs with routing off, where every rule's detection meets every event, on every
 * tenth event (the reference then costs about a millisecond per event). Files are spread over the
 * machine's cores, one context per thread sharing one engine.
 */
class SigmaHqDifferentialTest {

  @Test
  void compiledEqualsReferenceOnEverySharedEvent() throws Exception {
    long[] totals = differential(LogsourceMapping.defaults(), 1);
    assertTrue(totals[0] > 130_000, "events: " + totals[0]);
    assertTrue(totals[1] > 1_000, "matches: " + totals[1]);
  }

  @Test
  void compiledEqualsReferenceWithRoutingOff() throws Exception {
    long[] totals = differential(LogsourceMapping.none(), 10);
    assertTrue(totals[0] > 13_000, "events: " + totals[0]);
    assertTrue(totals[1] > 10_000, "matches: " + totals[1]);
  }

  /** Compares both engines on every {@code stride}-th event of every file; returns events and matches. */
  private static long[] differential(LogsourceMapping mapping, int stride) throws Exception {
    RuleSet set = RuleLoader.builder().rejectUnresolvedPlaceholders(false).build()
        .load(SharedData.activeRuleFolders());
    assertEquals(List.of(), set.errors());
    Engine engine = Engine.builder().rules(set.rules()).logsources(mapping).build();
    ReferenceEvaluator reference = ReferenceEvaluator.create(set.rules(), mapping);
    List<Path> files = eventFiles();
    assertTrue(files.size() > 200, "event files: " + files.size());

    List<String> differences = Collections.synchronizedList(new ArrayList<>());
    AtomicLong events = new AtomicLong();
    AtomicLong matches = new AtomicLong();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ThreadLocal<MatchContext> contexts = ThreadLocal.withInitial(engine::newContext);
    List<Future<?>> work = new ArrayList<>();
    for (Path file : files) {
      work.add(pool.submit(() -> {
        MatchContext ctx = contexts.get();
        List<Event> list = JsonEvents.read(file);
        for (int i = 0; i < list.size(); i += stride) {
          List<SigmaRule> expected = reference.evaluate(list.get(i));
          List<SigmaRule> actual = engine.match(list.get(i), ctx);
          matches.addAndGet(expected.size());
          events.incrementAndGet();
          if (!expected.equals(actual)) {
            differences.add(file + " #" + i + ": reference " + ids(expected) + ", compiled " + ids(actual));
          }
        }
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    System.out.printf("differential (%s): events %d, matches %d, differences %d%n",
        mapping.entries().isEmpty() ? "routing off" : "routing on", events.get(), matches.get(), differences.size());
    assertEquals(List.of(), differences.subList(0, Math.min(20, differences.size())));
    return new long[] {events.get(), matches.get()};
  }

  private static List<String> ids(List<SigmaRule> rules) {
    return rules.stream().map(SigmaRule::label).toList();
  }

  private static List<Path> eventFiles() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path root : List.of(SharedData.root().resolve("events"), SharedData.root().resolve("sigma-regression"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> p.toString().endsWith(".jsonl")
                || (p.toString().endsWith(".json") && !p.getFileName().toString().equals("index.json")))
            .sorted()
            .forEach(out::add);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return out;
  }
}
