package io.sigmatch.engine;

import static io.sigmatch.engine.EngineFixture.event;
import static io.sigmatch.engine.EngineFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fields with a single kind of text structure: each alone must make a number render as text,
 * and an unguarded folded check alone must still see the folded value.
 */
class FieldIndexEdgesTest {

  @Test
  void eachTextStructureAloneRendersNumbers() {
    EngineFixture f = EngineFixture.of(
        rule("cased", "  sel:\n    C|cased|endswith: '42'\n  condition: sel")
            + rule("any", "  sel:\n    A: '*'\n  condition: sel")
            + rule("check", "  sel:\n    U|re: '^4[0-9]$'\n  condition: sel")
            + rule("glob", "  sel:\n    G: '4?'\n  condition: sel"));
    assertEquals(List.of("cased", "any", "check", "glob"), f.titles(event("C", 42, "A", 42L, "U", 42, "G", (short) 42)));
    assertEquals(List.of("any"), f.titles(event("C", 43, "A", true, "U", 4, "G", 4)));
  }

  @Test
  void anUnguardedFoldedGlobAloneSeesTheFoldedValue() {
    EngineFixture f = EngineFixture.of(rule("glob", "  sel:\n    G: 'a?c'\n  condition: sel"));
    assertEquals(List.of("glob"), f.titles(event("G", "ABC")));
    assertEquals(List.of("glob"), f.titles(event("G", "aXc")));
    assertEquals(List.of(), f.titles(event("G", "ABCD")));
  }

  /**
   * A text longer than a regex's longest match is ruled out by its length: in code points, which
   * may be half its chars, so only a text of over twice as many chars goes uncounted.
   */
  @Test
  void aRegexAnchoredAtBothEndsBoundsTheTextInCodePoints() {
    EngineFixture f = EngineFixture.of(rule("two", "  sel:\n    R|re: '^.{2}$'\n  condition: sel"));
    String face = "\uD83D\uDE00";
    assertEquals(List.of("two"), f.titles(event("R", face + face)));
    assertEquals(List.of("two"), f.titles(event("R", "a" + face)));
    assertEquals(List.of("two"), f.titles(event("R", "ab")));
    assertEquals(List.of(), f.titles(event("R", "a" + face + face)));
    assertEquals(List.of(), f.titles(event("R", face + face + face)));
    assertEquals(List.of(), f.titles(event("R", "abc")));
  }

  @Test
  void timePartZeroAndFractionalThresholdsCompareExactly() {
    EngineFixture f = EngineFixture.of(
        rule("hour0", "  sel:\n    T|hour: 0\n  condition: sel")
            + rule("min-lt1", "  sel:\n    T|minute|lt: 1\n  condition: sel")
            + rule("gte-frac", "  sel:\n    T|hour|gte: 2.5\n  condition: sel")
            + rule("eq-frac", "  sel:\n    T|hour: 2.5\n  condition: sel")
            + rule("lte-frac", "  sel:\n    T|hour|lte: 2.5\n  condition: sel"));
    assertEquals(List.of("hour0", "min-lt1", "lte-frac"), f.titles(event("T", "2024-05-01T00:00:00")));
    assertEquals(List.of("lte-frac"), f.titles(event("T", "2024-05-01T02:30:00")));
    assertEquals(List.of("gte-frac"), f.titles(event("T", "2024-05-01T03:30:00")));
    assertEquals(List.of("min-lt1", "gte-frac"), f.titles(event("T", "2024-05-01T03:00:59")));
  }
}
