package io.sigmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One example per construct and per RE2 subtlety. Each expectation is written out, and checked
 * against RE2/J as well, so that an example cannot silently assert a wrong belief about RE2.
 */
class RegexDfaTest {
    private static final int I = Pattern.CASE_INSENSITIVE;
    private static final int S = Pattern.DOTALL;
    private static final int M = Pattern.MULTILINE;

    private static void finds(String regex, int flags, String text, boolean expected) {
        RegexDfa dfa = RegexDfa.compile(regex, flags);
        assertNotNull(dfa, () -> "not accepted: " + regex);
        String where = "/" + regex + "/" + flags + " on \"" + text.replace("\n", "\\n") + "\"";
        assertEquals(expected, Pattern.compile(regex, flags).matcher(text).find(), "RE2/J, " + where);
        assertEquals(expected ? 1 : 0, dfa.find(text), "DFA, " + where);
    }

    private static void finds(String regex, String text, boolean expected) {
        finds(regex, 0, text, expected);
    }

    @Test
    void literalsMatchAnywhere() {
        finds("abc", "xxabcx", true);
        finds("abc", "ab-c", false);
        finds("abc", "", false);
        finds("", "", true);
        finds("", "anything", true);
    }

    @Test
    void escapesStandForTheirChars() {
        finds("a\\.b", "a.b", true);
        finds("a\\.b", "axb", false);
        finds("\\\\\\-\\/\\_", "\\-/_", true);
        finds("\\t\\n\\r\\f\\v\\a", "\t\n\r\f\u000B\u0007", true);
        finds("\\x41\\x{42}\\103", "ABC", true);
        finds("\\x41", "a", false);
        finds("\\0", "\0", true);
        finds("\\08", "\u00008", true);
        finds("\\Qa.b*\\E+", "a.b**", true);
        finds("\\Qa.b*\\E", "axbb", false);
    }

    @Test
    void nonAsciiLiteralsNeverMatchAsciiTextsExceptTheTwoThatFoldToAscii() {
        finds("\\x{100}|\\x{3b1}", "abc\u0000", false);
        finds("\\x{212A}", "kK", false);
        finds("\\x{212A}", I, "k", true);
        finds("[\\x{17F}]", I, "S", true);
        finds("[^\\x{212A}]", I, "K", false);
        finds("[^\\x{212A}]", 0, "K", true);
    }

    @Test
    void dotSkipsNewlineUnlessDotAll() {
        finds("a.b", "a\nb", false);
        finds("a.b", S, "a\nb", true);
        finds("(?s)a.b", "a\nb", true);
        finds("(?s:a.)b", "a\nb", true);
        finds("a.b", "a\rb", true);
    }

    @Test
    void perlClassesHaveAsciiMeanings() {
        finds("\\d", "x7", true);
        finds("\\D", "123", false);
        finds("\\s", "\t", true);
        finds("\\s", "\u000B", false);
        finds("\\S", " \n\t\f\r", false);
        finds("\\w", "_", true);
        finds("\\W", "aZ_9", false);
        finds("[\\s\\d]", "\u000Bx", false);
    }

    @Test
    void bracketClasses() {
        finds("[a-c]", "xbz", true);
        finds("[^a-c]", "abc", false);
        finds("[^a-c]", "abc\n", true);
        finds("[]a]", "]", true);
        finds("[^]a]", "]a", false);
        finds("[a-]", "-", true);
        finds("[\\d-z]", "-", true);
        finds("[\\d-z]", "m", false);
        finds("[\\]\\\\]", "\\", true);
        finds("[[:alpha:]]", "1a", true);
        finds("[[:^alpha:]]", "aZ", false);
        finds("[[:space:]]", "\u000B", true);
        finds("[[:punct:][:digit:]]", "a~", true);
        finds("[x[:upper:]]", "abc", false);
    }

    @Test
    void caseInsensitiveFoldsLiteralsAndClassesBeforeNegating() {
        finds("abc", I, "xAbC", true);
        finds("[^k]", I, "K", false);
        finds("[^k]", I, "kKx", true);
        finds("[^a-z]", I, "QZ", false);
        finds("[[:upper:]]", I, "q", true);
        finds("[[:^upper:]]", I, "q", false);
        finds("\\W", I, "k", false);
        finds("(?i)[^s]", "S", false);
    }

    @Test
    void flagGroupsLastUntilTheirGroupCloses() {
        finds("a(?s)b.|c", "ab\n", true);
        finds("a(?s)b.|c", "a\nb", false);
        finds("(?s:a.)b.", "a\nbx", true);
        finds("(?s:a.)b.", "a\nb\n", false);
        finds("(?s)a.(?-s)b.", "a\nb\n", false);
        finds("(?s)a.(?-s)b.", "a\nbx", true);
        finds("(x(?s)a.)a.", "xa\na\n", false);
        finds("(?i)ab|C", "c", true);
        finds("(?-s:a.)", S, "a\n", false);
        finds("(?U)a+?b", "aab", true);
    }

