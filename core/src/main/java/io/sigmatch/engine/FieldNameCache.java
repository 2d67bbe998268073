package io.sigmatch.engine;

import java.util.Map;

/**
 * A context's direct-mapped cache from an event's field names to the engine's field indexes.
 *
 * <p>Why: every field of every event used to cost a lookup in the engine's name map, whose nodes
 * the per-event matching keeps pushing out of the CPU caches. JSON parsers hand out the same
 * (interned) name strings event after event, so a small table compared by identity first answers
 * from a few cache lines. Names that differ in identity but not in text still hit after one
 * comparison; a collision only costs the map lookup it replaces.
 *
 * <p>Bounded: {@value #SLOTS} slots, and names longer than {@value #MAX_NAME} chars are not kept,
 * so a hostile event's huge field names are never retained. O(1) per hit, O(n) in the name's
 * length on a miss.
 */
final class FieldNameCache {
  static final int SLOTS = 1024;
  static final int MAX_NAME = 128;

  private final Map<String, FieldIndex> byName;
  private final String[] names = new String[SLOTS];
  private final FieldIndex[] fields = new FieldIndex[SLOTS];

  FieldNameCache(Map<String, FieldIndex> byName) {
    this.byName = byName;
  }

  /** The index of field {@code name}, or null when no rule reads it. */
  FieldIndex get(String name) {
    int h = name.hashCode();
    int slot = (h ^ (h >>> 10)) & (SLOTS - 1);
    String known = names[slot];
    if (known == name || known != null && known.equals(name)) {
      return fields[slot];
    }
    FieldIndex f = byName.get(name);
    if (name.length() <= MAX_NAME) {
      names[slot] = name;
      fields[slot] = f;
    }
    return f;
  }
}
