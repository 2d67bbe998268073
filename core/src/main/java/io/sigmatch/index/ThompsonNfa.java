package io.sigmatch.index;

import io.sigmatch.index.RegexNode.Alternation;
import io.sigmatch.index.RegexNode.Assertion;
import io.sigmatch.index.RegexNode.Chars;
import io.sigmatch.index.RegexNode.Concat;
import io.sigmatch.index.RegexNode.Repeat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Thompson's NFA of a {@link RegexNode} tree: nodes that read one char out of a set, split into
 * two epsilon moves, assert a zero-width condition, or accept. Counted repeats are unrolled, so
 * the node count is bounded ({@link #of}) to keep {@code x{1000}} of a large {@code x} from
 * costing more to build than RE2/J's simulation would ever cost to run.
 *
 * <p>Time: O(nodes) to build, the tree being walked once per unrolled copy.
 */
final class ThompsonNfa {
    static final int CHARS = 0;
    static final int SPLIT = 1;
    static final int EMPTY = 2;
    static final int MATCH = 3;

    private final int[] kinds;
    /** For {@link #CHARS}: the set read; else null. */
    private final AsciiSet[] sets;
    /** For {@link #EMPTY}: the {@link EmptyWidth} condition; else 0. */
    private final int[] conditions;
    /** The next node for {@link #CHARS} and {@link #EMPTY}, the first branch of {@link #SPLIT}. */
    private final int[] next;
    /** The second branch of {@link #SPLIT}. */
    private final int[] alternative;
    private final int start;

    private ThompsonNfa(Builder b, int start) {
        int n = b.kinds.size();
        this.kinds = new int[n];
        this.sets = b.sets.toArray(new AsciiSet[0]);
        this.conditions = new int[n];
        this.next = new int[n];
        this.alternative = new int[n];
        for (int i = 0; i < n; i++) {
            kinds[i] = b.kinds.get(i);
            conditions[i] = b.conditions.get(i);
            next[i] = b.next.get(i);
            alternative[i] = b.alternative.get(i);
        }
        this.start = start;
    }

    /** The NFA of {@code tree}, or null when it would have more than {@code maxNodes} nodes. */
    static ThompsonNfa of(RegexNode tree, int maxNodes) {
        Builder b = new Builder(maxNodes);
        int match = b.add(MATCH, null, 0, -1, -1);
        int start = b.compile(tree, match);
        return start < 0 ? null : new ThompsonNfa(b, start);
    }

    int size() {
        return kinds.length;
    }

    int start() {
        return start;
    }

    int kind(int node) {
        return kinds[node];
    }

    AsciiSet set(int node) {
        return sets[node];
    }

    int condition(int node) {
        return conditions[node];
    }

    int next(int node) {
        return next[node];
    }

    int alternative(int node) {
        return alternative[node];
    }

    /** The union of the conditions asserted anywhere. */
    int allConditions() {
        int all = 0;
        for (int c : conditions) {
            all |= c;
        }
        return all;
    }

    /** The distinct sets read anywhere. */
    List<AsciiSet> distinctSets() {
        return Arrays.stream(sets).filter(s -> s != null).distinct().toList();
    }

    /** Grows the node lists; compiles right to left, each piece given the node it continues to. */
    private static final class Builder {
        private final int maxNodes;
        private final List<Integer> kinds = new ArrayList<>();
        private final List<AsciiSet> sets = new ArrayList<>();
        private final List<Integer> conditions = new ArrayList<>();
        private final List<Integer> next = new ArrayList<>();
        private final List<Integer> alternative = new ArrayList<>();

        Builder(int maxNodes) {
            this.maxNodes = maxNodes;
        }

        /** The new node's number, or -1 once the limit is reached. */
        int add(int kind, AsciiSet set, int condition, int nextNode, int alternativeNode) {
            if (kinds.size() >= maxNodes) {
                return -1;
            }
            kinds.add(kind);
            sets.add(set);
            conditions.add(condition);
            next.add(nextNode);
            alternative.add(alternativeNode);
            return kinds.size() - 1;
        }

        /** The entry node of {@code node} followed by {@code then}, or -1 over the limit. */
        int compile(RegexNode node, int then) {
            if (then < 0) {
                return -1;
            }
            if (node instanceof Chars c) {
                return add(CHARS, c.set(), 0, then, -1);
            }
            if (node instanceof Assertion a) {
                return add(EMPTY, null, a.condition(), then, -1);
            }
            if (node instanceof Concat c) {
                int entry = then;
                for (int i = c.items().size() - 1; i >= 0; i--) {
                    entry = compile(c.items().get(i), entry);
                }
                return entry;
            }
            if (node instanceof Alternation a) {
                List<RegexNode> options = a.options();
                int entry = compile(options.get(options.size() - 1), then);
                for (int i = options.size() - 2; i >= 0 && entry >= 0; i--) {
                    int option = compile(options.get(i), then);
                    entry = option < 0 ? -1 : add(SPLIT, null, 0, option, entry);
                }
                return entry;
            }
            return repeat((Repeat) node, then);
        }

        private int repeat(Repeat r, int then) {
            int entry = then;
            int copies = r.min();
            if (r.max() < 0) {
                // item+ as item then a loop back to it: the item is compiled once, not twice.
                int loop = add(SPLIT, null, 0, -1, then);
                if (loop < 0) {
                    return -1;
                }
                int body = compile(r.item(), loop);
                if (body < 0) {
                    return -1;
                }
                next.set(loop, body);
                entry = copies == 0 ? loop : body;
                copies = Math.max(copies - 1, 0);
            } else {
                for (int i = r.min(); i < r.max() && entry >= 0; i++) {
                    int item = compile(r.item(), entry);
                    entry = item < 0 ? -1 : add(SPLIT, null, 0, item, then);
                }
            }
            for (int i = 0; i < copies && entry >= 0; i++) {
                entry = compile(r.item(), entry);
            }
            return entry;
        }
    }
}
