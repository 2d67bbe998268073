package io.sigmatch.engine;

import static io.sigmatch.engine.EngineFixture.event;
import static io.sigmatch.engine.EngineFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Values of every shape an event may hold (null, booleans, numbers, lists, maps), read through
 * both paths: listing the event's fields and looking the indexed fields up.
 */
class EngineEventShapesTest {
  private static final String RULES =
      rule("kw-null", "  kw:\n    - 'null'\n  condition: kw")
          + rule("kw-true", "  kw:\n    - 'true'\n  condition: kw")
          + rule("kw-num", "  kw:\n    - '42'\n  condition: kw")
          + rule("f-null", "  sel:\n    F: null\n  condition: sel")
          + rule("f-text", "  sel:\n    F|contains: 'ab'\n  condition: sel")
          + rule("g-num", "  sel:\n    G|lt: 0\n  condition: sel");

  @Test
  void nullValuesAreNotKeywordText() {
    EngineFixture f = EngineFixture.of(RULES);
    assertEquals(List.of("f-null"), f.titles(event("A", (Object) null)));
    assertEquals(List.of("f-null"), f.titlesLookedUp(event("A", (Object) null)));
    assertEquals(List.of("f-null"), f.titles(event("A", Arrays.asList(null, null))));
    assertEquals(List.of("kw-null", "f-null"), f.titles(event("A", "NULL")));
    assertEquals(List.of("f-null"), f.titles(event("F", (Object) null)));
  }

  @Test
  void booleansAndNumbersAreKeywordText() {
    EngineFixture f = EngineFixture.of(RULES);
    assertEquals(List.of("kw-true", "f-null"), f.titles(event("A", true)));
    assertEquals(List.of("f-null"), f.titles(event("A", false)));
    assertEquals(List.of("kw-num", "f-null"), f.titles(event("A", 42)));
    assertEquals(List.of("kw-num", "f-null"), f.titles(event("A", 42L)));
    assertEquals(List.of("kw-num", "f-null"), f.titles(event("A", Map.of("b", List.of((short) 42)))));
    assertEquals(List.of("kw-num", "f-null"), f.titlesLookedUp(event("A", 4242)));
  }

  @Test
  void aFieldHoldingAMapIsPresentButHasNoText() {
    EngineFixture f = EngineFixture.of(RULES);
    assertEquals(List.of(), f.titles(event("F", Map.of("x", "ab"))));
    assertEquals(List.of("f-text"), f.titles(event("F", List.of(Map.of("x", "zz"), "xaby"))));
    assertEquals(List.of("kw-true", "f-text"), f.titles(event("F", List.of("ab", true))));
  }

  @Test
  void negativeAndFractionalNumbersReachTheThresholds() {
    EngineFixture f = EngineFixture.of(RULES);
    assertEquals(List.of("f-null", "g-num"), f.titles(event("G", -1)));
    assertEquals(List.of("f-null", "g-num"), f.titles(event("G", "-0.5")));
    assertEquals(List.of("f-null", "g-num"), f.titles(event("G", -0.5d)));
    assertEquals(List.of("f-null"), f.titles(event("G", "0")));
    assertEquals(List.of("f-null"), f.titles(event("G", "-0")));
    assertEquals(List.of("f-null", "g-num"), f.titles(event("G", List.of(3, -3))));
  }
}
