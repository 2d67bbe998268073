package io.sigmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassSequenceTest {
  private static final List<String> SEQUENCES = List.of(
      "[a-zA-Z]:\\\\", "\\s-[FTd]\\s", ":[^\\\\]", "\\s-sT\\s", "a.b", "[^a-c]\\d\\W", "[]a]\\S", "[\\w.-]x",
      "\\.\\+\\|", "[^\\s]", "[a-]", "\\D\\w");

  /** Over random texts, the sequence finds exactly what RE2 finds, or leaves the text to RE2. */
  @Test
  void agreesWithRe2OnRandomTexts() {
    Random random = new Random(11);
    String alphabet = "aAbc:\\ -FTdsx1_.+|\n\t]\u00e9\ud83d\ude00";
    int decided = 0;
    for (String regex : SEQUENCES) {
      ClassSequence sequence = ClassSequence.of(regex, 0);
      assertNotNull(sequence, regex);
      com.google.re2j.Pattern re2 = com.google.re2j.Pattern.compile(regex);
      for (int i = 0; i < 20_000; i++) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(9); k > 0; k--) {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        Boolean found = sequence.find(text);
        if (found != null) {
          decided++;
          assertEquals(re2.matcher(text).find(), found, () -> regex + " on " + text);
        }
      }
    }
    assertEquals(true, decided > 150_000, "most texts have no surrogate: " + decided);
  }

  @Test
  void leavesTextsWithSurrogatesToRe2() {
    assertNull(ClassSequence.of("a.b", 0).find("a\ud83d\ude00b"));
  }

  @Test
  void declinesEverythingButAFixedSequence() {
    for (String regex : List.of("a+", "a*b", "(ab)", "a|b", "^ab", "ab$", "a{2}", "[[:alpha:]]", "\\pL", "\\n",
        "[\u00e9]", "é", "\\x41", "[a-\\d]")) {
      assertNull(ClassSequence.of(regex, 0), regex);
    }
    assertNull(ClassSequence.of("ab", com.google.re2j.Pattern.CASE_INSENSITIVE));
  }
}
