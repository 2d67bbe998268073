package io.sigmatch.engine;

import io.sigmatch.index.NeedleAutomaton;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * What the long lines of multi-line values held of a field's needles, remembered per context, so
 * that a line seen again in another value is not scanned again.
 *
 * <p>Why: PowerShell's module-logging events (4103) carry a {@code ContextInfo} of about 4,600
 * chars, unique per event because of its sequence number, whose 4,000-char {@code Host
 * Application} line (the command line with its base64 payload) is the same in every event of the
 * session: 95% of those chars are in lines seen before. The value memo, keyed by the whole value,
 * never hits there; scanning the value for the field's 301 needles and probing it for the open
 * keyword groups took about 25 µs an event, a ninth of the time of the benchmark's Windows sample.
 *
 * <p>Exact: a needle without a line break occurs in a text only inside one of its lines, so the
 * needles found in a text are those found in each of its lines, and lines whose folds are equal
 * hold the same needles. The caller uses it only for automata none of whose needles holds a
 * {@code \n}, and for values whose fold is their ASCII lower case, char for char; lines shorter
 * than {@value #MIN_LINE} chars, and the text between remembered lines, are scanned as usual.
 * A slot keys its line by automaton, hash and length, and a hit is confirmed by comparing the
 * folded chars with the copy the slot keeps.
 *
 * <p>Bounded and allocation-free: a direct-mapped table of {@value #SLOTS} slots, each a line's
 * folded chars in a ring of {@value #RING} chars (a line the ring has since overwritten is gone:
 * its slot no longer hits) and up to {@value #WIDTH} payloads; a line with more, or longer than
 * a quarter of the ring, is not remembered. Cost per line of n chars: a hash of a few of its
 * chars, computed once per value for all the automata that read it, and at most one comparison
 * of folded chars, O(n) at a small fraction of a scan's cost per char.
 */
final class LineMemo implements IntConsumer {
  /** Lines shorter than this are scanned: remembering them would not pay. */
  static final int MIN_LINE = 256;
  static final int SLOTS = 1024;
  static final int WIDTH = 32;
  /** Chars of the ring that holds the remembered lines: 512 KB a context. */
  static final int RING = 1 << 18;
  /** Long lines remembered per value; the text after the last of them is scanned. */
  static final int MAX_LINES = 64;
  /** Chars of a line that its hash reads, evenly spread. */
  static final int SAMPLES = 64;

  private final char[] ring = new char[RING];
  /** Chars ever written to the ring; those before {@code written - RING} are overwritten. */
  private long written;
  private final NeedleAutomaton[] owners = new NeedleAutomaton[SLOTS];
  /** Where each slot's line starts, counted as {@link #written} is. */
  private final long[] offsets = new long[SLOTS];
  private final int[] lengths = new int[SLOTS];
  private final int[] hashes = new int[SLOTS];
  private final int[] counts = new int[SLOTS];
  private final int[] payloads = new int[SLOTS * WIDTH];

  private IntConsumer target;
  private final DistinctRecording recorded = new DistinctRecording(WIDTH);

  /**
   * The long lines of the last value split, with the hashes of their folds: the field's automaton
   * and each open keyword group's read the same value, one after the other.
   */
  private String splitValue;
  private int lineCount;
  private final int[] lineStarts = new int[MAX_LINES];
  private final int[] lineEnds = new int[MAX_LINES];
  private final int[] lineHashes = new int[MAX_LINES];

  /** Whether needles may be found in {@code value} line by line: it has a break and a long line. */
  static boolean splits(String value) {
    return value.length() > MIN_LINE && value.indexOf('\n') >= 0;
  }

  /**
   * Reports to {@code sink} the payloads of the needles of {@code needles} that occur in
   * {@code folded[0 .. raw.length())}, the ASCII lower case of {@code raw}, which
   * {@link #splits}; as {@link NeedleAutomaton#matchNeedles(char[], int, IntConsumer)} would,
   * possibly in another order and more than once.
   */
  void matchNeedles(NeedleAutomaton needles, String raw, char[] folded, IntConsumer sink) {
    if (raw != splitValue) {
      split(raw, folded);
    }
    int scanned = 0;
    for (int i = 0; i < lineCount; i++) {
      int start = lineStarts[i];
      if (scanned < start) {
        needles.matchNeedles(folded, scanned, start, sink);
      }
      line(needles, folded, start, lineEnds[i], lineHashes[i], sink);
      scanned = lineEnds[i];
    }
    if (scanned < raw.length()) {
      needles.matchNeedles(folded, scanned, raw.length(), sink);
    }
  }

  private void split(String raw, char[] folded) {
    splitValue = raw;
    lineCount = 0;
    int length = raw.length();
    for (int start = 0; start < length && lineCount < MAX_LINES; ) {
      int end = raw.indexOf('\n', start);
      if (end < 0) {
        end = length;
      }
      if (end - start >= MIN_LINE) {
        lineStarts[lineCount] = start;
        lineEnds[lineCount] = end;
        lineHashes[lineCount++] = hash(folded, start, end);
      }
      start = end + 1;
    }
  }

  private void line(NeedleAutomaton needles, char[] folded, int start, int end, int h, IntConsumer sink) {
    int length = end - start;
    // The field's automaton and the keyword groups' read the same lines: each its own slot.
    int mixed = h + System.identityHashCode(needles) * 0x9E3779B9;
    int slot = (mixed ^ (mixed >>> 16)) & (SLOTS - 1);
    long offset = offsets[slot];
    if (owners[slot] == needles && hashes[slot] == h && lengths[slot] == length && offset >= written - RING) {
      int at = (int) (offset & (RING - 1));
      if (Arrays.equals(ring, at, at + length, folded, start, end)) {
        for (int i = slot * WIDTH, n = i + counts[slot]; i < n; i++) {
          sink.accept(payloads[i]);
        }
        return;
      }
    }
    target = sink;
    recorded.clear();
    needles.matchNeedles(folded, start, end, this);
    target = null;
    if (recorded.count() <= WIDTH && length <= RING / 4) {
      remember(slot, needles, folded, start, length, h);
    }
  }

  private void remember(int slot, NeedleAutomaton needles, char[] folded, int start, int length, int h) {
    int at = (int) (written & (RING - 1));
    if (at + length > RING) {
      // A line lies in one piece: skip the ring's tail, as if written.
      written += RING - at;
      at = 0;
    }
    System.arraycopy(folded, start, ring, at, length);
    owners[slot] = needles;
    offsets[slot] = written;
    written += length;
    lengths[slot] = length;
    hashes[slot] = h;
    counts[slot] = recorded.count();
    recorded.copyTo(payloads, slot * WIDTH);
  }

  /** Passes a payload found in a line being scanned on, and notes it for the line's slot. */
  @Override
  public void accept(int payload) {
    target.accept(payload);
    recorded.add(payload);
  }

  /**
   * A hash of {@value #SAMPLES} chars spread over the line and its length: O(1) a line. Lines that
   * differ only elsewhere share a slot and evict each other; the comparison that confirms a hit
   * keeps that exact.
   */
  private static int hash(char[] a, int start, int end) {
    int length = end - start;
    int step = Math.max(1, length / SAMPLES);
    int h = length;
    for (int i = start; i < end; i += step) {
      h = 31 * h + a[i];
    }
    return h * 31 + a[end - 1];
  }
}
