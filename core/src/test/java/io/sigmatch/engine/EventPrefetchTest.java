package io.sigmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmatch.event.Event;
import io.sigmatch.event.MapEvent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The prefetch reads every top-level value of four linked maps, of unequal sizes, and nothing else. */
class EventPrefetchTest {

  @Test
  void readsTheLastCharOfEveryStringOfFourLinkedMaps() {
    Event a = linked(Map.of("A", "xa", "N", 7));
    Event b = linked(Map.of("B", "b", "C", "", "D", "yc"));
    Event c = linked(Map.of());
    Event d = linked(Map.of("E", "e", "L", List.of("not read")));
    assertEquals('a' + 'b' + 'c' + 'e', EventPrefetch.touch(a, b, c, d));
    assertEquals('a' + 'b' + 'c' + 'e', EventPrefetch.touch(d, c, b, a));
  }

  @Test
  void leavesAGroupAloneUnlessAllFourAreLinkedMaps() {
    Event linked = linked(Map.of("A", "a"));
    Event hashed = new MapEvent(new HashMap<>(Map.of("A", "a")));
    Event other = EngineFixture.unlisted(new MapEvent(new LinkedHashMap<>(Map.of("A", "a"))));
    assertEquals(0, EventPrefetch.touch(linked, linked, linked, hashed));
    assertEquals(0, EventPrefetch.touch(other, linked, linked, linked));
    assertEquals(4 * 'a', EventPrefetch.touch(linked, linked, linked, linked));
  }

  private static Event linked(Map<String, Object> fields) {
    return new MapEvent(new LinkedHashMap<>(fields));
  }
}
