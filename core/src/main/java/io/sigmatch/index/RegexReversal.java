package io.sigmatch.index;

import io.sigmatch.index.RegexNode.Alternation;
import io.sigmatch.index.RegexNode.Assertion;
import io.sigmatch.index.RegexNode.Chars;
import io.sigmatch.index.RegexNode.Concat;
import io.sigmatch.index.RegexNode.Repeat;
import java.util.ArrayList;
import java.util.List;

/**
 * The mirror image of a regex tree, for searching a text from its end: a regex matches somewhere
 * in a text exactly when its reversal matches somewhere in the reversed text.
 *
 * <p>Why: a regex anchored at the end only ({@code \\[^\\]{1,256}$}, common in rules about file
 * names) is an unanchored search forward, whose automaton tracks every place a match may have
 * started (thousands of states for that count) and must read the whole text; reversed, it is
 * anchored at the start, its automaton needs about one state per position in the regex, and the
 * search stops as soon as no match can end at the text's end: after the last few hundred chars of
 * a long value at most.
 *
 * <p>Concatenations are read right to left, and each assertion about the char before a position
 * trades places with its counterpart about the char after ({@code ^} and {@code $}, {@code \A}
 * and {@code \z}); word boundaries look both ways, so they stay. O(size of the tree).
 */
final class RegexReversal {
    private RegexReversal() {
    }

    /** The tree that matches the reversal of each string {@code node} matches. */
    static RegexNode of(RegexNode node) {
        if (node instanceof Concat c) {
            List<RegexNode> items = new ArrayList<>(c.items().size());
            for (int i = c.items().size() - 1; i >= 0; i--) {
                items.add(of(c.items().get(i)));
            }
            return new Concat(items);
        }
        if (node instanceof Alternation a) {
            return new Alternation(a.options().stream().map(RegexReversal::of).toList());
        }
        if (node instanceof Repeat r) {
            return new Repeat(of(r.item()), r.min(), r.max());
        }
        if (node instanceof Assertion a) {
            return new Assertion(mirrored(a.condition()));
        }
        return (Chars) node;
    }

    private static int mirrored(int condition) {
        return switch (condition) {
            case EmptyWidth.BEGIN_LINE -> EmptyWidth.END_LINE;
            case EmptyWidth.END_LINE -> EmptyWidth.BEGIN_LINE;
            case EmptyWidth.BEGIN_TEXT -> EmptyWidth.END_TEXT;
            case EmptyWidth.END_TEXT -> EmptyWidth.BEGIN_TEXT;
            default -> condition;
        };
    }

    /**
     * Whether every match of {@code node} must start at the start of the text ({@code \A}, or
     * {@code ^} outside multi-line mode, before anything else on every path). Conservative: false
     * may also mean "not seen", never a wrong true.
     */
    static boolean anchoredAtStart(RegexNode node) {
        if (node instanceof Assertion a) {
            return a.condition() == EmptyWidth.BEGIN_TEXT;
        }
        if (node instanceof Concat c) {
            return !c.items().isEmpty() && anchoredAtStart(c.items().get(0));
        }
        if (node instanceof Alternation a) {
            return !a.options().isEmpty()
                    && a.options().stream().allMatch(RegexReversal::anchoredAtStart);
        }
        return node instanceof Repeat r && r.min() > 0 && anchoredAtStart(r.item());
    }
}
