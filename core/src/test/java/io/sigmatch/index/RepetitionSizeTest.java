package io.sigmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RepetitionSize}: the estimate follows nesting, literals and classes the way RE2/J reads
 * them, every regex it accepts compiles at once (each is compiled here under a time bound, so a
 * wrongly accepted stall fails the test instead of hanging it), and the stalling forms are over
 * the limit.
 */
class RepetitionSizeTest {

  private static final Duration HANG = Duration.ofSeconds(10);

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "abc; 3",
      "a{1000}; 1000",
      "a{2,10}?b; 11",
      "a{5,}; 5",
      "(ab){3}; 6",
      "(?:ab|cd){3}; 12",
      "(?P<n>ab){3}; 6",
      "(?<n>ab){3}; 6",
      "(?i:ab){3}; 6",
      "(?i)a{3}; 3",
      "(a{10}){10}; 100",
      "((a{10}){10}){10}; 1000",
      "a{10}b{10}; 20",
      "[a-z]{10}; 10",
      "[{]{10}; 10",
      "[]{]{10}; 10",
      "[[:alpha:]{]{10}; 10",
      "\\{1000\\}; 6",
      "\\x{41}{10}; 10",
      "\\p{Greek}{10}; 10",
      "\\101{10}; 10",
      "\\Qa{1000}\\E; 7",
      "\\Qab\\E{10}; 11",
      "a{,5}; 5",
      "a{x}; 4",
      "a*{; 2",
      "(a+)*; 1",
  })
  void estimatesTheExpandedSize(String regex, long size) {
    assertEquals(size, RepetitionSize.estimate(regex), regex);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "(a{1000}){1000}",
      "(x{2,1000}){1000}",
      "(x{1000,}){1000}",
      "([a-z]{1000}){1000}",
      "((abcdefghij){1000}){100}",
      "((x{2,10}){100}){1000}",
      "\\{1000\\}\\{1000\\}",
      "[{]{1000}",
      "\\\\[^\\\\]{1,256}\\.(exe|dll).{2,128}[a-z]{2,10}",
      "(?i)(\\\\|/)Users(\\\\|/)[^\\\\/]{1,64}(\\\\|/)AppData(\\\\|/).{1,128}\\.exe$",
      "^(?:[A-Za-z0-9+/]{4}){20,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
  })
  void acceptsRegexesThatCompileAtOnce(String regex) {
    assertTrue(RepetitionSize.estimate(regex) <= RepetitionSize.LIMIT, regex);
    assertTimeoutPreemptively(HANG, () -> Pattern.compile(regex), regex);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "((a{1000}){1000}){1000}",
      "((a{100}){100}){1000}",
      "(((a{10}){10}){10}){10000}",
      "((?:a{1000}){1000}){2}",
      "(?P<n>(?i:abcdefghij{100}){1000}){10}",
      "((x{2,1000}){1000}){2}",
      "((x{1000,}){1000}){2}",
      "(([a-z]{1000}){1000}){1000}",
      "(a{1000}){1000}b",
  })
  void rejectsNestedCountsThatMultiplyPastTheLimit(String regex) {
    assertTrue(RepetitionSize.estimate(regex) > RepetitionSize.LIMIT, regex);
  }

  @Test
  void saturatesInsteadOfOverflowing() {
    String regex = "(".repeat(40) + "a" + "){1000}".repeat(40);
    assertTrue(RepetitionSize.estimate(regex) > RepetitionSize.LIMIT, regex);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[[:", "(?imsU", "(?P<ab", "\\p{ab", "\\x{41", "{12,34", "\\Q\\E", "[]"})
  void staysLinearOnConstructsThatLookAhead(String piece) {
    String regex = piece.repeat(300_000) + "(a{1000}){1001}";
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> RepetitionSize.estimate(regex), piece);
  }
}
