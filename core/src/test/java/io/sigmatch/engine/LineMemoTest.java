package io.sigmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.index.NeedleAutomaton;
import io.sigmatch.index.NeedleAutomatonBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Finding a text's needles line by line, replaying the long lines seen before, reports exactly
 * the needles one scan of the whole text reports, whatever the memo holds, evicts or refuses.
 */
class LineMemoTest {
  private static final String ALPHABET = "abcAB \r-";

  /** The payloads one scan of the whole folded text reports. */
  private static TreeSet<Integer> scanned(NeedleAutomaton needles, String text) {
    TreeSet<Integer> found = new TreeSet<>();
    char[] folded = fold(text);
    needles.matchNeedles(folded, folded.length, found::add);
    return found;
  }

  private static TreeSet<Integer> byLine(LineMemo memo, NeedleAutomaton needles, String text) {
    assertTrue(LineMemo.splits(text), "the test texts have a break and a long line");
    TreeSet<Integer> found = new TreeSet<>();
    memo.matchNeedles(needles, text, fold(text), found::add);
    return found;
  }

  private static char[] fold(String text) {
    return text.toLowerCase(Locale.ROOT).toCharArray();
  }

  private static NeedleAutomaton automaton(List<String> needles) {
    NeedleAutomatonBuilder b = new NeedleAutomatonBuilder();
    for (int i = 0; i < needles.size(); i++) {
      b.add(needles.get(i).toLowerCase(Locale.ROOT), i);
    }
    return b.build();
  }

  @Property
  void findsWhatOneScanFinds(@ForAll("needleSets") List<String> needles, @ForAll("needleSets") List<String> others,
      @ForAll("lineOrders") List<List<Integer>> texts, @ForAll("linePools") List<String> pool) {
    NeedleAutomaton first = automaton(needles);
    NeedleAutomaton second = automaton(others);
    LineMemo memo = new LineMemo();
    for (List<Integer> order : texts) {
      StringBuilder text = new StringBuilder();
      for (int i : order) {
        text.append(pool.get(i % pool.size())).append('\n');
      }
      text.append(pool.get(0));
      String value = text.toString();
      // Two automata read the same value one after the other, as a field's and a keyword group's.
      assertEquals(scanned(first, value), byLine(memo, first, value), value);
      assertEquals(scanned(second, value), byLine(memo, second, value), value);
    }
  }

  @Provide
  Arbitrary<List<String>> needleSets() {
    return Arbitraries.strings().withChars(ALPHABET).ofMinLength(1).ofMaxLength(5).list().ofMinSize(1).ofMaxSize(40);
  }

  /**
   * Short lines and lines around {@link LineMemo#MIN_LINE}, so that both kinds mix in a text; the
   * first is long, and ends every text, so that each splits.
   */
  @Provide
  Arbitrary<List<String>> linePools() {
    Arbitrary<String> shortLine = Arbitraries.strings().withChars(ALPHABET).ofMaxLength(30);
    Arbitrary<String> longLine = Arbitraries.strings().withChars(ALPHABET)
        .ofMinLength(LineMemo.MIN_LINE - 2).ofMaxLength(LineMemo.MIN_LINE + 40);
    Arbitrary<String> first = Arbitraries.strings().withChars(ALPHABET)
        .ofMinLength(LineMemo.MIN_LINE).ofMaxLength(LineMemo.MIN_LINE + 40);
    return net.jqwik.api.Combinators.combine(first, Arbitraries.oneOf(shortLine, longLine, longLine).list().ofMaxSize(5))
        .as((head, rest) -> {
          List<String> pool = new ArrayList<>(List.of(head));
          pool.addAll(rest);
          return pool;
        });
  }

  @Provide
  Arbitrary<List<List<Integer>>> lineOrders() {
    return Arbitraries.integers().between(0, 5).list().ofMinSize(1).ofMaxSize(8).list().ofMinSize(1).ofMaxSize(6);
  }

  private static String line(char fill, int length, String middle) {
    StringBuilder b = new StringBuilder();
    b.append(String.valueOf(fill).repeat((length - middle.length()) / 2)).append(middle);
    while (b.length() < length) {
      b.append(fill);
    }
    return b.toString();
  }

