package io.sigmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link RegexDfa} against RE2/J on random regexes of the supported grammar, over a small
 * alphabet so that matches are frequent, with random flags, on random ASCII texts and on texts
 * assembled from pieces of the regex itself, so that both answers occur often.
 */
class RegexDfaPropertiesTest {
    private static final int[] FLAGS = {0, 0, Pattern.CASE_INSENSITIVE, Pattern.DOTALL, Pattern.MULTILINE,
        Pattern.CASE_INSENSITIVE | Pattern.MULTILINE | Pattern.DOTALL};
    private static final String TEXT_CHARS = "aAbBkKsS_- .\n\t0\u000B\r\\";
    private static final int TEXTS_PER_REGEX = 40;

    /** A regex, the flags it is compiled with, and texts to find it in. */
    record Case(String regex, int flags, List<String> texts) {
        @Override
        public String toString() {
            return "/" + regex + "/ flags " + flags + " on " + texts.stream()
                    .map(t -> '"' + t.replace("\n", "\\n") + '"').toList();
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.randomValue(random -> {
            String regex = new RandomRegex(random).alternation(3);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < TEXTS_PER_REGEX; i++) {
                texts.add(text(random, regex));
            }
            return new Case(regex, FLAGS[random.nextInt(FLAGS.length)], texts);
        });
    }

    @Property
    void findsWhatRe2Finds(@ForAll("cases") Case c) {
        RegexDfa dfa = RegexDfa.compile(c.regex(), c.flags());
        Pattern pattern = re2(c.regex(), c.flags());
        Statistics.label("accepted").collect(dfa != null);
        if (pattern == null) {
            assertNull(dfa, "RE2/J rejects it");
            return;
        }
        if (dfa == null) {
            return;
        }
        Statistics.label("read backward").collect(dfa.readsBackward());
        for (String text : c.texts()) {
            boolean expected = pattern.matcher(text).find();
            Statistics.label("found").collect(expected);
            assertEquals(expected ? 1 : 0, dfa.find(text), () -> "on \"" + text.replace("\n", "\\n") + '"');
        }
    }

    /**
     * The automaton of the reversed regex, run from the text's end, on every regex: {@link
     * RegexDfa#compile} reads backward only for regexes anchored at the end alone, but a reversal
     * that is wrong for any construct (an assertion not mirrored, a concatenation not reversed)
     * shows here.
     */
    @Property
    void findsWhatRe2FindsReadingBackward(@ForAll("cases") Case c) {
        RegexDfa dfa = RegexDfa.compileBackward(c.regex(), c.flags());
        if (dfa == null) {
            return;
        }
        Pattern pattern = re2(c.regex(), c.flags());
        for (String text : c.texts()) {
            boolean expected = pattern.matcher(text).find();
            Statistics.label("found").collect(expected);
            assertEquals(expected ? 1 : 0, dfa.find(text), () -> "backward on \"" + text.replace("\n", "\\n") + '"');
        }
    }

    @Property
    void leavesNonAsciiTextsToRe2UnlessTheAnswerCameFirst(@ForAll("cases") Case c, @ForAll boolean backward) {
        RegexDfa dfa = backward ? RegexDfa.compileBackward(c.regex(), c.flags()) : RegexDfa.compile(c.regex(), c.flags());
        if (dfa == null) {
            return;
        }
        Pattern pattern = re2(c.regex(), c.flags());
        Random random = new Random(c.texts().hashCode());
        for (String ascii : c.texts()) {
            int at = random.nextInt(ascii.length() + 1);
            String text = ascii.substring(0, at) + "é\u0080\uD83D\uDE00".charAt(random.nextInt(4)) + ascii.substring(at);
            int found = dfa.find(text);
            Statistics.label("left to RE2/J").collect(found == -1);
            if (found != -1) {
                assertEquals(pattern.matcher(text).find() ? 1 : 0, found, () -> "on \"" + text + '"');
                String read = dfa.readsBackward() ? ascii.substring(at) : ascii.substring(0, at);
                assertEquals(found, dfa.find(read), "the answer came before the non-ASCII char was read");
            }
        }
    }

