package io.sigmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The regex length bound never exceeds the length of a match. */
class RegexLengthTest {

  @Test
  void boundsCountedRepetitions() {
    assertEquals(1000, RegexLength.minimum(".{1000,}"));
    assertEquals(200, RegexLength.minimum("(.){200,}"));
    assertEquals(100, RegexLength.minimum("[^/]{100,}$"));
    assertEquals(1, RegexLength.minimum("a|bc"));
    assertEquals(3, RegexLength.minimum("(?:ab|abc)x"));
    assertEquals(0, RegexLength.minimum("a*"));
    assertEquals(0, RegexLength.minimum("\\x41"));
  }

  /** Over random expressions and texts: whenever RE2 finds a match, the text is at least the bound long. */
  @Test
  void boundIsNeverLongerThanAMatch() {
    List<String> atoms = List.of("a", "b", ".", "[ab]", "x{2,3}", "(?:a|bb)", "(a|)", "\\d", "c?", "b+", "(?i)",
        "^", "$", "\\s", "\\b", "{", "}", "(?:ab){2}", "a{0}", "*", "\\x41", "(?P<n>a)");
    for (int seed = 1; seed <= 3000; seed++) {
      Random r = new Random(seed);
      StringBuilder regex = new StringBuilder();
      for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
        regex.append(atoms.get(r.nextInt(atoms.size())));
      }
      Pattern p;
      try {
        p = Pattern.compile(regex.toString());
      } catch (RuntimeException e) {
        continue;
      }
      int bound = RegexLength.minimum(regex.toString());
      for (int t = 0; t < 50; t++) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = r.nextInt(10); i < n; i++) {
          text.append("abAB1 x{}".charAt(r.nextInt(9)));
        }
        if (p.matcher(text).find()) {
          assertTrue(text.length() >= bound, "seed " + seed + ": /" + regex + "/ matched '" + text + "' shorter than " + bound);
        }
      }
    }
  }

  @Test
  void boundsTheLongestMatchOfAWholeTextPattern() {
    assertEquals(6, RegexLength.maximum("^a{2,5}b$"));
    assertEquals(3, RegexLength.maximum("^(?:ab|c)[x]?$"));
    assertEquals(RegexLength.UNBOUNDED, RegexLength.maximum("^a+$"));
    assertEquals(RegexLength.UNBOUNDED, RegexLength.maximum("^a{2,}$"));
    assertEquals(RegexLength.UNBOUNDED, RegexLength.maximum("^\\x41$"));
    assertTrue(RegexLength.anchoredBothEnds("^C:\\Windows\\ntdll\\.dll\\+[a-z0-9]{4,6}$", 0));
    assertEquals(false, RegexLength.anchoredBothEnds("^a|b$", 0));
    assertEquals(false, RegexLength.anchoredBothEnds("^a\\$", 0));
    assertEquals(true, RegexLength.anchoredBothEnds("^a\\\\$", 0));
    assertEquals(false, RegexLength.anchoredBothEnds("^a$", com.google.re2j.Pattern.MULTILINE));
    assertEquals(true, RegexLength.anchoredBothEnds("^(a|b)[|]$", 0));
    // (?m) after the caret makes $ a line end: "^(?m)a$" matches "a\nbbbb", longer than 1.
    assertEquals(false, RegexLength.anchoredBothEnds("^(?m)a$", 0));
    assertEquals(true, Pattern.compile("^(?m)a$").matcher("a\nbbbb").find());
    assertEquals(true, RegexLength.anchoredBothEnds("^(?:a)$", 0));
  }

  /**
   * Over random whole-text expressions and texts: whenever RE2 finds a match, the text is at most
   * the greatest bound long (in code points), so skipping longer texts loses no match.
   */
  @Test
  void wholeTextBoundIsNeverShorterThanAMatch() {
    List<String> atoms = List.of("a", "b", ".", "[ab|]", "x{2,3}", "(?:a|bb)", "(a|)", "\\d", "c?", "b+", "(?i)",
        "\\s", "\\b", "(?:ab){2}", "a{0}", "a{1,2}?", "\\x41", "\\|", "\\$", "é?");
    int checked = 0;
    for (int seed = 1; seed <= 3000; seed++) {
      Random r = new Random(seed);
      StringBuilder regex = new StringBuilder("^");
      for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
        regex.append(atoms.get(r.nextInt(atoms.size())));
      }
      regex.append('$');
      Pattern p;
      try {
        p = Pattern.compile(regex.toString());
      } catch (RuntimeException e) {
        continue;
      }
      if (!RegexLength.anchoredBothEnds(regex.toString(), 0)) {
        continue;
      }
      int bound = RegexLength.maximum(regex.toString());
      for (int t = 0; t < 50; t++) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = r.nextInt(8); i < n; i++) {
          text.append("abAB1 x|$\u00e9".charAt(r.nextInt(10)));
        }
        if (p.matcher(text).find()) {
          checked++;
          int runes = text.codePointCount(0, text.length());
          assertTrue(runes <= bound, "seed " + seed + ": /" + regex + "/ matched '" + text + "' longer than " + bound);
        }
      }
    }
    assertTrue(checked > 1000, "too few matches to say anything: " + checked);
  }
}
