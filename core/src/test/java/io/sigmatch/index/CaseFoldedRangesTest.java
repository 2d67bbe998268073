package io.sigmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.re2j.Pattern;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CaseFoldedRanges}: finds the stranded code point RE2/J would fold, by flag scope and class
 * syntax, and passes every regex that RE2/J compiles at once (each accepted one is compiled here
 * under a time bound, so a wrongly accepted hang fails the test instead of stalling it).
 */
class CaseFoldedRangesTest {

  private static final Duration HANG = Duration.ofSeconds(10);

  @ParameterizedTest
  @ValueSource(strings = {
      "(?i)[a-z]",
      "(?i)(?-i)[A-\\x{3FFF}]",
      "(?i-s)(?m-i)\\x{1C80}",
      "(?i:x)[A-\\x{3FFF}]",
      "((?i)x)[A-\\x{3FFF}]",
      "(?i)\\[A-\\x{3FFF}\\]",
      "(?i)\\Q[A-\\x{3FFF}] \\x{1C80}\\E",
      "(?i)[A-\\x{10FFFF}]",
      "(?i)[\\x{0}-\\x{10FFFF}]",
      "(?i)[^A-\\x{1044F}]",
      "(?i)[A-\\x{1C7F}\\x{1C89}-\\x{1044F}]",
      "(?i)[\\x{10450}-\\x{10FFFF}]",
      "(?i)\\pL\\PL\\p{Ll}[\\p{Cyrillic}\\P{Lu}]",
      "(?i)\\w\\W\\s\\S\\d\\D[[:alpha:]][[:^upper:]\\w-]",
      "(?i)\\x{212A}\\x{17F}\\x{B5}\\x{3C2}\\x{1E9E}[\\x{2100}-\\x{21FF}]",
      "(?i)[𐐀-𐐏]Ω",
      "(?i)[\\x41-\\x5A\\101-\\132]",
  })
  void passesRegexesThatCompileAtOnce(String regex) {
    assertEquals(-1, CaseFoldedRanges.firstStranded(regex, false), regex);
    assertTimeoutPreemptively(HANG, () -> Pattern.compile(regex), regex);
  }

  @Test
  void passesAWideRangeWithoutTheIFlag() {
    assertEquals(-1, CaseFoldedRanges.firstStranded("[A-\\x{3FFF}]", false));
    assertTimeoutPreemptively(HANG, () -> Pattern.compile("[A-\\x{3FFF}]"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "(?i)[A-\\x{3FFF}]; 1C80",
      "(?i:[A-\\x{3FFF}]); 1C80",
      "x(?:(?i)y|[\\x{1C85}]); 1C85",
      "(?P<n>(?i)x)(?i)[\\x{1C86}]; 1C86",
      "(?i)ᲀ; 1C80",
      "(?i)\\x{1C88}; 1C88",
      "(?i)\\Qab\\E\\Qᲈ\\E; 1C88",
      "(?i)[^\\x{1C83}]; 1C83",
      "(?i)[\\x{1C88}-\\x{1C89}]; 1C88",
      "(?-s)(?i)[B-\\x{10FFFF}]; 1C80",
      "(?i)[\\x{0}-\\x{1044E}]; 1C80",
      "(?i)[Ѐ-ᳲ]; 1C80",
      "(?i)[\\x{1C84}-𐐀]; 1C84",
      "(?i)[\\101-\\x{1CFF}]; 1C80",
      "(?i)[\\x41-\\x{1CFF}]; 1C80",
      "(?i)[\\--\\x{1CFF}]; 1C80",
      "(?i)[\\d-\\x{1C87}]; 1C87",
      "(?i)[[:alpha:]-\\x{1C87}]; 1C87",
      "(?i)[]\\x{1C81}]; 1C81",
  })
  void findsTheStrandedCodePointRe2jWouldFold(String regex, String codePoint) {
    assertEquals(Integer.parseInt(codePoint, 16), CaseFoldedRanges.firstStranded(regex, false), regex);
  }

  @Test
  void theCaseInsensitiveFlagFoldsFromTheStart() {
    assertEquals(0x1C80, CaseFoldedRanges.firstStranded("[A-\\x{3FFF}]", true));
    assertEquals(-1, CaseFoldedRanges.firstStranded("(?-i)[A-\\x{3FFF}]", true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[[:", "[[:alpha", "(?imsU", "(?i:(", "\\p{", "\\Q\\E"})
  void staysLinearOnConstructsThatLookAhead(String piece) {
    String regex = piece.repeat(300_000) + "(?i)\\x{1C82}";
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CaseFoldedRanges.firstStranded(regex, false), piece);
  }
}
