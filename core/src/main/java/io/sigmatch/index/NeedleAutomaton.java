package io.sigmatch.index;

import java.util.function.IntConsumer;

/**
 * Aho–Corasick automaton over the {@code contains} needles of one field: one left-to-right pass over
 * a text finds every needle occurring in it. Immutable and thread-safe; matching allocates nothing.
 *
 * <p>Layout. States are trie nodes numbered breadth-first. The shallowest states, where a scan
 * spends most of its time, have a dense row in one {@code int[]} transition table indexed by
 * {@link CharClasses char class}, with failure transitions pre-resolved, so a step is two array
 * loads. Deeper states, beyond {@link NeedleAutomatonBuilder#maxDenseTableBytes(long)}, keep only
 * their sorted trie edges and a failure link: a full row for each of them would cost
 * states × classes × 4 bytes (20,000 needles of 20 chars over 69 distinct chars: 101 MB, where
 * the capped layout takes 25 MB and, measured roughly, scans at least as fast for fewer cache
 * misses). A state's payloads are a range of one shared array; needles ending at a proper suffix
 * of the state's string are reached through a chain of output links that visits only states with
 * payloads, rather than being copied into every state, which could grow quadratically with the
 * needles.
 *
 * <p>Time: {@link #matchNeedles} and {@link #scan} are O(n · log σ + r) for a text of n chars, at
 * most σ children per deep state (1 for most) and r reports; each char costs one dense step or,
 * in deep states, a run of failure steps that is paid for by earlier forward steps. Char classes
 * of non-ASCII chars add O(log m), see {@link CharClasses}. Memory: about 22 bytes per state,
 * plus 4 bytes per char class for each dense state, plus 4 bytes per payload.
 *
 * <p>Prefilter. When every needle is at least {@value BlockShiftTable#MIN_WINDOW} chars long, and
 * their pairs of chars leave the {@link BlockShiftTable} room to skip,
 * {@link #matchNeedles(char[], int, IntConsumer)} skips, whenever the automaton is back at its
 * root, to the next window where a needle can start; still O(n).
 */
public final class NeedleAutomaton {
    /** Receives each needle occurrence with its position. */
    @FunctionalInterface
    public interface HitSink {
        /**
         * Called once per payload of a needle occurring in the text and ending just before
         * {@code endExclusive}; empty needles are reported once, with {@code endExclusive} 0.
         */
        void hit(int payload, int endExclusive);
    }

    private final DenseTrie trie;
    private final CharClasses classes;
    private final int classCount;
    /** Row offset to dense state: division by the class count. */
    private final ExactDivision rows;
    /** States {@code 0 .. denseStateCount - 1} have a row in {@link #denseTransitions}. */
    private final int denseStateCount;
    /**
     * Encoded steps ({@link #encode}): a dense target as its row offset, a sparse one as its
     * number with {@link #SPARSE}, either with {@link #REPORTS} if it has something to report. The
     * common step (dense state, ASCII char, dense target, nothing to report) is then an add, a
     * load and a flag test, with no multiply on the chain from one char to the next.
     */
    private final int[] denseTransitions;
    /** Failure link of state {@code denseStateCount + i} at index i. */
    private final int[] sparseFailure;
    /**
     * The state itself if it has payloads, else the nearest state on its failure chain that has;
     * the root, whose payloads (empty needles) are reported up front, means none.
     */
    private final int[] firstReporting;
    /** For a state with payloads, the next state with payloads on its failure chain, or the root. */
    private final int[] nextReporting;
    private final int[] asciiClasses;
    /** Skips windows where no needle can start; null where the needles are too short for it. */
    private final BlockShiftTable skips;
    private static final int REPORTS = 1 << 31;
    private static final int SPARSE = 1 << 30;
    private static final int FLAGS = REPORTS | SPARSE;

    NeedleAutomaton(DenseTrie trie, CharClasses classes, int denseStateCount, int[] denseTransitions,
            int[] sparseFailure, int[] firstReporting, int[] nextReporting, BlockShiftTable skips) {
        this.trie = trie;
        this.classes = classes;
        this.classCount = classes.count();
        this.rows = new ExactDivision(classCount);
        this.denseStateCount = denseStateCount;
        this.denseTransitions = denseTransitions;
        this.sparseFailure = sparseFailure;
        this.firstReporting = firstReporting;
        this.nextReporting = nextReporting;
        this.asciiClasses = classes.asciiTable();
        this.skips = skips;
        for (int i = 0; i < denseTransitions.length; i++) {
            denseTransitions[i] = encode(denseTransitions[i]);
        }
    }

    private int encode(int state) {
        int step = state < denseStateCount ? state * classCount : state | SPARSE;
        return firstReporting[state] != DenseTrie.ROOT ? step | REPORTS : step;
    }

    // Reports are frequent (short guard literals such as ":\\" hit nearly every path): no idiv.
    private int decode(int step) {
        int row = step & ~FLAGS;
        return (step & SPARSE) != 0 ? row : rows.divide(row);
    }

    /** The encoded step from an encoded position on {@code c}. */
    private int step(int at, char c) {
        if ((at & SPARSE) == 0) {
            return denseTransitions[at + classes.classOf(c)];
        }
        int state = at & ~FLAGS;
        while (state >= denseStateCount) {
            int child = trie.child(state, c);
            if (child != DenseTrie.NO_NODE) {
                return encode(child);
            }
            state = sparseFailure[state - denseStateCount];
        }
        return denseTransitions[state * classCount + classes.classOf(c)];
    }

