package io.sigmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunLengthTest {
  private static final List<String> SHAPES = List.of(
      ".{5,}", "(.){5,}", "^.{5,}", ".{5,}$", "^.{5,}$", "[^/]{4,}$", "^[^/ ]{3,}", "[^/]{4,}", "^[^:]{2,}$", ".{1,}");

  @Test
  void agreesWithRe2OnRandomTexts() {
    Random random = new Random(7);
    String alphabet = "ab/ :\n\u00e9\ud83d\ude00\ud800";
    for (String shape : SHAPES) {
      RunLength run = RunLength.of(shape, 0);
      assertNotNull(run, shape);
      com.google.re2j.Pattern re2 = com.google.re2j.Pattern.compile(shape);
      for (int i = 0; i < 20_000; i++) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(14); k > 0; k--) {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        assertEquals(re2.matcher(text).find(), run.matches(text), () -> shape + " on " + escape(text));
      }
    }
  }

  @Test
  void countsSurrogatePairsAsOneCharacter() {
    RunLength run = RunLength.of("^.{3,}$", 0);
    assertEquals(false, run.matches("\ud83d\ude00\ud83d\ude00"));
    assertEquals(true, run.matches("\ud83d\ude00\ud83d\ude00a"));
  }

  @Test
  void leavesOtherShapesAndFlaggedRegexesToRe2() {
    assertNull(RunLength.of(".{5,}", com.google.re2j.Pattern.DOTALL));
    assertNull(RunLength.of("a.{5,}", 0));
    assertNull(RunLength.of("[^a-z]{5,}", 0));
    assertNull(RunLength.of("[^\\\\]{5,}", 0));
    assertNull(RunLength.of(".{5,9}", 0));
    assertNull(RunLength.of("[a]{5,}", 0));
  }

  private static String escape(CharSequence s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append(c < 32 || c > 126 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return b.toString();
  }
}
