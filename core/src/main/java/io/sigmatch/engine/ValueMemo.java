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
 * sets in a field depends on that field and that string alone (field references, which read
 * other fields, are matched every time), so a replay sets exactly what matching would.
 *
 * <p>A slot also keeps what the value set in the keyword indexes that were open when it was
 * matched (keyword predicates too depend on the string alone), so a value of an indexed field
 * seen again is not scanned for keywords either; that scan of every value was a quarter of the
 * time per Windows event, for the one mimikatz keyword rule. The open set is part of the key of
 * that part: an event that opens other keyword indexes replays the field's own predicates and
 * scans the value for its keywords.
 *
 * <p>Bounded and allocation-free: a direct-mapped table of a fixed number of slots, each holding
 * one value (retained until evicted), its field and up to {@value #WIDTH} predicates; a value
 * that sets more is not remembered. A collision evicts. Values of up to {@value #SHORT} chars are
 * always remembered; longer ones (up to {@value #MAX_LENGTH}) only while all long values held
 * total at most {@value #LONG_BUDGET} chars. Long values are worth it: they cost the most to match
 * (a PowerShell payload or a call trace of a few thousand chars, tens of microseconds), and many
 * repeat, event after event.
 * Lookup is O(n) in the value's length (its hash, computed once per string, and one comparison).
 */
final class ValueMemo {
  /**
   * Predicates remembered per value; values setting more are matched afresh each time. A Windows
   * image path sets up to 19 of the SigmaHQ rules' predicates.
   */
  static final int WIDTH = 32;
  /** Values up to this long are always remembered. */
  static final int SHORT = 1024;
  /** Longer values are never remembered. */
  static final int MAX_LENGTH = 1 << 16;
  /** The most chars the longer-than-{@link #SHORT} values held may total, per context. */
  static final int LONG_BUDGET = 1 << 20;

  /** {@link #replay} found nothing: match the value afresh, then {@link #remember} it. */
  static final int MISS = -1;
  /**
   * {@link #replay} set the field's own predicates, but the value's keyword predicates were
   * remembered for another set of keyword indexes (or none): scan them, then
   * {@link #rememberKeywords}.
   */
  static final int OWN = 0;
  /** {@link #replay} set everything the value set, keywords included. */
  static final int ALL = 1;

  private final String[] values;
  private final int[] hashes;
  private final int[] fields;
  private final int[] counts;
  /** Per slot, how many of its predicates are the field's own; the rest are keyword predicates. */
  private final int[] ownCounts;
  /** Per slot, the open keyword indexes its keyword predicates were found with. */
  private final long[] keywordSets;
  private final int[] predicates;
  private final int mask;
  /** Chars of the longer-than-{@link #SHORT} values held now. */
  private long longChars;

  private final DistinctRecording recorded = new DistinctRecording(WIDTH);
  private int recordedOwn;
  private int pendingSlot;
  private int pendingHash;

  /** A memo of {@code slots} slots, a power of two. */
  ValueMemo(int slots) {
    values = new String[slots];
    hashes = new int[slots];
    fields = new int[slots];
    counts = new int[slots];
    ownCounts = new int[slots];
    keywordSets = new long[slots];
    predicates = new int[slots * WIDTH];
    mask = slots - 1;
  }

  /**
   * Replays what {@code value} set in {@code field} when last seen: {@link #ALL} when that included
   * the keyword predicates of exactly the keyword indexes {@code keywordSet} names, {@link #OWN}
   * when only the field's own predicates could be replayed (a recording of the keyword part
   * starts), or {@link #MISS}: the caller matches the value afresh, passing each predicate it
   * sets to {@link #record}, and calls {@link #endOwnPredicates} and {@link #remember}.
   */
  int replay(int field, String value, long keywordSet, MatchContext ctx) {
    int h = value.hashCode() * 0x9E3779B9 + field * 0x85EBCA6B;
    int slot = (h ^ (h >>> 16)) & mask;
    pendingSlot = slot;
    recorded.clear();
    String known = values[slot];
    if (known != null && hashes[slot] == h && fields[slot] == field && known.equals(value)) {
      int base = slot * WIDTH;
      boolean all = keywordSets[slot] == keywordSet;
      for (int i = base, end = base + (all ? counts[slot] : ownCounts[slot]); i < end; i++) {
        ctx.set(predicates[i]);
      }
      return all ? ALL : OWN;
    }
    pendingHash = h;
    return MISS;
  }

  /** Notes a predicate the fresh match set. */
  void record(int p) {
    recorded.add(p);
  }

  /** Marks the predicates recorded so far as the field's own; the ones after are keywords'. */
  void endOwnPredicates() {
    recordedOwn = recorded.count();
  }

  /** Ends the recording started by a missed {@link #replay} and remembers the value. */
  void remember(int field, String value, long keywordSet) {
    if (recorded.count() > WIDTH) {
      return;
    }
    int slot = pendingSlot;
    long longer = longChars + longLength(value) - longLength(values[slot]);
    if (longer > LONG_BUDGET) {
      return;
    }
    longChars = longer;
    recorded.copyTo(predicates, slot * WIDTH);
    values[slot] = value;
    hashes[slot] = pendingHash;
    fields[slot] = field;
    counts[slot] = recorded.count();
    ownCounts[slot] = recordedOwn;
    keywordSets[slot] = keywordSet;
  }

  /** Chars of the longer-than-{@link #SHORT} values held now. */
  long longChars() {
    return longChars;
  }

  private static int longLength(String value) {
    return value == null || value.length() <= SHORT ? 0 : value.length();
  }

  /** Ends the recording started by an {@link #OWN} replay: the value's keyword predicates now. */
  void rememberKeywords(long keywordSet) {
    int slot = pendingSlot;
    int own = ownCounts[slot];
    if (own + recorded.count() > WIDTH) {
      return;
    }
    recorded.copyTo(predicates, slot * WIDTH + own);
    counts[slot] = own + recorded.count();
    keywordSets[slot] = keywordSet;
  }
}