    @Provide
    Arbitrary<String> anyStrings() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                // No x, no U+212A, and not all of UTF-16: RE2/J folds a case-insensitive class range char
                // by char, which takes minutes for a range such as (?i)[A-\x{212A}].
                Tuple.of(10, Arbitraries.of("()[]{}|*+?^$\\.-:,<>=!PpQEAzbBdDsSwWi0123mU-a".toCharArray())),
                Tuple.of(1, Arbitraries.chars().range('\0', '\u024F')),
                Tuple.of(1, Arbitraries.of('\u017F', '\uD83D', '\uDE00')));
        return chars.list().ofMaxSize(16).map(list -> {
            StringBuilder b = new StringBuilder();
            list.forEach(b::append);
            return b.toString();
        });
    }

    @Property
    void compileNeverThrowsAndAgreesWhenItAccepts(@ForAll("anyStrings") String regex, @ForAll("flags") int flags) {
        RegexDfa dfa = RegexDfa.compile(regex, flags);
        Pattern pattern = re2(regex, flags);
        Statistics.label("accepted").collect(dfa != null);
        if (pattern == null) {
            assertNull(dfa);
            return;
        }
        if (dfa != null) {
            Random random = new Random(regex.hashCode());
            for (int i = 0; i < 10; i++) {
                String text = text(random, regex);
                assertEquals(pattern.matcher(text).find() ? 1 : 0, dfa.find(text), () -> "on \"" + text + '"');
            }
        }
    }

    @Provide
    Arbitrary<Integer> flags() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.of(0, Pattern.CASE_INSENSITIVE, Pattern.DOTALL, Pattern.MULTILINE)),
                Tuple.of(1, Arbitraries.integers().between(0, 31)));
    }

    @Property(tries = 50)
    void acceptsMostRegexesOfTheSupportedGrammar(@ForAll long seed) {
        Random random = new Random(seed);
        int accepted = 0;
        int valid = 0;
        for (int i = 0; i < 100; i++) {
            String regex = new RandomRegex(random).alternation(3);
            if (re2(regex, 0) != null) {
                valid++;
                accepted += RegexDfa.compile(regex, 0) != null ? 1 : 0;
            }
        }
        assertTrue(accepted * 10 >= valid * 9, accepted + " of " + valid + " valid regexes accepted");
    }

    /** RE2/J's pattern, or null when it rejects the regex or would never finish compiling it. */
    private static Pattern re2(String regex, int flags) {
        if (CaseFoldedRanges.firstStranded(regex, (flags & Pattern.CASE_INSENSITIVE) != 0) >= 0
                || RepetitionSize.estimate(regex) > RepetitionSize.LIMIT) {
            return null;
        }
        try {
            return Pattern.compile(regex, flags);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Random ASCII text, often made of pieces of the regex itself. */
    private static String text(Random random, String regex) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(5);
        for (int p = 0; p < pieces; p++) {
            if (random.nextBoolean() && !regex.isEmpty()) {
                int from = random.nextInt(regex.length());
                int to = Math.min(regex.length(), from + 1 + random.nextInt(4));
                for (char ch : regex.substring(from, to).toCharArray()) {
                    if (ch < 128 && "\\()[]{}|*+?^$".indexOf(ch) < 0) {
                        text.append(random.nextInt(4) == 0 ? flipCase(ch) : ch);
                    }
                }
            } else {
                for (int n = random.nextInt(4); n > 0; n--) {
                    text.append(random.nextInt(20) == 0 ? (char) random.nextInt(128)
                            : TEXT_CHARS.charAt(random.nextInt(TEXT_CHARS.length())));
                }
            }
        }
        return text.toString();
    }

    private static char flipCase(char c) {
        return Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
    }

    /** Writes random regexes of the grammar {@link RegexDfa} supports, over a small alphabet. */
    private static final class RandomRegex {
        private static final String[] LITERALS = {"a", "b", "A", "k", "s", "_", "-", " ", ".", "\\.", "\\n", "\n",
            "\\t", "\\x61", "\\x{42}", "\\141", "\\x{212A}", "\\x{17F}", "\\Qa.\\E", "\\-", "\\\\", "{", "}", "]"};
        private static final String[] CLASS_ITEMS = {"a", "b", "B", "a-c", "A-Z", "K", "\\d", "\\w", "\\s", "\\W",
            "\\S", "[:alpha:]", "[:^lower:]", "[:upper:]", "[:space:]", "\\n", ".", "\\x{212A}", "\\x00-\\x{10FFFF}",
            "_", " ", "\\-", "\\]"};
        private static final String[] SINGLES = {".", "\\d", "\\D", "\\s", "\\S", "\\w", "\\W"};
        private static final String[] ASSERTIONS = {"^", "$", "\\A", "\\z", "\\b", "\\B"};
        // No i inside: RegexDfa leaves regexes that fold some letters and not others to RE2/J,
        // whose alternation merging gets them wrong (RegexDfaTest.mixedCaseFoldingIsLeftToRe2j);
        // case folding comes in through the CASE_INSENSITIVE flag.
        private static final String[] GROUP_OPENERS = {"(", "(?:", "(?-s:", "(?s:", "(?m:", "(?P<g>",
            "(?<h>", "(?s-m:", "(?U:"};
        private static final String[] FLAG_GROUPS = {"(?-s)", "(?s)", "(?m)", "(?-m)", "(?sm)"};
        private static final String[] QUANTIFIERS = {"*", "+", "?", "{2}", "{0,1}", "{1,}", "{1,3}", "{0}", "{3,}"};

        private final Random random;
        private int groups;

        RandomRegex(Random random) {
            this.random = random;
        }

        private String pick(String[] options) {
            return options[random.nextInt(options.length)];
        }

        String alternation(int depth) {
            StringBuilder b = new StringBuilder(concat(depth));
            while (random.nextInt(4) == 0) {
                b.append('|').append(concat(depth));
            }
            return b.toString();
        }

        private String concat(int depth) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(5); n > 0; n--) {
                int roll = random.nextInt(20);
                if (roll == 0) {
                    b.append(pick(FLAG_GROUPS));
                    continue;
                }
                b.append(atom(depth, roll));
                if (random.nextInt(3) == 0) {
                    b.append(pick(QUANTIFIERS));
                    if (random.nextInt(4) == 0) {
                        b.append('?');
                    }
                }
            }
            return b.toString();
        }

        private String atom(int depth, int roll) {
            if (roll < 8) {
                return pick(LITERALS);
            }
            if (roll < 11) {
                return pick(SINGLES);
            }
            if (roll < 14) {
                StringBuilder b = new StringBuilder("[");
                if (random.nextBoolean()) {
                    b.append('^');
                }
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    b.append(pick(CLASS_ITEMS));
                }
                // A literal '-' goes last only: elsewhere it could make a range such as [a-\x{212A}],
                // which RE2/J takes minutes to fold.
                if (random.nextInt(4) == 0) {
                    b.append('-');
                }
                return b.append(']').toString();
            }
            if (roll < 16 || depth == 0) {
                return pick(ASSERTIONS);
            }
            String opener = pick(GROUP_OPENERS);
            if (opener.contains("<")) {
                // Group names must be unique.
                opener = opener.replace(">", ++groups + ">");
            }
            return opener + alternation(depth - 1) + ")";
        }
    }
}
