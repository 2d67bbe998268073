package io.sigmatch.index;

import io.sigmatch.index.RegexNode.Alternation;
import io.sigmatch.index.RegexNode.Assertion;
import io.sigmatch.index.RegexNode.Chars;
import io.sigmatch.index.RegexNode.Concat;
import io.sigmatch.index.RegexNode.Repeat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses RE2 syntax into a {@link RegexNode} tree over ASCII, following RE2/J's {@code Parser}
 * step by step where RE2 differs from other dialects: {@code {} is a literal unless it opens a
 * well-formed count, a flag group's flags last until the enclosing group closes (across
 * {@code |}), a class is case-folded before it is negated, and {@code $} without multi-line mode
 * matches only at the very end of the text.
 *
 * <p>Only regexes RE2/J accepts are meant to reach this parser ({@link RegexDfa#compile} checks
 * first), so it may read an invalid regex any way it likes; what it must get right is the meaning
 * of valid ones. It gives up (null) on what it does not model exactly: Unicode classes
 * {@code \p}, a quantifier right after a flag group or an empty {@code \Q\E} (RE2 then repeats
 * the item before them), and nesting deeper than {@value #MAX_DEPTH}, which keeps the recursive
 * descent here, and RE2/J's own recursion later, far from the stack's limit.
 *
 * <p>Time: O(length of the regex).
 */
final class RegexSyntax {
    private static final int MAX_DEPTH = 100;
    /** Outside ASCII, only these two fold to ASCII letters: KELVIN SIGN and LATIN SMALL LONG S. */
    private static final int KELVIN = 0x212A;
    private static final int LONG_S = 0x17F;

    private static final AsciiSet DIGIT = AsciiSet.range('0', '9');
    private static final AsciiSet SPACE = AsciiSet.chars("\t\n\f\r ");
    private static final Map<String, AsciiSet> POSIX = Map.ofEntries(
            Map.entry("alnum", DIGIT.union(AsciiSet.range('A', 'Z')).union(AsciiSet.range('a', 'z'))),
            Map.entry("alpha", AsciiSet.range('A', 'Z').union(AsciiSet.range('a', 'z'))),
            Map.entry("ascii", AsciiSet.ALL),
            Map.entry("blank", AsciiSet.chars("\t ")),
            Map.entry("cntrl", AsciiSet.range(0, 0x1F).union(AsciiSet.of(0x7F))),
            Map.entry("digit", DIGIT),
            Map.entry("graph", AsciiSet.range('!', '~')),
            Map.entry("lower", AsciiSet.range('a', 'z')),
            Map.entry("print", AsciiSet.range(' ', '~')),
            Map.entry("punct", AsciiSet.range('!', '/').union(AsciiSet.range(':', '@'))
                    .union(AsciiSet.range('[', '`')).union(AsciiSet.range('{', '~'))),
            Map.entry("space", AsciiSet.range('\t', '\r').union(AsciiSet.of(' '))),
            Map.entry("upper", AsciiSet.range('A', 'Z')),
            Map.entry("word", EmptyWidth.WORD),
            Map.entry("xdigit", DIGIT.union(AsciiSet.range('A', 'F')).union(AsciiSet.range('a', 'f'))));

    /** Thrown to abandon the parse; cheap, as it carries no stack trace. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

    private final String regex;
    private int pos;
    private int depth;
    private boolean foldCase;
    private boolean dotAll;
    private boolean multiLine;

    private RegexSyntax(String regex, boolean foldCase, boolean dotAll, boolean multiLine) {
        this.regex = regex;
        this.foldCase = foldCase;
        this.dotAll = dotAll;
        this.multiLine = multiLine;
    }

    /** The tree of {@code regex} under the given starting flags, or null if unsupported. */
    static RegexNode parse(String regex, boolean foldCase, boolean dotAll, boolean multiLine) {
        RegexSyntax parser = new RegexSyntax(regex, foldCase, dotAll, multiLine);
        try {
            RegexNode tree = parser.alternation();
            return parser.pos == regex.length() ? tree : null;
        } catch (Unsupported e) {
            return null;
        }
    }

    private boolean more() {
        return pos < regex.length();
    }

    private char peek() {
        return regex.charAt(pos);
    }

    private boolean lookingAt(String s) {
        return regex.startsWith(s, pos);
    }

    private int popCodePoint() {
        int c = regex.codePointAt(pos);
        pos += Character.charCount(c);
        return c;
    }

    private RegexNode alternation() {
        List<RegexNode> options = new ArrayList<>();
        options.add(concat());
        while (more() && peek() == '|') {
            pos++;
            options.add(concat());
        }
        return options.size() == 1 ? options.get(0) : new Alternation(List.copyOf(options));
    }

    private RegexNode concat() {
        List<RegexNode> items = new ArrayList<>();
        boolean repeatable = false;
        while (more() && peek() != '|' && peek() != ')') {
            char c = peek();
            if (c == '*' || c == '+' || c == '?' || (c == '{' && countAhead() != null)) {
                if (!repeatable) {
                    throw UNSUPPORTED;
                }
                items.set(items.size() - 1, quantified(items.get(items.size() - 1)));
                repeatable = false;
                continue;
            }
            int before = items.size();
            atom(items);
            repeatable = items.size() > before;
        }
        return items.size() == 1 ? items.get(0) : new Concat(List.copyOf(items));
    }

    /** Appends what the atom at {@code pos} stands for: nothing for a flag group or {@code \Q\E}. */
    private void atom(List<RegexNode> items) {
        char c = peek();
        switch (c) {
            case '(' -> {
                RegexNode group = group();
                if (group != null) {
                    items.add(group);
                }
            }
            case '[' -> items.add(new Chars(bracket()));
            case '.' -> {
                pos++;
                items.add(new Chars(dotAll ? AsciiSet.ALL : AsciiSet.of('\n').complement()));
            }
            case '^' -> {
                pos++;
                items.add(new Assertion(multiLine ? EmptyWidth.BEGIN_LINE : EmptyWidth.BEGIN_TEXT));
            }
            case '$' -> {
                pos++;
                items.add(new Assertion(multiLine ? EmptyWidth.END_LINE : EmptyWidth.END_TEXT));
            }
            case '\\' -> escape(items);
            default -> items.add(literal(popCodePoint()));
        }
    }

    /** Reads {@code *}, {@code +}, {@code ?} or a count, and an optional lazy {@code ?}. */
    private RegexNode quantified(RegexNode item) {
        char c = peek();
        RegexNode repeated;
        if (c == '{') {
            int[] count = countAhead();
            pos = count[2];
            repeated = new Repeat(item, count[0], count[1]);
        } else {
            pos++;
            repeated = new Repeat(item, c == '+' ? 1 : 0, c == '?' ? 1 : -1);
        }
        if (more() && peek() == '?') {
            pos++;
        }
        return repeated;
    }

    /**
     * The count {@code {min}}, {@code {min,}} or {@code {min,max}} at {@code pos} as {min, max or -1,
     * end}, without consuming it; null when the text there is not one (RE2 then reads a literal
     * {@code {}). Out-of-range counts are RE2/J's to reject.
     */
    private int[] countAhead() {
        int i = pos + 1;
        int minEnd = digitsEnd(i);
        if (minEnd < 0) {
            return null;
        }
        int min = Integer.parseInt(regex.substring(i, minEnd));
        i = minEnd;
        int max = min;
        if (i < regex.length() && regex.charAt(i) == ',') {
            i++;
            if (i < regex.length() && regex.charAt(i) == '}') {
                max = -1;
            } else {
                int maxEnd = digitsEnd(i);
                if (maxEnd < 0) {
                    return null;
                }
                max = Integer.parseInt(regex.substring(i, maxEnd));
                i = maxEnd;
            }
        }
        if (i >= regex.length() || regex.charAt(i) != '}') {
            return null;
        }
        return new int[] {min, max, i + 1};
    }

    /** The end of a run of decimal digits at {@code i} that RE2 takes as a number, else -1. */
    private int digitsEnd(int i) {
        int end = i;
        while (end < regex.length() && regex.charAt(end) >= '0' && regex.charAt(end) <= '9') {
            end++;
        }
        boolean leadingZero = end - i > 1 && regex.charAt(i) == '0';
        // Nine digits overflow RE2's count (an error there); stop before parseInt could overflow.
        if (end == i || leadingZero || end - i > 8) {
            return -1;
        }
        return end;
    }

    /** A group, or null for a flag group {@code (?i)}, whose flags then apply until its enclosing group closes. */
    private RegexNode group() {
        boolean first = pos == 0;
        pos++;
        boolean outerFoldCase = foldCase;
        boolean outerDotAll = dotAll;
        boolean outerMultiLine = multiLine;
        if (lookingAt("?P<") || lookingAt("?<")) {
            int end = regex.indexOf('>', pos);
            if (end < 0) {
                throw UNSUPPORTED;
            }
            pos = end + 1;
        } else if (lookingAt("?")) {
            pos++;
            boolean folded = foldCase;
            boolean flagGroup = flags();
            // RE2/J 1.8 merges alternatives that start with the same letter without comparing
            // their case folding (Ab?|(?i:a) never finds "a"), so a regex that folds some of its
            // letters and not others is left to RE2/J, which both evaluators then share. Only a
            // leading (?i) or (?-i), which applies to the whole regex, changes the folding here.
            if (folded != foldCase && !(first && flagGroup)) {
                throw UNSUPPORTED;
            }
            if (flagGroup) {
                return null;
            }
        }
        if (++depth > MAX_DEPTH) {
            throw UNSUPPORTED;
        }
        RegexNode body = alternation();
        if (!more() || peek() != ')') {
            throw UNSUPPORTED;
        }
        pos++;
        depth--;
        foldCase = outerFoldCase;
        dotAll = outerDotAll;
        multiLine = outerMultiLine;
        return body;
    }

    /** Reads flags up to {@code )} (true: a flag group) or {@code :} (false: a group follows). */
    private boolean flags() {
        boolean on = true;
        while (more()) {
            char c = regex.charAt(pos++);
            switch (c) {
                case 'i' -> foldCase = on;
                case 's' -> dotAll = on;
                case 'm' -> multiLine = on;
                case 'U' -> {
                    // Ungreedy mode changes which match is found, not whether there is one.
                }
                case '-' -> on = false;
                case ')' -> {
                    return true;
                }
                case ':' -> {
                    return false;
                }
                default -> throw UNSUPPORTED;
            }
        }
        throw UNSUPPORTED;
    }

    private void escape(List<RegexNode> items) {
        char e = pos + 1 < regex.length() ? regex.charAt(pos + 1) : 0;
        switch (e) {
            case 'A' -> items.add(new Assertion(EmptyWidth.BEGIN_TEXT));
            case 'z' -> items.add(new Assertion(EmptyWidth.END_TEXT));
            case 'b' -> items.add(new Assertion(EmptyWidth.WORD_BOUNDARY));
            case 'B' -> items.add(new Assertion(EmptyWidth.NO_WORD_BOUNDARY));
            case 'Q' -> {
                quoted(items);
                return;
            }
            case 'd', 'D', 's', 'S', 'w', 'W' -> items.add(new Chars(perlClass(e)));
            default -> {
                items.add(literal(escapedChar()));
                return;
            }
        }
        pos += 2;
    }

    /** {@code \Q...\E}: every char up to the first {@code \E}, or to the end, is a literal. */
    private void quoted(List<RegexNode> items) {
        pos = Re2Lexer.quoted(regex, pos + 1, c -> items.add(literal(c)));
    }

    /** The char an escape other than a class or an assertion stands for, {@code pos} on its backslash. */
    private int escapedChar() {
        long escape = Re2Lexer.escape(regex, pos + 1);
        int c = Re2Lexer.codePoint(escape);
        if (c == Re2Lexer.NOT_A_CHAR) {
            throw UNSUPPORTED;
        }
        pos = Re2Lexer.end(escape);
        return c;
    }

    private Chars literal(int c) {
        return new Chars(rangeSet(c, c));
    }

    /** The ASCII chars of {@code from..to}, with their other cases when folding. */
    private AsciiSet rangeSet(int from, int to) {
        AsciiSet set = AsciiSet.range(from, to);
        if (!foldCase) {
            return set;
        }
        set = set.caseFolded();
        if (from <= KELVIN && KELVIN <= to) {
            set = set.union(AsciiSet.chars("Kk"));
        }
        if (from <= LONG_S && LONG_S <= to) {
            set = set.union(AsciiSet.chars("Ss"));
        }
        return set;
    }

    /**
     * A class group such as {@code \W} or {@code [:^alpha:]}: RE2 folds the positive set, then
     * negates, so under {@code (?i)} {@code [[:^upper:]]} excludes the lower-case letters too.
     */
    private AsciiSet group(AsciiSet positive, boolean negated) {
        AsciiSet set = foldCase ? positive.caseFolded() : positive;
        return negated ? set.complement() : set;
    }

    private AsciiSet perlClass(char name) {
        AsciiSet positive = switch (Character.toLowerCase(name)) {
            case 'd' -> DIGIT;
            case 's' -> SPACE;
            default -> EmptyWidth.WORD;
        };
        return group(positive, Character.isUpperCase(name));
    }

    /** A bracket class, as RE2's {@code parseClass}. */
    private AsciiSet bracket() {
        pos++;
        boolean negated = more() && peek() == '^';
        if (negated) {
            pos++;
        }
        AsciiSet set = AsciiSet.EMPTY;
        boolean first = true;
        while (!more() || peek() != ']' || first) {
            if (!more()) {
                throw UNSUPPORTED;
            }
            first = false;
            int posixEnd = Re2Lexer.posixClassEnd(regex, pos);
            if (posixEnd >= 0) {
                set = set.union(posix(regex.substring(pos + 2, posixEnd - 2)));
                pos = posixEnd;
                continue;
            }
            if (lookingAt("\\") && pos + 1 < regex.length() && "dDsSwW".indexOf(regex.charAt(pos + 1)) >= 0) {
                set = set.union(perlClass(regex.charAt(pos + 1)));
                pos += 2;
                continue;
            }
            int low = classChar();
            int high = low;
            if (more() && peek() == '-' && pos + 1 < regex.length() && regex.charAt(pos + 1) != ']') {
                pos++;
                high = classChar();
                if (high < low) {
                    throw UNSUPPORTED;
                }
            }
            set = set.union(rangeSet(low, high));
        }
        pos++;
        return negated ? set.complement() : set;
    }

    private AsciiSet posix(String name) {
        boolean negated = name.startsWith("^");
        AsciiSet positive = POSIX.get(negated ? name.substring(1) : name);
        if (positive == null) {
            throw UNSUPPORTED;
        }
        return group(positive, negated);
    }

    private int classChar() {
        if (!more()) {
            throw UNSUPPORTED;
        }
        if (lookingAt("\\p") || lookingAt("\\P")) {
            throw UNSUPPORTED;
        }
        return peek() == '\\' ? escapedChar() : popCodePoint();
    }
}
