package io.sigmatch.engine;

import static io.sigmatch.engine.EngineFixture.event;
import static io.sigmatch.engine.EngineFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-field stats count each structure once, cased and folded alike, largest field first. */
class EngineStatsTest {

  @Test
  void needlesOfBothCaseModesAndGuardsAreCounted() {
    EngineFixture f = EngineFixture.of(
        rule("a", "  sel:\n    F|cased|contains: 'Abc'\n  condition: sel")
            + rule("b", "  sel:\n    F|contains: 'abc'\n  condition: sel")
            + rule("c", "  sel:\n    F|cased: '*Po?er*'\n  condition: sel")
            + rule("d", "  sel:\n    F|re: 'xyz[0-9]'\n  condition: sel")
            + rule("e", "  sel:\n    F|startswith: 'p'\n    F|endswith: 's'\n  condition: sel")
            + rule("f", "  sel:\n    F: 7\n  condition: sel"));
    EngineStats.FieldStats s = f.engine.stats().perField().get(0);
    // Needles: two contains, the glob's guard (cased) and the regex's guard (folded).
    assertEquals(new EngineStats.FieldStats("F", 1, 1, 1, 4, 1, 0, 1), s);
    assertEquals(9, s.total());
    assertEquals(2, f.engine.stats().checks());
    assertEquals(0, f.engine.stats().unguardedChecks());
    assertEquals(List.of("a", "b"), f.titles(event("F", "xAbcx")));
    assertEquals(List.of("b"), f.titles(event("F", "xabcx")));
    assertEquals(List.of("c", "e"), f.titles(event("F", "PoWers")));
    assertEquals(List.of("d"), f.titles(event("F", "XYZ1 xyz2")));
    assertEquals(List.of("f"), f.titles(event("F", "7.0")));
  }

  @Test
  void fieldsOfEqualSizeAreOrderedByName() {
    EngineFixture f = EngineFixture.of(rule("a", "  sel:\n    B: 'x'\n    A: 'y'\n    C|contains:\n      - 'p'\n      - 'q'\n  condition: sel"));
    List<String> order = f.engine.stats().perField().stream().map(EngineStats.FieldStats::field).toList();
    assertEquals(List.of("C", "A", "B"), order);
    assertEquals(3, f.engine.stats().fields());
    assertEquals(3, f.engine.fieldCount());
    assertEquals(4, f.engine.stats().predicates());
  }
}
