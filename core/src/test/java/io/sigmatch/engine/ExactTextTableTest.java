package io.sigmatch.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.value.CaseFold;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

class ExactTextTableTest {
  private static ExactTextTable table(List<String> keys) {
    Map<String, List<Integer>> entries = new LinkedHashMap<>();
    for (String k : keys) {
      entries.putIfAbsent(CaseFold.fold(k), List.of(entries.size()));
    }
    return new ExactTextTable(entries);
  }

  /**
   * Short texts over a few letters in both cases, chars the table's hash does not tell apart from
   * them ({@code |} from {@code \\}, {@code `} from {@code @}), and chars that fold to them from
   * outside ASCII.
   */
  @Provide
  Arbitrary<List<String>> texts() {
    Arbitrary<String> c = Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.of("a", "A", "k", "K", "i", "I", "\\", ".", "|", "@", "`")),
        Tuple.of(1, Arbitraries.of("\u212A", "\u0130", "é", "É", "\uD83D\uDE00")));
    return c.list().ofMaxSize(5).map(l -> String.join("", l)).list().ofMinSize(1).ofMaxSize(12);
  }

  @Property
  void lookingUpAsReadAnswersAsTheFoldedLookUpOrDeclinesANonAsciiValue(
      @ForAll("texts") List<String> keys, @ForAll("texts") List<String> values) {
    ExactTextTable table = table(keys);
    for (String v : values) {
      for (String text : List.of(v, v.toUpperCase(Locale.ROOT), v.toLowerCase(Locale.ROOT))) {
        int[] asRead = table.getFoldingAscii(text);
        Statistics.label("declined").collect(asRead == ExactTextTable.NOT_ASCII);
        if (asRead == ExactTextTable.NOT_ASCII) {
          assertTrue(text.chars().anyMatch(c -> c >= 0x80), "declined an ASCII value: " + text);
        } else {
          assertSame(table.get(CaseFold.fold(text)), asRead, text);
        }
      }
    }
  }

  @Property
  void lookingUpFindsTheKeyEqualToTheTextAndNoOther(
      @ForAll("texts") List<String> keys, @ForAll("texts") List<String> values) {
    Map<String, List<Integer>> entries = new LinkedHashMap<>();
    for (String k : keys) {
      entries.putIfAbsent(k, List.of(entries.size()));
    }
    ExactTextTable table = new ExactTextTable(entries);
    for (String text : values) {
      List<Integer> expected = entries.get(text);
      int[] found = table.get(text);
      if (expected == null) {
        assertNull(found, text);
      } else {
        assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), found, text);
      }
    }
  }

  @Test
  void keysTheHashCannotTellApartAreToldApartByTheComparison() {
    Map<String, List<Integer>> entries = new LinkedHashMap<>();
    entries.put("a\\b", List.of(1));
    entries.put("a|b", List.of(2));
    entries.put("@", List.of(3));
    ExactTextTable table = new ExactTextTable(entries);
    assertArrayEquals(new int[] {1}, table.getFoldingAscii("A\\B"));
    assertArrayEquals(new int[] {2}, table.getFoldingAscii("A|B"));
    assertArrayEquals(new int[] {2}, table.get("a|b"));
    assertArrayEquals(new int[] {3}, table.getFoldingAscii("@"));
    assertNull(table.getFoldingAscii("`"));
    assertNull(table.get("A|B"), "get compares as is");
  }

  @Test
  void aValueOfALengthNoKeyHasIsNoKeyUnlessItMustBeFoldedFirst() {
    ExactTextTable table = table(List.of("ab", "abcd"));
    assertNull(table.getFoldingAscii("ABC"));
    assertNull(table.get("abc"));
    assertSame(ExactTextTable.NOT_ASCII, table.getFoldingAscii("\u212Abc"));
    assertSame(table.get("abcd"), table.getFoldingAscii("aBcD"));
  }

  @Test
  void aTableOfOneOrTwoKeysComparesAndStillDeclinesNonAscii() {
    ExactTextTable one = table(List.of("Microsoft-Windows-Sysmon/Operational"));
    int[] sysmon = one.get("microsoft-windows-sysmon/operational");
    assertArrayEquals(new int[] {0}, sysmon);
    assertSame(sysmon, one.getFoldingAscii("MICROSOFT-Windows-Sysmon/Operational"));
    assertNull(one.getFoldingAscii("Microsoft-Windows-Sysmon/Operationax"));
    // Equal as compared, but only the fold may say so: a char above 0x7F sends it to be folded.
    assertSame(ExactTextTable.NOT_ASCII, one.getFoldingAscii("Microsoft-Windows-Sysmon/Operation\u212Al"));
    assertSame(ExactTextTable.NOT_ASCII, one.getFoldingAscii("\u00E9icrosoft-Windows-Sysmon/Operational"));
    ExactTextTable two = table(List.of("true", "TRUX"));
    assertArrayEquals(new int[] {1}, two.getFoldingAscii("trUx"));
    assertArrayEquals(new int[] {0}, two.getFoldingAscii("True"));
    assertNull(two.getFoldingAscii("truy"));
  }

  @Test
  void upperCaseValuesFindTheirKeysInASparseTable() {
    List<String> keys = java.util.stream.IntStream.range(0, 500).mapToObj(i -> "key" + i + ".exe").toList();
    ExactTextTable table = table(keys);
    for (String k : keys) {
      int[] expected = table.get(k);
      assertSame(expected, table.getFoldingAscii(k.toUpperCase(Locale.ROOT)), k);
      assertSame(expected, table.getFoldingAscii("K" + k.substring(1)), k);
    }
    assertNull(table.getFoldingAscii("KEY500.EXE"));
  }

  @Test
  void aValueLongerThanEveryKeyIsNoKeyWhateverItsChars() {
    ExactTextTable table = table(List.of("ab"));
    assertNull(table.getFoldingAscii("abc"));
    assertNull(table.getFoldingAscii("\u212Abc"));
    assertSame(table.get("ab"), table.getFoldingAscii("AB"));
  }
}
