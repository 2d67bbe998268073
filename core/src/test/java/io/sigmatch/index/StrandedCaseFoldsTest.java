package io.sigmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.re2j.Pattern;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link StrandedCaseFolds}: complete (every other code point RE2/J folds compiles, so a JDK or
 * RE2/J upgrade that strands another fails here) and exact on JDK 17.
 */
class StrandedCaseFoldsTest {

  @Test
  void holdsTheCyrillicVariantsOnJdk17() {
    for (int c = 0x1C80; c <= 0x1C88; c++) {
      assertEquals(c, StrandedCaseFolds.firstIn(c, c), Integer.toHexString(c));
    }
    assertEquals(0x1C80, StrandedCaseFolds.firstIn(StrandedCaseFolds.MIN_FOLD, StrandedCaseFolds.MAX_FOLD));
    assertEquals(-1, StrandedCaseFolds.firstIn(0x1C89, StrandedCaseFolds.MAX_FOLD));
  }

  @Test
  void eachIsAOneWayPairInTheJdk() {
    for (int c = 0x1C80; c <= 0x1C88; c++) {
      int partner = StrandedCaseFolds.partner(c);
      assertNotEquals(c, partner, Integer.toHexString(c));
      assertNotEquals(c, StrandedCaseFolds.partner(partner), Integer.toHexString(c));
    }
  }

  @Test
  void leavesOutOneWayPairsInRe2jsFoldTable() {
    // Kelvin sign, long s, micro sign, final sigma, capital sharp s, dotted and dotless i: the JDK
    // pairs each one way only, but RE2/J's own table folds them (or pins them), so they compile.
    for (int c : new int[] {0x212A, 0x17F, 0xB5, 0x3C2, 0x1E9E, 0x130, 0x131}) {
      assertNotEquals(c, StrandedCaseFolds.partner(StrandedCaseFolds.partner(c)), Integer.toHexString(c));
      assertEquals(-1, StrandedCaseFolds.firstIn(c, c), Integer.toHexString(c));
      String regex = "(?i)\\x{" + Integer.toHexString(c) + "}";
      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Pattern.compile(regex), regex);
    }
  }

  @Test
  void everyOtherFoldableCodePointCompiles() {
    StringBuilder ranges = new StringBuilder("(?i)[");
    int from = StrandedCaseFolds.MIN_FOLD;
    for (int c = StrandedCaseFolds.firstIn(from, StrandedCaseFolds.MAX_FOLD); c >= 0;
        c = StrandedCaseFolds.firstIn(from, StrandedCaseFolds.MAX_FOLD)) {
      if (c > from) {
        ranges.append(String.format("\\x{%x}-\\x{%x}", from, c - 1));
      }
      from = c + 1;
    }
    ranges.append(String.format("\\x{%x}-\\x{%x}]", from, StrandedCaseFolds.MAX_FOLD));
    String regex = ranges.toString();
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Pattern.compile(regex), regex);
  }
}
