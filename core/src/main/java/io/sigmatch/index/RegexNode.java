package io.sigmatch.index;

import java.util.List;

/**
 * The parse tree of a regex as {@link RegexDfa} understands it: what is left of RE2's syntax once
 * flags, escapes and classes are resolved to sets of ASCII chars. Capture groups, laziness and
 * ungreedy mode are gone, since they change which match is reported, never whether one exists.
 */
sealed interface RegexNode {
    /** One char out of {@code set}; an empty set never matches. */
    record Chars(AsciiSet set) implements RegexNode {
    }

    /** A zero-width assertion, one of {@link EmptyWidth}'s bits. */
    record Assertion(int condition) implements RegexNode {
    }

    /** The items one after the other; no items matches the empty string. */
    record Concat(List<RegexNode> items) implements RegexNode {
    }

    /** Any one of the options. */
    record Alternation(List<RegexNode> options) implements RegexNode {
    }

    /** {@code item} at least {@code min} and at most {@code max} times; max {@code -1}: no limit. */
    record Repeat(RegexNode item, int min, int max) implements RegexNode {
    }
}