    /**
     * Reports the payload of every needle occurring in {@code text}. A needle occurring several
     * times may be reported several times; callers that need each payload once dedupe, for
     * example with a bitset.
     */
    public void matchNeedles(CharSequence text, IntConsumer out) {
        reportEmptyNeedles(out);
        int[] table = denseTransitions;
        int[] ascii = asciiClasses;
        int at = 0;
        for (int position = 0, length = text.length(); position < length; position++) {
            char c = text.charAt(position);
            int step = (at & SPARSE) == 0 && c < ascii.length ? table[at + ascii[c]] : step(at, c);
            at = step & ~REPORTS;
            if (step < 0) {
                report(decode(step), out);
            }
        }
    }

    /**
     * As {@link #matchNeedles(CharSequence, IntConsumer)}, over {@code text[0 .. length)}.
     */
    // The same loop as over a CharSequence, written twice: where one call site passes several
    // CharSequence types, charAt becomes an interface call per char, which measured at about
    // twice the cost of the rest of the step.
    public void matchNeedles(char[] text, int length, IntConsumer out) {
        matchNeedles(text, 0, length, out);
    }

    /**
     * As {@link #matchNeedles(CharSequence, IntConsumer)}, over {@code text[from .. to)} read as a
     * text of its own: a needle is found only where it lies wholly inside the range.
     */
    public void matchNeedles(char[] text, int from, int to, IntConsumer out) {
        reportEmptyNeedles(out);
        if (skips != null) {
            matchSkipping(text, from, to, out);
            return;
        }
        int[] table = denseTransitions;
        int[] ascii = asciiClasses;
        int at = 0;
        for (int position = from; position < to; position++) {
            char c = text[position];
            int step = (at & SPARSE) == 0 && c < ascii.length ? table[at + ascii[c]] : step(at, c);
            at = step & ~REPORTS;
            if (step < 0) {
                report(decode(step), out);
            }
        }
    }

    // Back at the root, no needle occurrence is under way, so the next one starts at or after
    // the next char: the block-shift table may skip ahead to the first window where one can.
    private void matchSkipping(char[] text, int from, int to, IntConsumer out) {
        int[] table = denseTransitions;
        int[] ascii = asciiClasses;
        int at = 0;
        int position = skips.nextCandidate(text, from, to);
        while (position < to) {
            char c = text[position++];
            int step = (at & SPARSE) == 0 && c < ascii.length ? table[at + ascii[c]] : step(at, c);
            at = step & ~REPORTS;
            if (step < 0) {
                report(decode(step), out);
            }
            if (at == 0) {
                position = skips.nextCandidate(text, position, to);
            }
        }
    }

    private void reportEmptyNeedles(IntConsumer out) {
        for (int i = trie.firstPayload(DenseTrie.ROOT), end = trie.payloadEnd(DenseTrie.ROOT); i < end; i++) {
            out.accept(trie.payload(i));
        }
    }

    private void report(int state, IntConsumer out) {
        for (int reporting = firstReporting[state]; reporting != DenseTrie.ROOT; reporting = nextReporting[reporting]) {
            for (int i = trie.firstPayload(reporting), end = trie.payloadEnd(reporting); i < end; i++) {
                out.accept(trie.payload(i));
            }
        }
    }

    /**
     * Reports every occurrence of every needle in {@code text} with the position where it ends: a
     * payload is reported once for each occurrence of each of its needles.
     */
    // Repeats the loop of matchNeedles rather than sharing it: adapting one callback type to the
    // other would allocate an adapter on every call.
    public void scan(CharSequence text, HitSink sink) {
        for (int i = trie.firstPayload(DenseTrie.ROOT), end = trie.payloadEnd(DenseTrie.ROOT); i < end; i++) {
            sink.hit(trie.payload(i), 0);
        }
        int at = 0;
        for (int position = 0, length = text.length(); position < length; position++) {
            int step = step(at, text.charAt(position));
            at = step & ~REPORTS;
            if (step >= 0) {
                continue;
            }
            for (int reporting = firstReporting[decode(step)]; reporting != DenseTrie.ROOT;
                    reporting = nextReporting[reporting]) {
                for (int i = trie.firstPayload(reporting), end = trie.payloadEnd(reporting); i < end; i++) {
                    sink.hit(trie.payload(i), position + 1);
                }
            }
        }
    }

    /** Whether scans skip ahead with a block-shift table: all needles are long enough for it. */
    public boolean skipsAhead() {
        return skips != null;
    }

    /**
     * False when no needle can occur in the case-folded form of {@code text}, decided without
     * folding it: needles must have been added folded, and the automaton must {@link #skipsAhead
     * skip ahead}. True means only "maybe": fold the text and scan it. O(n), usually far fewer
     * char reads (see {@link BlockShiftTable#mayStartIn}).
     */
    public boolean mayOccurInUnfolded(CharSequence text) {
        if (skips == null) {
            throw new IllegalStateException("needles too short to skip ahead");
        }
        return skips.mayStartIn(text);
    }

    /** The number of states, the root included: one more than the number of distinct needle prefixes. */
    public int stateCount() {
        return trie.nodeCount();
    }

    /** Estimated heap taken by this automaton, in bytes. */
    public long approximateBytes() {
        return HeapSize.OBJECT_HEADER + trie.approximateBytes() + classes.approximateBytes()
                + HeapSize.of(denseTransitions) + HeapSize.of(sparseFailure)
                + HeapSize.of(firstReporting) + HeapSize.of(nextReporting)
                + (skips == null ? 0 : skips.approximateBytes());
    }
}
