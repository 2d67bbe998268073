package io.sigmatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The event sample is fixed by its seed: the same lines, in the same order, on every run. */
class EventSamplesTest {
  private static final List<String> LINES = IntStream.range(0, 1_000).mapToObj(i -> "line " + i).toList();

  @Test
  void theSameSeedDrawsTheSameLinesInTheSameOrder() {
    assertEquals(EventSamples.sample(LINES, 100, EventSamples.SAMPLE_SEED),
        EventSamples.sample(LINES, 100, EventSamples.SAMPLE_SEED));
  }

  @Test
  void drawsDistinctLinesOfTheInput() {
    List<String> sample = EventSamples.sample(LINES, 300, 7);
    assertEquals(300, sample.size());
    assertEquals(300, new HashSet<>(sample).size());
    assertTrue(LINES.containsAll(sample));
  }

  @Test
  void drawsInShuffledOrderNotFileOrder() {
    List<String> sample = EventSamples.sample(LINES, 100, 7);
    assertNotEquals(sample.stream().sorted((a, b) -> LINES.indexOf(a) - LINES.indexOf(b)).toList(), sample);
  }

  @Test
  void anotherSeedDrawsOtherLines() {
    assertNotEquals(EventSamples.sample(LINES, 100, 1), EventSamples.sample(LINES, 100, 2));
  }

  @Test
  void askingForMoreThanThereAreGivesThemAll() {
    List<String> sample = EventSamples.sample(LINES.subList(0, 10), 20_000, 7);
    assertEquals(new HashSet<>(LINES.subList(0, 10)), new HashSet<>(sample));
    assertEquals(10, sample.size());
  }

  @Test
  void theInputIsLeftAsItWas() {
    List<String> lines = new java.util.ArrayList<>(LINES);
    EventSamples.sample(lines, 100, 7);
    assertEquals(LINES, lines);
  }
}
