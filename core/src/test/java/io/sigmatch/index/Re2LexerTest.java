package io.sigmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Re2LexerTest {
  /** The escape after the backslash at 0 of {@code regex}, as "codePoint@end". */
  private static String escape(String regex) {
    long e = Re2Lexer.escape(regex, 1);
    return Re2Lexer.codePoint(e) + "@" + Re2Lexer.end(e);
  }

  @Test
  void escapesThatStandForOneCharacterAreDecodedAsRe2DoesThem() {
    assertEquals("65@4", escape("\\101"));
    assertEquals("0@2", escape("\\0"));
    assertEquals("10@3", escape("\\12"));
    assertEquals("65@4", escape("\\x41"));
    assertEquals("128512@9", escape("\\x{1F600}"));
    assertEquals("10@2", escape("\\n"));
    assertEquals("11@2", escape("\\v"));
    assertEquals("7@2", escape("\\a"));
    assertEquals("46@2", escape("\\."));
    assertEquals("123@2", escape("\\{"));
    for (String regex : List.of("\\101", "\\0", "\\12", "\\x41", "\\x{1F600}", "\\n", "\\v", "\\a", "\\.", "\\{")) {
      int c = Re2Lexer.codePoint(Re2Lexer.escape(regex, 1));
      assertEquals(true, Pattern.compile(regex).matcher(new String(Character.toChars(c))).matches(), regex);
    }
  }

  @Test
  void classesAssertionsBackReferencesAndErrorsAreNoCharacter() {
    assertEquals("-1@2", escape("\\d"));
    assertEquals("-1@2", escape("\\b"));
    assertEquals("-1@2", escape("\\1"));
    assertEquals("-1@2", escape("\\8"));
    assertEquals("-1@2", escape("\\é"));
    assertEquals("-1@2", escape("\\xZ1"));
    assertEquals("-1@3", escape("\\x{zz}"));
    assertEquals("-1@10", escape("\\x{110000}"));
    assertEquals("-1@1", escape("\\"));
  }

  @Test
  void unicodeAndPosixClassNamesEndWhereRe2EndsThem() {
    assertEquals(9, Re2Lexer.unicodeClassEnd("\\p{Greek}x", 1));
    assertEquals(3, Re2Lexer.unicodeClassEnd("\\pLx", 1));
    assertEquals(4, Re2Lexer.unicodeClassEnd("\\p{L", 1));
    assertEquals(10, Re2Lexer.posixClassEnd("[[:alpha:]]", 1));
    assertEquals(12, Re2Lexer.posixClassEnd("[[:^xdigit:]]", 1));
    assertEquals(-1, Re2Lexer.posixClassEnd("[[:alphabetical:]]", 1));
    assertEquals(-1, Re2Lexer.posixClassEnd("[a:]", 1));
  }

  /** The ranges of the class opened at 0 of {@code regex}, then where it ends. */
  private static String ranges(String regex) {
    List<String> out = new ArrayList<>();
    int end = Re2Lexer.bracketClass(regex, 1, (low, high) -> out.add(low == high
        ? String.valueOf((char) low) : (char) low + "-" + (char) high));
    return out + "@" + end;
  }

  @Test
  void bracketClassesReportTheirCharactersAndRangesAndSkipNamedClasses() {
    assertEquals("[a, c-f]@6", ranges("[ac-f]x"));
    assertEquals("[], a]@4", ranges("[]a]"));
    assertEquals("[], a]@5", ranges("[^]a]"));
    assertEquals("[a, -]@4", ranges("[a-]"));
    assertEquals("[A-Z, x]@17", ranges("[\\x41-\\x5A\\d\\pLx]"));
    assertEquals("[z]@21", ranges("[[:alpha:]\\p{Greek}z]"));
    assertEquals("[a, b]@3", ranges("[ab"));
  }
}
