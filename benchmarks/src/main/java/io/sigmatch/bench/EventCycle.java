package io.sigmatch.bench;

import io.sigmatch.event.Event;

/**
 * Hands out pre-parsed events one at a time, round and round, so that one benchmark operation is
 * one event and the measured loop does nothing but pick the next element of an array. Not
 * thread-safe: each thread has its own.
 */
final class EventCycle {
  private final Event[] events;
  private int next;

  /** Cycles through {@code events} starting at {@code start} (threads start apart, not in lockstep). */
  EventCycle(Event[] events, int start) {
    if (events.length == 0) {
      throw new IllegalArgumentException("no events to cycle through");
    }
    this.events = events;
    this.next = Math.floorMod(start, events.length);
  }

  Event next() {
    Event e = events[next];
    if (++next == events.length) {
      next = 0;
    }
    return e;
  }
}