  @Example
  void needlesAtTheEdgesOfALongLineAndInTheShortOnesAroundItAreFound() {
    NeedleAutomaton needles = automaton(List.of("start", "end", "short", "\r"));
    String longLine = "start" + "x".repeat(LineMemo.MIN_LINE) + "end";
    String text = "short\n" + longLine + "\r\n" + "tail";
    LineMemo memo = new LineMemo();
    assertEquals(new TreeSet<>(List.of(0, 1, 2, 3)), byLine(memo, needles, text));
    // The long line now comes from the memo; the short ones are scanned again.
    assertEquals(new TreeSet<>(List.of(0, 1, 3)), byLine(memo, needles, "x\n" + longLine + "\r\nx"));
  }

  @Example
  void aLineWhoseFoldIsEqualReplaysWhatItsTwinFound() {
    NeedleAutomaton needles = automaton(List.of("mimikatz"));
    String lower = line('y', LineMemo.MIN_LINE, "mimikatz");
    LineMemo memo = new LineMemo();
    assertEquals(new TreeSet<>(List.of(0)), byLine(memo, needles, "a\n" + lower));
    assertEquals(new TreeSet<>(List.of(0)), byLine(memo, needles, "b\n" + lower.toUpperCase(Locale.ROOT)));
    assertEquals(new TreeSet<>(), byLine(memo, needles, "b\n" + lower.replace("mimikatz", "mimikatt")));
  }

  @Example
  void answersStayExactAfterTheRingWrapsOverARememberedLine() {
    NeedleAutomaton needles = automaton(List.of("needle"));
    LineMemo memo = new LineMemo();
    String first = "a\n" + line('z', LineMemo.MIN_LINE, "needle");
    assertEquals(new TreeSet<>(List.of(0)), byLine(memo, needles, first));
    // Enough distinct long lines to wrap the ring several times over the first one.
    int length = LineMemo.RING / 16;
    for (int i = 0; i < 64; i++) {
      String other = "b\n" + line((char) ('a' + i % 20), length, Integer.toString(i));
      assertEquals(new TreeSet<>(), byLine(memo, needles, other));
    }
    assertEquals(new TreeSet<>(List.of(0)), byLine(memo, needles, new String(first.toCharArray())));
  }

  @Example
  void linesWithMorePayloadsThanASlotHoldsAndValuesWithMoreLongLinesThanKeptAreScanned() {
    List<String> many = new ArrayList<>();
    StringBuilder crowded = new StringBuilder();
    for (int i = 0; i < LineMemo.WIDTH + 8; i++) {
      many.add("n" + i + "n");
      crowded.append("n").append(i).append("n ");
    }
    NeedleAutomaton needles = automaton(many);
    String crowdedLine = line(' ', LineMemo.MIN_LINE + crowded.length(), crowded.toString());
    LineMemo memo = new LineMemo();
    for (int round = 0; round < 2; round++) {
      assertEquals(LineMemo.WIDTH + 8, byLine(memo, needles, "x\n" + crowdedLine).size());
    }
    StringBuilder longValue = new StringBuilder();
    for (int i = 0; i < LineMemo.MAX_LINES + 3; i++) {
      longValue.append(line('q', LineMemo.MIN_LINE, i == LineMemo.MAX_LINES + 2 ? "n7n" : "")).append('\n');
    }
    for (int round = 0; round < 2; round++) {
      assertEquals(new TreeSet<>(List.of(7)), byLine(memo, needles, longValue.toString()));
    }
  }

  @Example
  void onlyTextsWithABreakAndMoreThanALongLineOfCharsSplit() {
    assertFalse(LineMemo.splits("x".repeat(LineMemo.MIN_LINE * 4)));
    assertFalse(LineMemo.splits("a\n" + "x".repeat(LineMemo.MIN_LINE - 2)));
    assertTrue(LineMemo.splits("a\n" + "x".repeat(LineMemo.MIN_LINE)));
  }
}
