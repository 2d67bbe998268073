package io.sigmatch.engine;

import static io.sigmatch.engine.EngineFixture.event;
import static io.sigmatch.engine.EngineFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Indicators of searches written as lists of maps and of negated values; field references over lists. */
class IndicatorShapesTest {

  @Test
  void listOfMapsSearchesAndNegatedValuesAreListed() {
    EngineFixture f = EngineFixture.of(rule("a",
        "  sel:\n    - A: 'x'\n    - B|startswith: 'y'\n  gone:\n    C|exists: false\n  condition: sel and gone"));
    List<String> shown = f.engine.indicators(f.rules.get(0)).stream()
        .map(i -> i.identifier() + " " + i.field() + " " + i.kind() + " " + i.value()).toList();
    assertEquals(List.of("sel A eq x", "sel B starts_with y", "gone C exists "), shown);
  }

  @Test
  void aFieldReferenceToAListFailsWhenNoElementRelates() {
    EngineFixture f = EngineFixture.of(rule("eq", "  sel:\n    A|fieldref: B\n  condition: sel"));
    assertEquals(List.of(), f.titles(event("A", "x", "B", List.of("y", "z"))));
    assertEquals(List.of("eq"), f.titles(event("A", "x", "B", List.of("x", "z"))));
  }

  @Test
  void prefixKeysAreCountedPerCaseMode() {
    EngineFixture f = EngineFixture.of(rule("p", "  sel:\n    F|startswith:\n      - 'ab'\n      - 'cd'\n  condition: sel"));
    assertEquals(2, f.engine.fieldsByName.get("F").folded.prefixKeys);
    assertEquals(null, f.engine.fieldsByName.get("F").cased);
  }

  @Test
  void anUnclosedNamedClassAtTheEndDoesNotCloseTheClass() {
    assertEquals(-1, RegexSyntax.skipClass("[a[", 0));
  }
}