    @Test
    void groupsAlternationAndQuantifiers() {
        finds("(ab|cd)+e", "abcdabe", true);
        finds("(?:ab|cd)+e", "abce", false);
        finds("(?P<x>ab)(?<y>c)", "abc", true);
        finds("x(ab)*?y", "xy", true);
        finds("xa+?y", "xy", false);
        finds("xa??y", "xy", true);
        finds("xa{2}y", "xaay", true);
        finds("xa{2}y", "xaaay", false);
        finds("xa{2,}y", "xaaaay", true);
        finds("xa{2,3}y", "xaaaay", false);
        finds("xa{0}y", "xy", true);
        finds("x(a|)+y", "xy", true);
        finds("x(a*)*y", "xaay", true);
    }

    @Test
    void braceIsALiteralUnlessItOpensACount() {
        finds("a{,2}", "a{,2}", true);
        finds("a{01}", "a{01}", true);
        finds("a{01}", "a", false);
        finds("a{2", "a{2", true);
        finds("{", "{", true);
        finds("a{1,2}}", "aa}", true);
    }

    @Test
    void anchorsAtTheEdgesOfTheText() {
        finds("^abc", "abcd", true);
        finds("^abc", "xabc", false);
        finds("\\Aabc", "x\nabc", false);
        finds("abc$", "xabc", true);
        finds("abc$", "abc\n", false);
        finds("abc\\z", "abc\n", false);
        finds("^$", "", true);
        finds("^$", "\n", false);
        finds("a^b", "ab", false);
        finds("a$|^b", "ba", true);
        finds("(^a)*b", "xb", true);
    }

    @Test
    void multiLineAnchorsAtLineBreaksToo() {
        finds("^abc", M, "x\nabc", true);
        finds("abc$", M, "abc\nx", true);
        finds("abc$", M, "abc\rx", false);
        finds("^$", M, "a\n", true);
        finds("^$", M, "a\nb", false);
        finds("(?m)^b$", "a\nb\nc", true);
        finds("\\Ab", M, "a\nb", false);
        finds("a\\z", M, "a\n", false);
        finds("(?m:^a)|^b", "x\nb", false);
    }

    @Test
    void wordBoundaries() {
        finds("\\bfoo\\b", "a foo-b", true);
        finds("\\bfoo\\b", "afoo", false);
        finds("\\bfoo\\b", "foo_", false);
        finds("\\bfoo\\b", "foo", true);
        finds("\\Bfoo", "afoo", true);
        finds("\\Bfoo", "-foo", false);
        finds("foo\\B", "foo", false);
        finds("\\b", "", false);
        finds("\\B", "", true);
        finds("a\\b\\nb", "a\nb", true);
        finds("\\b.\\b", "-x-", true);
    }

    @Test
    void controlCharsAreOrdinaryChars() {
        finds("a\\x00b", "a\0b", true);
        finds("[\\x00-\\x1f]", "abc\u007F", false);
        finds("[^\\x20-\\x7e]", "abc\u007F", true);
    }

    @Test
    void nonAsciiTextIsLeftToRe2UnlessTheAnswerCameFirst() {
        RegexDfa dfa = RegexDfa.compile("abc", 0);
        assertEquals(-1, dfa.find("é abc"));
        assertEquals(-1, dfa.find("ab\u0080c"));
        assertEquals(1, dfa.find("abc é"));
        RegexDfa anchored = RegexDfa.compile("^abc", 0);
        assertEquals(0, anchored.find("xé"));
        assertEquals(-1, anchored.find("aé"));
        assertEquals(1, RegexDfa.compile("x*", 0).find("é"));
    }

    /** A text that fails the test if read past {@code limit}. */
    private record Tripwire(String text, int limit) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            assertTrue(index < limit, () -> "read char " + index + " of " + text);
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void stopsAtTheFirstMatch() {
        assertEquals(1, RegexDfa.compile("ab", 0).find(new Tripwire("xab" + "y".repeat(50), 3)));
        assertEquals(1, RegexDfa.compile("ab$|b", 0).find(new Tripwire("xab" + "y".repeat(50), 3)));
    }

    @Test
    void stopsWhenAnAnchoredRegexCanNoLongerMatch() {
        assertEquals(0, RegexDfa.compile("^ab", 0).find(new Tripwire("ax" + "a".repeat(50), 2)));
        assertEquals(0, RegexDfa.compile("\\Aab|\\Ac", 0).find(new Tripwire("x" + "ab".repeat(50), 1)));
        assertEquals(0, RegexDfa.compile("^ab", M).find("ax\nb"));
        assertEquals(1, RegexDfa.compile("^ab", M).find("ax\nab"));
    }

    @Test
    void rejectsWhatItDoesNotModel() {
        assertNull(RegexDfa.compile("\\pL", 0));
        assertNull(RegexDfa.compile("[\\p{Greek}a]", 0));
        assertNull(RegexDfa.compile("a(?i)*", 0));
        assertNull(RegexDfa.compile("a\\Q\\E*", 0));
        assertNull(RegexDfa.compile("abc", Pattern.LONGEST_MATCH));
        assertNull(RegexDfa.compile("abc", Pattern.DISABLE_UNICODE_GROUPS));
        assertNull(RegexDfa.compile("(".repeat(101) + ")".repeat(101), 0));
        assertNotNull(RegexDfa.compile("(".repeat(100) + ")".repeat(100), 0));
    }

