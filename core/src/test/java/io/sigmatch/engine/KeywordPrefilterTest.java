package io.sigmatch.engine;

import static io.sigmatch.engine.EngineFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmatch.event.MapEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keyword lists of long needles are ruled out on the unfolded value before any folding; values
 * whose case differs from the needle's, or whose non-ASCII chars fold to ASCII letters, must
 * still match, as in the reference.
 */
class KeywordPrefilterTest {
  private final EngineFixture f = EngineFixture.of(rule("mimikatz", """
        keywords:
          - 'sekurlsa::'
          - 'kerberos::golden'
          - '\\\\mimilib.dll'
        condition: keywords
      """));

  @Test
  void matchesWhateverTheCase() {
    assertEquals(List.of("mimikatz"), f.titles(new MapEvent(Map.of("CommandLine", "mimikatz SEKURLSA::logonpasswords"))));
    assertEquals(List.of("mimikatz"), f.titles(new MapEvent(Map.of("x", "C:\\Temp\\MimiLib.DLL"))));
  }

  @Test
  void matchesWhereANonAsciiCharFoldsToTheNeedlesLetter() {
    // U+212A KELVIN SIGN folds to 'k', U+0130 to 'i': the probe cannot rule such values out.
    assertEquals(List.of("mimikatz"), f.titles(new MapEvent(Map.of("x", "\u212Aerberos::golden /user"))));
    assertEquals(List.of("mimikatz"), f.titles(new MapEvent(Map.of("x", "\\m\u0130milib.dll"))));
  }

  @Test
  void staysSilentOnValuesWithoutTheNeedles() {
    assertEquals(List.of(), f.titles(new MapEvent(Map.of("x", "kerberos::silver", "y", "sekurlsa:", "z", 4688))));
  }

  /** Integers too short for the shortest keyword are not rendered; those just long enough are. */
  @Test
  void readsIntegersAsLongAsTheShortestKeyword() {
    EngineFixture digits = EngineFixture.of(rule("digits", """
          keywords:
            - '-1234567'
            - '12345678'
            - '98765432109'
          condition: keywords
        """));
    assertEquals(List.of("digits"), digits.titles(new MapEvent(Map.of("x", 12345678))));
    assertEquals(List.of("digits"), digits.titles(new MapEvent(Map.of("x", -1234567))));
    assertEquals(List.of("digits"), digits.titles(new MapEvent(Map.of("x", 98765432109L))));
    assertEquals(List.of("digits"), digits.titles(new MapEvent(Map.of("x", -912345678))));
    assertEquals(List.of(), digits.titles(new MapEvent(Map.of("x", 1234567, "y", -234567, "z", 9876543210L))));
  }
}
