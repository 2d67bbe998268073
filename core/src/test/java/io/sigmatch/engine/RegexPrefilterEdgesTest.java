package io.sigmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Edges of the regex prefilters: unclosed constructs, trailing escapes, flag groups, run ends. */
class RegexPrefilterEdgesTest {

  @Test
  void guardGivesUpOnUnclosedConstructsAndTrailingEscapes() {
    assertNull(RegexGuard.requiredLiteral("abc("));
    assertNull(RegexGuard.requiredLiteral("abc(de"));
    assertNull(RegexGuard.requiredLiteral("abc[de"));
    assertNull(RegexGuard.requiredLiteral("abc(d[e)"));
    assertNull(RegexGuard.requiredLiteral("abc{2"));
    assertNull(RegexGuard.requiredLiteral("abc\\"));
    assertNull(RegexGuard.requiredLiteral("abc\\Qx\\E"));
    assertNull(RegexGuard.requiredLiteral("abc\\x41"));
    assertNull(RegexGuard.requiredLiteral("abc\\1"));
  }

  @Test
  void guardSkipsGroupsWithClassesAndEndsRunsAtWildcards() {
    assertEquals("xyz", RegexGuard.requiredLiteral("(a[)b]c)xyz"));
    assertEquals("xyz", RegexGuard.requiredLiteral("(a\\)b)xyz"));
    assertEquals("xyz", RegexGuard.requiredLiteral("((a)b)xyz"));
    assertEquals("a", RegexGuard.requiredLiteral("a.b"));
    assertEquals("a", RegexGuard.requiredLiteral("ab*c"));
    assertEquals("a", RegexGuard.requiredLiteral("ab?c"));
    assertEquals("ab", RegexGuard.requiredLiteral("ab+c"));
    assertEquals("xy", RegexGuard.requiredLiteral("\u0080\u0080xy"));
    assertEquals("a/b-c d\"e'f", RegexGuard.requiredLiteral("a\\/b\\-c\\ d\\\"e\\'f"));
    assertEquals("abc", RegexGuard.requiredLiteral("ABC"));
    assertEquals("b", RegexGuard.requiredLiteral("a*b"));
  }

  @Test
  void lengthOfFlagGroupsAndNonCapturingGroups() {
    assertEquals(3, RegexLength.minimum("(?i)abc"));
    assertEquals(3, RegexLength.minimum("(?i)a:b"));
    assertEquals(3, RegexLength.minimum("(?i:ab)c"));
    assertEquals(2, RegexLength.minimum("(?:ab|c)d"));
    assertEquals(0, RegexLength.minimum("(?i"));
    assertEquals(0, RegexLength.minimum("(abc"));
    assertEquals(0, RegexLength.minimum("ab)"));
  }

  @Test
  void lengthOfEscapes() {
    assertEquals(0, RegexLength.minimum("ab\\"));
    assertEquals(2, RegexLength.minimum("\\bab\\b"));
    assertEquals(2, RegexLength.minimum("\\Aab\\z"));
    assertEquals(3, RegexLength.minimum("a\\.b"));
    assertEquals(2, RegexLength.minimum("\\d\\d"));
    assertEquals(0, RegexLength.minimum("ab\\x41"));
    assertEquals(0, RegexLength.minimum("ab\\pL"));
    assertEquals(0, RegexLength.minimum("ab\\1"));
    assertEquals(0, RegexLength.minimum("ab[c"));
  }

  @Test
  void lengthOfQuantifiers() {
    assertEquals(1, RegexLength.minimum("ab*"));
    assertEquals(1, RegexLength.minimum("ab?"));
    assertEquals(2, RegexLength.minimum("ab+"));
    assertEquals(4, RegexLength.minimum("ab{3}"));
    assertEquals(4, RegexLength.minimum("ab{3,}?"));
    assertEquals(5, RegexLength.minimum("ab{3,5}+c"));
    assertEquals(1, RegexLength.minimum("ab{x}"));
    assertEquals(1, RegexLength.minimum("ab{3"));
    assertEquals(0, RegexLength.minimum("*a"));
    assertEquals(2, RegexLength.minimum("a{2}"));
    assertEquals(1 << 20, RegexLength.minimum(".{9999999}a{9999999}"));
  }

  @Test
  void runsStopAtExcludedCharacters() {
    RunLength dot = RunLength.of(".{3,}", 0);
    assertTrue(dot.matches("abc"));
    assertFalse(dot.matches("ab\ncd"));
    assertTrue(dot.matches("ab\ncde"));
    RunLength seg = RunLength.of("[^/]{3,}$", 0);
    assertTrue(seg.matches("a/bcd"));
    assertFalse(seg.matches("abcd/ef"));
    RunLength whole = RunLength.of("^[^/]{3,}$", 0);
    assertTrue(whole.matches("abcd"));
    assertFalse(whole.matches("abc/"));
    assertFalse(whole.matches("ab/cdef"));
  }
}