    @Test
    void rejectsWhatRe2Rejects() {
        for (String invalid : new String[] {"a**", "(", ")", "[a", "\\8", "\\1", "x{1001}", "x{2,1}",
                "(?P<a>x)(?P<a>y)", "(?<=a)b", "a++", "\\C", "\\Z", "[z-a]", "(?i-)x", "[[:foo:]]", "\\"}) {
            assertNull(RegexDfa.compile(invalid, 0), invalid);
        }
        assertNull(RegexDfa.compile(null, 0));
    }

    @Test
    void rejectsAutomataOverTheStateLimit() {
        // The search must remember which of the last n chars were an a: 2^n states.
        RegexDfa fits = RegexDfa.compile("a[ab]{10}", 0);
        assertNotNull(fits);
        assertTrue(fits.stateCount() > 1_000, "states: " + fits.stateCount());
        assertNull(RegexDfa.compile("a[ab]{11}", 0));
        assertNull(RegexDfa.compile("(abcdefghij){1000}", 0));
        assertNotNull(RegexDfa.compile("a{1000}", 0));
    }

    @Test
    void searchesARegexAnchoredAtTheEndOnlyBackwardFromTheTail() {
        // Forward, the search must track every place a match may have started: over the limit.
        String tail = "\\\\(?:[Pp]rogram[Dd]ata|[Aa]pp[Dd]ata)\\\\[^\\\\]{1,256}$";
        RegexDfa dfa = RegexDfa.compile(tail, 0);
        assertNotNull(dfa);
        assertTrue(dfa.readsBackward());
        assertTrue(dfa.stateCount() < 400, "states: " + dfa.stateCount());
        finds(tail, "C:\\ProgramData\\x.exe", true);
        finds(tail, "C:\\ProgramData\\sub\\x.exe", false);
        finds(tail, "C:\\ProgramData\\" + "x".repeat(257), false);
        // Only the tail is read: a non-ASCII char before it leaves nothing to RE2/J.
        assertEquals(1, dfa.find("\u00e9" + "y".repeat(5_000) + "\\AppData\\x.exe"));
        assertEquals(0, dfa.find("\u00e9" + "y".repeat(5_000) + "\\AppData\\x\\y.exe"));
        assertEquals(-1, dfa.find("C:\\AppData\\\u00e9.exe"));
        // Anchored at both ends, or at neither, the search goes forward.
        assertFalse(RegexDfa.compile("^a[^b]*$", 0).readsBackward());
        assertFalse(RegexDfa.compile("a$", M).readsBackward());
        assertFalse(RegexDfa.compile("a$|b", 0).readsBackward());
        assertTrue(RegexDfa.compile("a$|b\\z", 0).readsBackward());
    }

    @Test
    void sharesColumnsAmongCharsTheRegexCannotTellApart() {
        RegexDfa dfa = RegexDfa.compile("[a-z]+\\.exe", 0);
        assertEquals(5, dfa.classCount());
        assertTrue(dfa.approximateBytes() < 1_000, "bytes: " + dfa.approximateBytes());
    }

    /** Shrunk from a 20,000-try soak of {@code findsWhatRe2Finds}: RE2/J misses "a" here. */
    @Test
    void mixedCaseFoldingIsLeftToRe2j() {
        assertNull(RegexDfa.compile("Ab?|(?i:a)", 0));
        assertNull(RegexDfa.compile("a(?i)b", 0));
        assertNull(RegexDfa.compile("(?i:x)|Ab?|a", Pattern.DOTALL));
        assertNull(RegexDfa.compile("(?i)a(?-i)b", 0));
        assertEquals(1, RegexDfa.compile("(?i)Ab?|a", 0).find(":aX"));
        assertEquals(1, RegexDfa.compile("(?-i)Ab?|a", Pattern.CASE_INSENSITIVE).find(":aX"));
        assertEquals(1, RegexDfa.compile("(?i:Ab?)|(?i:a)", Pattern.CASE_INSENSITIVE).find(":aX"));
    }

    /** Shrunk from the same soak of {@code compileNeverThrowsAndAgreesWhenItAccepts}. */
    @Test
    void anUnclosedPosixClassIsDeclinedNotThrown() {
        assertNull(RegexDfa.compile("[[:]", 0));
        assertEquals(1, RegexDfa.compile("[[:alpha:]]", 0).find("x"));
    }

    @Test
    void declinesRegexesRe2WouldNeverFinishCompilingInsteadOfHanging() {
        // Found by compileNeverThrowsAndAgreesWhenItAccepts: a folded range over U+1C80 hung it.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertNull(RegexDfa.compile("(?i)[A-\uD83D]", 0));
            assertNull(RegexDfa.compile("[A-\\x{3FFF}]", Pattern.CASE_INSENSITIVE));
            assertNull(RegexDfa.compile("((a{1000}){1000}){1000}", 0));
        });
        assertNotNull(RegexDfa.compile("(?i)[A-\\x{1C7F}]", 0));
    }
}
