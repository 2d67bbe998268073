package io.sigmatch.engine;

/**
 * What a field's string value set, remembered per context: the predicates that held for the last
 * values seen, so that a value seen again costs a hash, a comparison and a replay of its
 * predicates instead of a fold and a pass of every index and check.
 *
 * <p>Why it pays: log values repeat. On the benchmarks' Windows sample, a direct-mapped table of
 * 16,384 slots (the default) holds 81% of string values (62% of their chars) when they come
 * again: the same image paths, hashes, call traces and registry keys, event after event; and a
 * value can cost a microsecond to match afresh. It is exact, not a heuristic: what a string value
 * sets in a field depends on that field and that string alone (fields with field references,
 * which read other fields, are never remembered), so a replay sets exactly what matching would.
 *
 * <p>Bounded and allocation-free: a direct-mapped table of a fixed number of slots, each holding
 * one value (at most {@value #MAX_LENGTH} chars, retained until evicted), its field and up to
 * {@value #WIDTH} predicates; a value that sets more is not remembered. A collision evicts.
 * Lookup is O(n) in the value's length (its hash, computed once per string, and one comparison).
 */
final class ValueMemo {
  /**
   * Predicates remembered per value; values setting more are matched afresh each time. A Windows
   * image path sets up to 19 of the SigmaHQ rules' predicates.
   */
  static final int WIDTH = 32;
  /** Longer values are not remembered, which bounds the memory a context retains. */
  static final int MAX_LENGTH = 1024;

  private final String[] values;
  private final int[] hashes;
  private final int[] fields;
  private final int[] counts;
  private final int[] predicates;
  private final int mask;

  private final int[] recorded = new int[WIDTH];
  private int recordedCount;
  private int pendingSlot;
  private int pendingHash;

  /** A memo of {@code slots} slots, a power of two. */
  ValueMemo(int slots) {
    values = new String[slots];
    hashes = new int[slots];
    fields = new int[slots];
    counts = new int[slots];
    predicates = new int[slots * WIDTH];
    mask = slots - 1;
  }

  /**
   * Sets what {@code value} set in {@code field} when last seen and returns true; or, on a miss,
   * starts a recording: the caller matches the value afresh, passing each predicate it sets to
   * {@link #record}, then calls {@link #remember}.
   */
  boolean replay(int field, String value, MatchContext ctx) {
    int h = value.hashCode() * 0x9E3779B9 + field * 0x85EBCA6B;
    int slot = (h ^ (h >>> 16)) & mask;
    String known = values[slot];
    if (known != null && hashes[slot] == h && fields[slot] == field && known.equals(value)) {
      for (int i = slot * WIDTH, end = i + counts[slot]; i < end; i++) {
        ctx.set(predicates[i]);
      }
      return true;
    }
    pendingSlot = slot;
    pendingHash = h;
    recordedCount = 0;
    return false;
  }

  /** Notes a predicate the fresh match set. */
  void record(int p) {
    int n = Math.min(recordedCount, WIDTH);
    for (int i = 0; i < n; i++) {
      if (recorded[i] == p) {
        return;
      }
    }
    if (recordedCount < WIDTH) {
      recorded[recordedCount] = p;
    }
    recordedCount++;
  }

  /** Ends the recording started by a missed {@link #replay} and remembers the value. */
  void remember(int field, String value) {
    if (recordedCount > WIDTH) {
      return;
    }
    int slot = pendingSlot;
    System.arraycopy(recorded, 0, predicates, slot * WIDTH, recordedCount);
    values[slot] = value;
    hashes[slot] = pendingHash;
    fields[slot] = field;
    counts[slot] = recordedCount;
  }
}
