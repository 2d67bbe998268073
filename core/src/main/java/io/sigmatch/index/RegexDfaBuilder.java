package io.sigmatch.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Subset construction of a {@link RegexDfa} from a {@link ThompsonNfa}, over the ASCII classes
 * of an {@link AsciiPartition}, for an unanchored search.
 *
 * <p>Zero-width assertions are resolved as in RE2's own DFA: a DFA state is a set of NFA nodes
 * plus what the previous char was (text edge, {@code \n}, word char, other). Assertions about
 * the previous char ({@code ^}, {@code \A}) are resolved as soon as the state is made; those that
 * also need the next char ({@code $}, {@code \z}, {@code \b}, {@code \B}) stay in the state as
 * nodes and are resolved on the transition that reads that char, or at the end of the text. A
 * match found on a transition goes to an absorbing match state, so a search can stop there.
 *
 * <p>The search is unanchored: the NFA's start is added to every state. When the start can do
 * nothing after the first char (a regex anchored with {@code ^} or {@code \A}), states whose node
 * set is empty are dead, and a search can stop there too.
 *
 * <p>Time: O(states · classes · NFA nodes) at worst, bounded by {@link #MAX_WORK} node visits.
 */
final class RegexDfaBuilder {
    /**
     * The most DFA states. The table costs states × classes × 4 bytes: at most 1 MiB here (128
     * classes), and a few KiB for typical rule regexes, which need tens of states. A regex that
     * needs more (typically a long count such as {@code \w{200}} or {@code (a|b)*a.{12}}) gains
     * little: its table would miss the cache on most chars, and RE2/J serves it in linear time.
     */
    static final int MAX_STATES = 2_000;
    /** The most NFA nodes after unrolling counts; beyond, determinization would cost too much. */
    static final int MAX_NFA_NODES = 10_000;
    /** The most NFA node visits while building, which bounds build time to tens of milliseconds. */
    static final long MAX_WORK = 20_000_000;

    /** A DFA state before numbering: NFA leaf nodes, sorted, and the previous char's context. */
    private record StateKey(int[] leaves, int context) {
        @Override
        public boolean equals(Object o) {
            return o instanceof StateKey k && k.context == context && Arrays.equals(k.leaves, leaves);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(leaves) * 31 + context;
        }

        @Override
        public String toString() {
            return Arrays.toString(leaves) + "/" + context;
        }
    }

    /** Thrown when a limit is reached; carries no stack trace. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    private static final int MATCH = 0;
    private static final int DEAD = 1;
    /** The context of states without pending assertions, where the previous char does not matter. */
    private static final int ANY_CONTEXT = ' ';

    private final ThompsonNfa nfa;
    private final AsciiPartition classes;
    private final int conditionsUsed;
    private final boolean startRecurs;
    private final Map<StateKey, Integer> ids = new HashMap<>();
    private final List<StateKey> states = new ArrayList<>();
    /** Closure scratch: nodes visited in the current walk carry the current epoch. */
    private final int[] visited;
    private int epoch;
    private final int[] stack;
    private final int[] leafNodes;
    private final int[] charNodes;
    private long work;

    private RegexDfaBuilder(ThompsonNfa nfa) {
        this.nfa = nfa;
        this.conditionsUsed = nfa.allConditions();
        List<AsciiSet> sets = new ArrayList<>(nfa.distinctSets());
        if ((conditionsUsed & (EmptyWidth.BEGIN_LINE | EmptyWidth.END_LINE)) != 0) {
            sets.add(AsciiSet.of('\n'));
        }
        if ((conditionsUsed & (EmptyWidth.WORD_BOUNDARY | EmptyWidth.NO_WORD_BOUNDARY)) != 0) {
            sets.add(EmptyWidth.WORD);
        }
        this.classes = AsciiPartition.of(sets);
        this.visited = new int[nfa.size()];
        this.stack = new int[nfa.size()];
        this.leafNodes = new int[nfa.size()];
        this.charNodes = new int[nfa.size()];
        this.startRecurs = leaves(new int[] {nfa.start()}, 1, '\n').length > 0
                || leaves(new int[] {nfa.start()}, 1, ANY_CONTEXT).length > 0;
    }

    /**
     * The DFA of {@code tree}, or null when it would exceed a limit; {@code backward} when the
     * tree is a {@link RegexReversal reversal}, so that the DFA reads texts from their end.
     */
    static RegexDfa build(RegexNode tree, boolean backward) {
        ThompsonNfa nfa = ThompsonNfa.of(tree, MAX_NFA_NODES);
        if (nfa == null) {
            return null;
        }
        try {
            return new RegexDfaBuilder(nfa).determinize(backward);
        } catch (TooLarge e) {
            return null;
        }
    }

    private RegexDfa determinize(boolean backward) {
        states.add(null);
        states.add(null);
        int start = stateAfter(new int[] {nfa.start()}, 1, EmptyWidth.EDGE);
        int classCount = classes.count();
        List<int[]> rows = new ArrayList<>();
        rows.add(filled(classCount, MATCH));
        rows.add(filled(classCount, DEAD));
        for (int s = 2; s < states.size(); s++) {
            rows.add(row(states.get(s)));
        }
        boolean[] acceptsAtEnd = new boolean[states.size()];
        for (int s = 2; s < states.size(); s++) {
            StateKey key = states.get(s);
            acceptsAtEnd[s] = resolve(key.leaves(), EmptyWidth.between(key.context(), EmptyWidth.EDGE)) < 0;
        }
        return layout(rows, acceptsAtEnd, start, backward);
    }

    private static int[] filled(int length, int value) {
        int[] row = new int[length];
        Arrays.fill(row, value);
        return row;
    }

    /** The transitions of {@code key}, one per class. */
    private int[] row(StateKey key) {
        int[] row = new int[classes.count()];
        int[] targets = new int[nfa.size() + 1];
        for (int k = 0; k < row.length; k++) {
            int c = classes.representative(k);
            int reached = resolve(key.leaves(), EmptyWidth.between(key.context(), c));
            if (reached < 0) {
                row[k] = MATCH;
                continue;
            }
            int count = 0;
            for (int i = 0; i < reached; i++) {
                if (nfa.set(charNodes[i]).contains(c)) {
                    targets[count++] = nfa.next(charNodes[i]);
                }
            }
            targets[count++] = nfa.start();
            row[k] = stateAfter(targets, count, c);
        }
        return row;
    }

    /** The state reached with the NFA at {@code seeds[0..count)} right after {@code previous}. */
    private int stateAfter(int[] seeds, int count, int previous) {
        int[] leaves = leaves(seeds, count, previous);
        if (leaves.length == 0 && !startRecurs) {
            return DEAD;
        }
        boolean pending = false;
        for (int node : leaves) {
            if (nfa.kind(node) == ThompsonNfa.MATCH) {
                return MATCH;
            }
            pending |= nfa.kind(node) == ThompsonNfa.EMPTY;
        }
        StateKey key = new StateKey(leaves, pending ? context(previous) : ANY_CONTEXT);
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        if (states.size() >= MAX_STATES) {
            throw new TooLarge();
        }
        ids.put(key, states.size());
        states.add(key);
        return states.size() - 1;
    }

    /** {@code previous} reduced to what the regex's assertions can tell apart. */
    private int context(int previous) {
        if (previous == EmptyWidth.EDGE) {
            return (conditionsUsed & EmptyWidth.LOOKBEHIND) != 0 ? EmptyWidth.EDGE : ANY_CONTEXT;
        }
        if (previous == '\n') {
            return (conditionsUsed & EmptyWidth.BEGIN_LINE) != 0 ? '\n' : ANY_CONTEXT;
        }
        boolean wordBoundaries =
                (conditionsUsed & (EmptyWidth.WORD_BOUNDARY | EmptyWidth.NO_WORD_BOUNDARY)) != 0;
        return wordBoundaries && EmptyWidth.WORD.contains(previous) ? 'a' : ANY_CONTEXT;
    }

    /**
     * The nodes reachable from the seeds by epsilon moves, through assertions about the previous
     * char (resolved now), stopping at nodes that read a char, accept, or assert about the next
     * char. Sorted, so equal sets make equal states.
     */
    private int[] leaves(int[] seeds, int count, int previous) {
        int holds = EmptyWidth.lookbehind(previous);
        int size = 0;
        int top = push(seeds, count);
        while (top > 0) {
            int node = stack[--top];
            switch (nfa.kind(node)) {
                case ThompsonNfa.SPLIT -> top = pushOne(top, nfa.next(node), nfa.alternative(node));
                case ThompsonNfa.EMPTY -> {
                    int condition = nfa.condition(node);
                    if ((condition & EmptyWidth.LOOKBEHIND) == 0) {
                        leafNodes[size++] = node;
                    } else if ((condition & holds) != 0) {
                        top = pushOne(top, nfa.next(node), -1);
                    }
                }
                default -> leafNodes[size++] = node;
            }
        }
        int[] leaves = Arrays.copyOf(leafNodes, size);
        Arrays.sort(leaves);
        return leaves;
    }

    /**
     * Walks from {@code leaves} through the assertions in {@code holds}: -1 if it reaches the match
     * node, else the number of char-reading nodes reached, which are left in {@link #charNodes}.
     */
    private int resolve(int[] leaves, int holds) {
        int size = 0;
        boolean matched = false;
        int top = push(leaves, leaves.length);
        while (top > 0) {
            int node = stack[--top];
            switch (nfa.kind(node)) {
                case ThompsonNfa.SPLIT -> top = pushOne(top, nfa.next(node), nfa.alternative(node));
                case ThompsonNfa.EMPTY -> {
                    if ((nfa.condition(node) & holds) != 0) {
                        top = pushOne(top, nfa.next(node), -1);
                    }
                }
                case ThompsonNfa.MATCH -> matched = true;
                default -> charNodes[size++] = node;
            }
        }
        return matched ? -1 : size;
    }

    /** Starts a walk from the seeds; returns the stack height. */
    private int push(int[] seeds, int count) {
        epoch++;
        int top = 0;
        for (int i = 0; i < count; i++) {
            top = pushOne(top, seeds[i], -1);
        }
        return top;
    }

    /** Pushes the not yet visited of {@code a} and {@code b} (-1: none); returns the stack height. */
    private int pushOne(int top, int a, int b) {
        if (++work > MAX_WORK) {
            throw new TooLarge();
        }
        if (a >= 0 && visited[a] != epoch) {
            visited[a] = epoch;
            stack[top++] = a;
        }
        if (b >= 0 && visited[b] != epoch) {
            visited[b] = epoch;
            stack[top++] = b;
        }
        return top;
    }

    /**
     * Numbers the states for {@link RegexDfa}: match, dead, then the states that do not accept at
     * the end of the text, then those that do, so that the run-time class needs one comparison,
     * no lookup, to answer at the end; and turns state numbers into row offsets.
     */
    private RegexDfa layout(List<int[]> rows, boolean[] acceptsAtEnd, int start, boolean backward) {
        int n = rows.size();
        int[] order = new int[n];
        int next = 2;
        order[MATCH] = MATCH;
        order[DEAD] = DEAD;
        for (int pass = 0; pass < 2; pass++) {
            for (int s = 2; s < n; s++) {
                if (acceptsAtEnd[s] == (pass == 1)) {
                    order[s] = next++;
                }
            }
        }
        int acceptingFrom = 2;
        for (int s = 2; s < n; s++) {
            if (!acceptsAtEnd[s]) {
                acceptingFrom++;
            }
        }
        int width = classes.count();
        int[] table = new int[n * width];
        for (int s = 0; s < n; s++) {
            int[] row = rows.get(s);
            for (int k = 0; k < width; k++) {
                table[order[s] * width + k] = order[row[k]] * width;
            }
        }
        return new RegexDfa(classes.table(), width, table, order[start] * width, acceptingFrom * width, backward);
    }
}
