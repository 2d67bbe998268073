package io.sigmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The clause and term forms of a condition must answer as its stack program, on every assignment
 * of bits.
 */
class ConditionProgramPropertiesTest {
  private static final int PREDICATES = 6;

  /**
   * Conditions over six predicates, two of them past the first word of the bitset; half of them
   * ORs at the top, which the term form is for.
   */
  @Provide
  Arbitrary<Expr> conditions() {
    return Arbitraries.oneOf(condition(4), condition(3).list().ofMinSize(2).ofMaxSize(4).map(Expr::or));
  }

  private static Arbitrary<Expr> condition(int depth) {
    Arbitrary<Expr> leaf = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, PREDICATES - 1).map(ConditionProgramPropertiesTest::p)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(Expr.TRUE, Expr.FALSE)));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Expr> inner = Arbitraries.lazy(() -> condition(depth - 1));
    return Arbitraries.oneOf(
        leaf,
        inner.map(Expr::not),
        inner.list().ofMinSize(1).ofMaxSize(4).map(Expr::and),
        inner.list().ofMinSize(1).ofMaxSize(4).map(Expr::or));
  }

  /** Predicate i is bit i of the first word for i < 4, else a bit of the second word. */
  private static Expr p(int i) {
    return new Expr.Pred(i < 4 ? i : 60 + i);
  }

  private static long[] bits(int assignment) {
    long[] bits = new long[2];
    for (int i = 0; i < PREDICATES; i++) {
      if ((assignment >>> i & 1) != 0) {
        int p = i < 4 ? i : 60 + i;
        bits[p >>> 6] |= 1L << p;
      }
    }
    return bits;
  }

  @Property
  void theClauseOrTermFormAnswersAsTheStackProgram(
      @ForAll("conditions") Expr condition, @ForAll @IntRange(min = 1, max = 64) int budget) {
    // Small budgets push conditions out of the clause form into the term form or the stack.
    ConditionProgram program = ConditionProgram.compile(condition, budget);
    Statistics.label("form").collect(program.inTermForm() ? "terms" : program.inClauseForm() ? "clauses" : "stack");
    boolean[] stack = new boolean[program.maxStack() + 1];
    for (int assignment = 0; assignment < 1 << PREDICATES; assignment++) {
      long[] bits = bits(assignment);
      assertEquals(program.evalStack(bits, stack), program.eval(bits, stack), condition + " on " + Integer.toBinaryString(assignment));
    }
  }

  @Test
  void eachConditionTakesTheFirstFormThatFitsTheBudget() {
    ConditionProgram filtered = ConditionProgram.compile(Expr.and(List.of(
        Expr.or(List.of(new Expr.Pred(0), new Expr.Pred(1))), Expr.not(Expr.and(List.of(new Expr.Pred(2), new Expr.Pred(3)))))));
    assertTrue(filtered.inClauseForm() && !filtered.inTermForm(), "selection and not filter: clauses");
    // 1 of selection_*: an OR of four ANDs of three is 3^4 clauses of four, but four terms of three.
    Expr oneOf = oneOfSelections(0);
    assertTrue(ConditionProgram.compile(oneOf).inClauseForm() && !ConditionProgram.compile(oneOf).inTermForm(),
        "1 of selection_*: 324 literals of clauses fit the budget");
    ConditionProgram selections = ConditionProgram.compile(oneOf, 64);
    assertTrue(selections.inTermForm(), "1 of selection_*, 64 literals at most: terms");
    assertTrue(selections.eval(bitsOf(3, 4, 5), new boolean[selections.maxStack() + 1]));
    assertFalse(selections.eval(bitsOf(3, 4, 6), new boolean[selections.maxStack() + 1]));
    // Two of them ANDed: 3^8 clauses of eight, past the budget, or 16 terms of six.
    ConditionProgram both = ConditionProgram.compile(Expr.and(List.of(oneOf, oneOfSelections(12))));
    assertTrue(both.inTermForm(), "two 1 of selection_* ANDed: terms");
    assertTrue(both.eval(bitsOf(0, 1, 2, 21, 22, 23), new boolean[both.maxStack() + 1]));
    assertFalse(both.eval(bitsOf(0, 1, 2, 21, 22), new boolean[both.maxStack() + 1]));
    // Four: 256 terms of twelve, past it too.
    ConditionProgram four = ConditionProgram.compile(Expr.and(List.of(oneOf, oneOfSelections(12),
        oneOfSelections(24), oneOfSelections(36))));
    assertFalse(four.inClauseForm());
    assertTrue(four.eval(bitsOf(0, 1, 2, 21, 22, 23, 24, 25, 26, 45, 46, 47), new boolean[four.maxStack() + 1]));
    assertFalse(four.eval(bitsOf(0, 1, 2, 21, 22, 23, 24, 25, 26, 45, 46), new boolean[four.maxStack() + 1]));
  }

  /** An OR of four ANDs of three predicates each, numbered from {@code first}. */
  private static Expr oneOfSelections(int first) {
    List<Expr> ands = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      int p = first + 3 * i;
      ands.add(Expr.and(List.of(new Expr.Pred(p), new Expr.Pred(p + 1), new Expr.Pred(p + 2))));
    }
    return Expr.or(ands);
  }

  private static long[] bitsOf(int... predicates) {
    long[] bits = new long[1];
    for (int p : predicates) {
      bits[0] |= 1L << p;
    }
    return bits;
  }
}
