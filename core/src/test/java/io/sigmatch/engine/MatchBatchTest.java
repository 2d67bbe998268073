package io.sigmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.event.Event;
import io.sigmatch.event.MapEvent;
import io.sigmatch.rule.RuleLoader;
import io.sigmatch.testing.JsonEvents;
import io.sigmatch.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Engine#matchBatch} reports what one call per event reports, each match with its event's
 * position, whatever the batch's length (its groups of four and the events left over) and whatever
 * kind of events it holds.
 */
class MatchBatchTest {
  private static Engine engine;
  private static List<Event> corpus;

  @BeforeAll
  static void load() {
    engine = Engine.builder()
        .rules(RuleLoader.builder().build().load(List.of(SharedData.repository().resolve("rules"))).rules())
        .build();
    corpus = JsonEvents.read(SharedData.repository().resolve("corpus/windows-sample.jsonl"));
  }

  @Test
  void everyBatchLengthReportsWhatOneCallPerEventReports() {
    List<String> expected = oneByOne(corpus);
    assertTrue(expected.size() > 10, "the corpus has matches: " + expected.size());
    for (int length = 1; length <= 9; length++) {
      List<String> actual = new ArrayList<>();
      MatchContext ctx = engine.newContext();
      for (int from = 0; from < corpus.size(); from += length) {
        int start = from;
        List<Event> batch = corpus.subList(from, Math.min(corpus.size(), from + length));
        engine.matchBatch(batch, ctx, (i, rule) -> actual.add((start + i) + " " + rule.label()));
      }
      assertEquals(expected, actual, "batches of " + length);
    }
    List<String> whole = new ArrayList<>();
    engine.matchBatch(corpus, engine.newContext(), (i, rule) -> whole.add(i + " " + rule.label()));
    assertEquals(expected, whole, "the corpus as one batch");
  }

  @Test
  void eventsThatAreNotMapsAreMatchedAsWell() {
    List<Event> mixed = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      Event e = corpus.get(i);
      mixed.add(i % 3 == 0 ? EngineFixture.unlisted((MapEvent) e) : e);
    }
    List<String> actual = new ArrayList<>();
    engine.matchBatch(mixed, engine.newContext(), (i, rule) -> actual.add(i + " " + rule.label()));
    assertEquals(oneByOne(corpus), actual);
  }

  @Test
  void anEmptyBatchReportsNothing() {
    engine.matchBatch(List.of(), engine.newContext(), (i, rule) -> {
      throw new AssertionError("no event, no match");
    });
  }

  @Test
  void aContextOfAnotherEngineIsRefused() {
    Engine other = Engine.builder().rules(List.of()).build();
    assertThrows(IllegalArgumentException.class,
        () -> engine.matchBatch(corpus, other.newContext(), (i, rule) -> { }));
  }

  @Test
  void aSinkThatThrowsLeavesTheContextUsable() {
    MatchContext ctx = engine.newContext();
    RuntimeException stop = new IllegalStateException("stop");
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> engine.matchBatch(corpus, ctx, (i, rule) -> {
      throw stop;
    }));
    assertSame(stop, thrown);
    List<String> actual = new ArrayList<>();
    engine.matchBatch(corpus, ctx, (i, rule) -> actual.add(i + " " + rule.label()));
    assertEquals(oneByOne(corpus), actual);
  }

  private static List<String> oneByOne(List<Event> events) {
    List<String> out = new ArrayList<>();
    MatchContext ctx = engine.newContext();
    for (int i = 0; i < events.size(); i++) {
      int index = i;
      engine.match(events.get(i), ctx, rule -> out.add(index + " " + rule.label()));
    }
    return out;
  }
}
