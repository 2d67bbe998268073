package io.sigmatch.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small run-time structures on their own: programs, expressions, hash tables, folding. */
class CompiledStructuresTest {

  private static Expr p(int n) {
    return new Expr.Pred(n);
  }

  private static long[] bits(int... set) {
    long[] b = new long[4];
    for (int p : set) {
      b[p >>> 6] |= 1L << p;
    }
    return b;
  }

  @Test
  void programsEvaluateAndOrNotAndConstants() {
    ConditionProgram prog = ConditionProgram.compile(Expr.or(List.of(
        Expr.and(List.of(p(0), p(70), Expr.not(p(130)))), Expr.and(List.of(p(1), p(2))))));
    boolean[] stack = new boolean[prog.maxStack() + 1];
    assertTrue(prog.eval(bits(0, 70), stack));
    assertFalse(prog.eval(bits(0, 70, 130), stack));
    assertFalse(prog.eval(bits(0), stack));
    assertFalse(prog.eval(bits(70), stack));
    assertTrue(prog.eval(bits(1, 2, 130), stack));
    assertFalse(prog.eval(bits(2, 130), stack));
    assertFalse(prog.eval(bits(), stack));
    assertFalse(prog.trueWithNothingSet());
    assertEquals(9, prog.length());
    assertEquals(3, prog.maxStack());
    assertTrue(ConditionProgram.compile(Expr.TRUE).eval(bits(), new boolean[2]));
    assertFalse(ConditionProgram.compile(Expr.FALSE).eval(bits(1), new boolean[2]));
    assertTrue(ConditionProgram.compile(Expr.TRUE).trueWithNothingSet());
    assertTrue(ConditionProgram.compile(Expr.not(p(200))).trueWithNothingSet());
    assertFalse(ConditionProgram.compile(p(200)).trueWithNothingSet());
    assertEquals(1, ConditionProgram.compile(p(3)).maxStack());
  }

  @Test
  void programStackGrowsWithNestingNotWidth() {
    Expr wide = Expr.and(List.of(p(0), p(1), p(2), p(3), p(4)));
    assertEquals(5, ConditionProgram.compile(wide).maxStack());
    Expr deep = Expr.or(List.of(p(0), Expr.and(List.of(p(1), Expr.or(List.of(p(2), Expr.not(Expr.and(List.of(p(3), p(4))))))))));
    ConditionProgram prog = ConditionProgram.compile(deep);
    assertEquals(5, prog.maxStack());
    boolean[] stack = new boolean[prog.maxStack()];
    assertTrue(prog.eval(bits(1), stack));
    assertFalse(prog.eval(bits(1, 3, 4), stack));
    assertTrue(prog.eval(bits(1, 2, 3, 4), stack));
    assertTrue(prog.eval(bits(0, 3, 4), stack));
    assertFalse(prog.eval(bits(3), stack));
  }

  @Test
  void expressionsFlattenAndFoldConstants() {
    assertSame(Expr.FALSE, Expr.and(List.of(p(1), Expr.FALSE)));
    assertEquals(p(1), Expr.and(List.of(p(1), Expr.TRUE)));
    assertSame(Expr.TRUE, Expr.and(List.of()));
    assertSame(Expr.TRUE, Expr.or(List.of(p(1), Expr.TRUE)));
    assertEquals(p(1), Expr.or(List.of(p(1), Expr.FALSE, p(1))));
    assertSame(Expr.FALSE, Expr.or(List.of()));
    assertEquals(new Expr.And(List.of(p(1), p(2), p(3))), Expr.and(List.of(p(1), Expr.and(List.of(p(2), p(3))))));
    assertEquals(new Expr.Or(List.of(p(1), p(2), p(3))), Expr.or(List.of(Expr.or(List.of(p(1), p(2))), p(3))));
    assertSame(Expr.FALSE, Expr.not(Expr.TRUE));
    assertSame(Expr.TRUE, Expr.not(Expr.FALSE));
    assertEquals(p(4), Expr.not(Expr.not(p(4))));
    List<Integer> seen = new java.util.ArrayList<>();
    Expr.forEachPredicate(Expr.or(List.of(Expr.not(p(5)), Expr.and(List.of(p(6), p(7))), Expr.TRUE)), seen::add);
    assertEquals(List.of(), seen.subList(0, 0));
    seen.clear();
    Expr.forEachPredicate(new Expr.Or(List.of(Expr.not(p(5)), Expr.and(List.of(p(6), p(7))))), seen::add);
    assertEquals(List.of(5, 6, 7), seen);
  }

  @Test
  void exactTextTableFindsKeysThroughCollisionsAndRejectsLongerValues() {
    Map<String, List<Integer>> entries = new LinkedHashMap<>();
    entries.put("Aa", List.of(1));
    entries.put("BB", List.of(2, 3));
    entries.put("abc", List.of(4));
    ExactTextTable t = new ExactTextTable(entries);
    assertArrayEquals(new int[] {1}, t.get("Aa"));
    assertArrayEquals(new int[] {2, 3}, t.get(new StringBuilder("BB")));
    assertArrayEquals(new int[] {4}, t.get("abc"));
    assertNull(t.get("abcd"));
    assertNull(t.get("ab"));
    assertNull(t.get("Ab"));
    assertNull(t.get(""));
    assertEquals(3, t.size());
    ExactTextTable one = new ExactTextTable(Map.of("", List.of(9)));
    assertArrayEquals(new int[] {9}, one.get(""));
    assertNull(one.get("x"));
    assertEquals(1, one.size());
  }

