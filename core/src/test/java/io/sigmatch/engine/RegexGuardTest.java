package io.sigmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import io.sigmatch.value.CaseFold;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The regex prefilter literal is always inside a match, and skips what a quantifier may remove. */
class RegexGuardTest {

  @Test
  void takesTheLongestCertainLiteral() {
    assertEquals("invoke-expression", RegexGuard.requiredLiteral("Invoke-Expression\\s+"));
    assertEquals("-k", RegexGuard.requiredLiteral("-k\\s\\w{1,64}(?:\\s?(?:-p|-s))?"));
    assertEquals("\\\\.exe", RegexGuard.requiredLiteral("\\\\\\\\\\.exe"));
    assertEquals("abc", RegexGuard.requiredLiteral("x?abc+d*"));
  }

  @Test
  void findsNoneWhereNoLiteralIsCertain() {
    assertNull(RegexGuard.requiredLiteral(".{1000,}"));
    assertNull(RegexGuard.requiredLiteral("abc|def"));
    assertEquals("$", RegexGuard.requiredLiteral("\\$[a-z]{3}\\("));
    assertNull(RegexGuard.requiredLiteral("a{2}"));
    assertEquals("ba", RegexGuard.requiredLiteral("(foo)bar?"));
  }

  /** Over random expressions and texts: whenever RE2 finds a match, the folded text holds the guard. */
  @Test
  void guardIsInEveryMatchingText() {
    List<String> atoms = List.of("a", "b", "ab", "\\.", "-", "[ab]", ".", "x{1,3}", "(?:a|b)", "\\d", "c?", "b+",
        "(?i)", "^", "$", "\\s", "A", "{", "}", "\\x41", "\\101", "\\pL", "\\x{61}");
    for (int seed = 1; seed <= 3000; seed++) {
      Random r = new Random(seed);
      StringBuilder regex = new StringBuilder();
      for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
        regex.append(atoms.get(r.nextInt(atoms.size())));
      }
      Pattern p;
      try {
        p = Pattern.compile(regex.toString(), r.nextBoolean() ? Pattern.CASE_INSENSITIVE : 0);
      } catch (RuntimeException e) {
        continue;
      }
      String guard = RegexGuard.requiredLiteral(regex.toString());
      if (guard == null) {
        continue;
      }
      for (int t = 0; t < 50; t++) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = r.nextInt(12); i < n; i++) {
          text.append("abAB.-1 x{}\n".charAt(r.nextInt(12)));
        }
        if (p.matcher(text).find()) {
          assertTrue(CaseFold.fold(text.toString()).contains(guard),
              "seed " + seed + ": /" + regex + "/ matched '" + text + "' without guard '" + guard + "'");
        }
      }
    }
  }
}
