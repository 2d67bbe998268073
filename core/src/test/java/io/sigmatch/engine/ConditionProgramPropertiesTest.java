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
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** The clause form of a condition must answer as its stack program, on every assignment of bits. */
class ConditionProgramPropertiesTest {
  private static final int PREDICATES = 6;

  /** Conditions over six predicates, two of them past the first word of the bitset. */
  @Provide
  Arbitrary<Expr> conditions() {
    return condition(4);
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
  void theClauseFormAnswersAsTheStackProgram(@ForAll("conditions") Expr condition) {
    ConditionProgram program = ConditionProgram.compile(condition);
    Statistics.label("clause form").collect(program.inClauseForm());
    boolean[] stack = new boolean[program.maxStack() + 1];
    for (int assignment = 0; assignment < 1 << PREDICATES; assignment++) {
      long[] bits = bits(assignment);
      assertEquals(program.evalStack(bits, stack), program.eval(bits, stack), condition + " on " + Integer.toBinaryString(assignment));
    }
  }

  @Test
  void anOrOfAndsThatWouldMultiplyPastTheBudgetStaysAStackProgram() {
    List<Expr> ands = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ands.add(Expr.and(List.of(new Expr.Pred(3 * i), new Expr.Pred(3 * i + 1), new Expr.Pred(3 * i + 2))));
    }
    // 3^4 clauses of 4 literals: far past the budget.
    ConditionProgram program = ConditionProgram.compile(Expr.or(ands));
    assertFalse(program.inClauseForm());
    ConditionProgram filtered = ConditionProgram.compile(Expr.and(List.of(
        Expr.or(List.of(new Expr.Pred(0), new Expr.Pred(1))), Expr.not(Expr.and(List.of(new Expr.Pred(2), new Expr.Pred(3)))))));
    assertTrue(filtered.inClauseForm(), "selection and not filter");
  }
}
