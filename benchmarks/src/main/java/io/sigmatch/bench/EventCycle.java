package io.sigmatch.bench;

import io.sigmatch.event.Event;

/**
 * Hands out pre-parsed events one at a time, round and round, so that one benchmark operation is
 * one event and the measured loop does nothing but pick the next element of an array. Not
 * thread-safe: each thread has its own.
 */
final class EventCycle {
  private final Event[] events;
  private final int start;
  private int next;

  /** Cycles through {@code events} starting at {@code start} (threads start apart, not in lockstep). */
  EventCycle(Event[] events, int start) {
    if (events.length == 0) {
      throw new IllegalArgumentException("no events to cycle through");
    }
    this.events = events;
    this.start = Math.floorMod(start, events.length);
    this.next = this.start;
  }

  /**
   * Whether the next event begins a pass over the sample. Benchmarks take a fresh context there,
   * so that the value memo profits only from values repeated within the sample, as in a stream,
   * not from having seen the whole sample on the pass before (over the 20,000-event sample, that
   * would halve its misses: 92.7% hits on a first pass, 96.5% on later ones).
   */
  boolean startsPass() {
    return next == start;
  }

  Event next() {
    Event e = events[next];
    if (++next == events.length) {
      next = 0;
    }
    return e;
  }
}
