package io.sigmatch.engine;

/**
 * The distinct ints noted since the last {@link #clear}, the first {@code capacity} of them kept:
 * what a memo slot is about to remember (a value's predicates, a line's payloads). A recording
 * that outgrew its capacity is not remembered, so past it only the count matters.
 *
 * <p>Allocation-free; {@link #add} is O(capacity), which stays small (32 in the memos).
 */
final class DistinctRecording {
  private final int[] kept;
  private int count;

  DistinctRecording(int capacity) {
    kept = new int[capacity];
  }

  void clear() {
    count = 0;
  }

  /** Notes {@code x}, unless it was noted already. */
  void add(int x) {
    int n = Math.min(count, kept.length);
    for (int i = 0; i < n; i++) {
      if (kept[i] == x) {
        return;
      }
    }
    if (count < kept.length) {
      kept[count] = x;
    }
    count++;
  }

  /** How many distinct ints were noted, or more once past the capacity. */
  int count() {
    return count;
  }

  /** Copies the ints kept, all of them: the recording must fit in its capacity. */
  void copyTo(int[] target, int at) {
    System.arraycopy(kept, 0, target, at, count);
  }
}