  @Test
  void exactTextTableHoldsManyKeys() {
    Map<String, List<Integer>> entries = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      entries.put("key" + i, List.of(i));
    }
    ExactTextTable t = new ExactTextTable(entries);
    assertEquals(100, t.size());
    for (int i = 0; i < 100; i++) {
      assertArrayEquals(new int[] {i}, t.get("key" + i));
    }
    assertNull(t.get("key100"));
  }

  @Test
  void numberTableFindsIntegersAndDecimals() {
    Map<BigDecimal, List<Integer>> entries = new LinkedHashMap<>();
    entries.put(new BigDecimal("80"), List.of(1));
    entries.put(new BigDecimal("-3"), List.of(2));
    entries.put(new BigDecimal("1.5"), List.of(3));
    entries.put(new BigDecimal("0"), List.of(4));
    entries.put(new BigDecimal("1E+20"), List.of(5));
    NumberTable t = new NumberTable(entries);
    assertEquals(5, t.size());
    assertArrayEquals(new int[] {1}, t.get(80L));
    assertArrayEquals(new int[] {1}, t.get(new BigDecimal("80.00")));
    assertArrayEquals(new int[] {1}, t.get(new BigDecimal("8E+1")));
    assertArrayEquals(new int[] {2}, t.get(-3L));
    assertArrayEquals(new int[] {3}, t.get(new BigDecimal("1.50")));
    assertArrayEquals(new int[] {4}, t.get(0L));
    assertArrayEquals(new int[] {4}, t.get(new BigDecimal("0.000")));
    assertArrayEquals(new int[] {4}, t.get(new BigDecimal("-0.0")));
    assertArrayEquals(new int[] {5}, t.get(new BigDecimal("100000000000000000000")));
    assertNull(t.get(81L));
    assertNull(t.get(new BigDecimal("1.25")));
    assertNull(t.get(new BigDecimal("80.5")));
    assertNull(t.get(3L));
  }

  @Test
  void numberTableProbesPastCollisions() {
    Map<BigDecimal, List<Integer>> entries = new LinkedHashMap<>();
    for (int i = 0; i < 300; i++) {
      entries.put(BigDecimal.valueOf(i * 1024L), List.of(i));
    }
    NumberTable t = new NumberTable(entries);
    for (int i = 0; i < 300; i++) {
      assertArrayEquals(new int[] {i}, t.get(i * 1024L));
    }
    assertNull(t.get(1L));
    assertNull(t.get(300 * 1024L));
  }

  @Test
  void foldedTextFoldsAsciiAndUnicodeAndGrows() {
    FoldedText f = new FoldedText();
    assertEquals("abc-xyz", f.fold("ABC-xyz").toString());
    assertEquals(7, f.length());
    assertEquals('a', f.charAt(0));
    assertEquals("bc", f.subSequence(1, 3).toString());
    assertEquals("straße", f.fold("STRAßE").toString());
    assertEquals("äöü", f.fold(new StringBuilder("ÄÖÜ")).toString());
    String lng = "X".repeat(700) + "Ä";
    assertEquals("x".repeat(700) + "ä", f.fold(lng).toString());
    assertEquals(701, f.length());
    String ascii = "Y".repeat(600);
    assertEquals("y".repeat(600), f.fold(ascii).toString());
    // The same String again is served from the buffer; another text in between refills it.
    assertEquals("y".repeat(600), f.fold(ascii).toString());
    assertEquals("q", f.fold(new StringBuilder("Q")).toString());
    assertEquals("y".repeat(600), f.fold(ascii).toString());
    assertEquals("@[`{", f.fold("@[`{").toString());
    assertEquals("az", f.fold("AZ").toString());
  }

  @Test
  void foldedTextGrowsForUnicodeLongerThanItsBuffer() {
    FoldedText f = new FoldedText();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      sb.append('Ä');
    }
    assertEquals("ä".repeat(400), f.fold(sb).toString());
    assertEquals(400, f.length());
    assertTrue(f.buffer().length >= 400);
  }

  @Test
  void characterClassesAreSkippedWithTheirEscapesAndNamedClasses() {
    assertEquals(5, RegexSyntax.skipClass("[abc]x", 0));
    assertEquals(4, RegexSyntax.skipClass("[^]]x", 0));
    assertEquals(3, RegexSyntax.skipClass("[]]", 0));
    assertEquals(4, RegexSyntax.skipClass("[^a]", 0));
    assertEquals(5, RegexSyntax.skipClass("[\\]a]", 0));
    assertEquals(11, RegexSyntax.skipClass("[[:alpha:]]", 0));
    assertEquals(-1, RegexSyntax.skipClass("[[:alpha]", 0));
    assertEquals(-1, RegexSyntax.skipClass("[abc", 0));
    assertEquals(-1, RegexSyntax.skipClass("[", 0));
    assertEquals(-1, RegexSyntax.skipClass("[^", 0));
    assertEquals(6, RegexSyntax.skipClass("x[a-z]", 1));
    assertEquals(3, RegexSyntax.skipClass("[[]", 0));
  }
}
