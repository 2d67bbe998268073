package io.sigmatch.engine;

import static io.sigmatch.engine.EngineFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sigmatch.event.MapEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A field whose first dotted segment is empty ({@code .x}) is resolved by the reference (and by
 * {@link MapEvent#get}) through the nested map under the key {@code ""}. Found by mutation testing:
 * the compiler indexed dotted fields by first segment only when the dot was not the first char, so
 * when the engine listed the event's fields (more than 8 indexed fields, or any keyword rule) it
 * never read {@code .x} and missed the rule.
 */
class EmptyFirstSegmentFieldTest {

  @Test
  void aFieldWithAnEmptyFirstSegmentIsFoundWhenFieldsAreListed() {
    StringBuilder yaml = new StringBuilder(rule("lead", "  sel:\n    .x: 'v'\n  condition: sel"));
    for (int i = 0; i < 9; i++) {
      yaml.append(rule("pad" + i, "  sel:\n    P" + i + ": 'x'\n  condition: sel"));
    }
    EngineFixture f = EngineFixture.of(yaml.toString());
    assertFalse(f.engine.lookUpFields, "the listing path is the one under test");
    Map<String, Object> event = Map.of("", Map.of("x", "v"));
    assertEquals(List.of("lead"), EngineFixture.titlesOf(f.reference.evaluate(new MapEvent(event))));
    assertEquals(List.of("lead"), f.titlesLookedUp(event));
    assertEquals(List.of("lead"), EngineFixture.titlesOf(f.engine.match(new MapEvent(event), f.engine.newContext())));
  }
}
