package io.sigmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import io.sigmatch.event.Event;
import io.sigmatch.event.MapEvent;
import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.Search;
import io.sigmatch.rule.SigmaRule;
import io.sigmatch.testing.JsonEvents;
import io.sigmatch.testing.SharedData;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Matching an event that matches nothing allocates nothing once the context is warm: the contract
 * for collectors. Counted with the thread's allocated-bytes counter (JMH's {@code -prof gc}
 * measures the same in the benchmarks). Regular expressions run on their own automaton for ASCII
 * values; RE2/J, which allocates a small input wrapper per search, answers only for values with
 * other chars, so events with a non-ASCII string are left out here.
 */
class AllocationTest {

  @Test
  void nonMatchingEventsAllocateNothing() {
    RuleSet set = RuleLoader.builder().build().load(List.of(SharedData.repository().resolve("rules")));
    assertTrue(set.rules().stream().anyMatch(AllocationTest::usesRegex), "the shipped rules use regexes");
    Engine engine = Engine.builder().rules(set.rules()).build();
    MatchContext ctx = engine.newContext();
    List<Event> quiet = new ArrayList<>();
    List<Event> events = new ArrayList<>(JsonEvents.read(SharedData.repository().resolve("corpus/windows-sample.jsonl")));
    // Script blocks of long lines, some shared: the line memo replays and remembers, in its ring.
    // Parsed JSON is a LinkedHashMap; Map.of's forEach would allocate its entries.
    for (int i = 0; i < 8; i++) {
      String script = "function Get-Thing" + i + " {\n    $blob = '" + "a1b2c3".repeat(60 + i % 3) + "'\n}\n";
      events.add(new MapEvent(new LinkedHashMap<>(Map.of("Channel", "Microsoft-Windows-PowerShell/Operational", "EventID", 4104,
          "ScriptBlockText", script))));
    }
    for (Event e : events) {
      boolean[] any = {false};
      engine.match(e, ctx, r -> any[0] = true);
      if (!any[0] && asciiOnly(e)) {
        quiet.add(e);
      }
    }
    assertTrue(quiet.size() > 20, "non-matching events: " + quiet.size());
    String script = (String) ((MapEvent) events.get(events.size() - 1)).fields().get("ScriptBlockText");
    assertTrue(quiet.containsAll(events.subList(events.size() - 8, events.size()))
        && engine.fieldsByName.get("ScriptBlockText").folded.findsByLine(script, ctx), "script blocks go line by line");
    MatchSink none = r -> { };
    for (int warm = 0; warm < 100_000; warm++) {
      engine.match(quiet.get(warm % quiet.size()), ctx, none);
    }
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    // The least of a few rounds: a round can catch the JIT replacing code, which is not per-event cost.
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long before = threads.getThreadAllocatedBytes(id);
      for (int i = 0; i < 50_000; i++) {
        engine.match(quiet.get(i % quiet.size()), ctx, none);
      }
      least = Math.min(least, threads.getThreadAllocatedBytes(id) - before);
    }
    assertEquals(0, least / 50_000, "bytes per non-matching event (least round total " + least + ")");

    // In batches, the prefetch's iterators too must go once C2 has compiled it (scalars, not
    // objects). With the whole suite's compilations queued on two cores, that took up to 120,000
    // batches: rounds go on until one allocates nothing, or 60 of them did.
    List<List<Event>> batches = new ArrayList<>();
    for (int from = 0; from + 7 <= quiet.size(); from += 7) {
      batches.add(quiet.subList(from, from + 7));
    }
    BatchSink nothing = (i, r) -> { };
    for (int warm = 0; warm < 20_000; warm++) {
      engine.matchBatch(batches.get(warm % batches.size()), ctx, nothing);
    }
    least = Long.MAX_VALUE;
    for (int round = 0; round < 60 && least > 0; round++) {
      long before = threads.getThreadAllocatedBytes(id);
      for (int i = 0; i < 10_000; i++) {
        engine.matchBatch(batches.get(i % batches.size()), ctx, nothing);
      }
      least = Math.min(least, threads.getThreadAllocatedBytes(id) - before);
    }
    assertEquals(0, least / 70_000, "bytes per non-matching event in batches (least round total " + least + ")");
  }

  private static boolean asciiOnly(Event e) {
    boolean[] ascii = {true};
    e.forEachScalar(v -> ascii[0] &= !(v instanceof String s) || s.chars().allMatch(c -> c < 0x80));
    return ascii[0];
  }

  private static boolean usesRegex(SigmaRule r) {
    return r.detection().searches().values().stream().anyMatch(AllocationTest::usesRegex);
  }

  private static boolean usesRegex(Search s) {
    if (s instanceof Search.AnyOf any) {
      return any.alternatives().stream().anyMatch(AllocationTest::usesRegex);
    }
    return ((Search.AllOf) s).items().stream().anyMatch(i -> i.modifiers().contains("re"));
  }
}
