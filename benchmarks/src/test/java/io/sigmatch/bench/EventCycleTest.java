package io.sigmatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.event.Event;
import io.sigmatch.event.MapEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One operation, one event: the cycle goes round in order and says where each pass begins. */
class EventCycleTest {
  private static final Event[] EVENTS = {event(0), event(1), event(2)};

  @Test
  void goesRoundFromItsStartAndMarksEachPass() {
    EventCycle cycle = new EventCycle(EVENTS, 1);
    List<Event> seen = new ArrayList<>();
    List<Boolean> starts = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      starts.add(cycle.startsPass());
      seen.add(cycle.next());
    }
    assertEquals(List.of(EVENTS[1], EVENTS[2], EVENTS[0], EVENTS[1], EVENTS[2], EVENTS[0], EVENTS[1]), seen);
    assertEquals(List.of(true, false, false, true, false, false, true), starts);
  }

  @Test
  void startsAnywhereAnIndexPointsModuloTheLength() {
    assertEquals(EVENTS[2], new EventCycle(EVENTS, -1).next());
    assertEquals(EVENTS[1], new EventCycle(EVENTS, 7).next());
  }

  @Test
  void aSingleEventStartsEveryPass() {
    EventCycle cycle = new EventCycle(new Event[] {EVENTS[0]}, 0);
    for (int i = 0; i < 3; i++) {
      assertTrue(cycle.startsPass());
      assertEquals(EVENTS[0], cycle.next());
    }
  }

  @Test
  void refusesAnEmptySample() {
    assertThrows(IllegalArgumentException.class, () -> new EventCycle(new Event[0], 0));
  }

  private static Event event(int n) {
    return new MapEvent(Map.of("n", n));
  }
}
