package io.sigmatch.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a condition's conjunctive normal form, when it stays small: clauses ANDed, each an OR of
 * literals, a literal being a predicate or its negation. Most Sigma conditions are a selection
 * of ANDed fields with ORed values, less some filters, and their clause form is no larger than
 * their program; {@link ConditionProgram} then tests bits clause by clause, stopping at the
 * first clause that fails, instead of running a stack machine whose every step is a switch.
 *
 * <p>Negations are pushed to the predicates; an OR of ANDs multiplies out, so the form is given
 * up (null) once it would exceed the literal budget. Literals are encoded as
 * {@code predicate << 1 | negated}.
 */
final class ClauseForm {
  private ClauseForm() {}

  /** The clauses of {@code e}, shortest first, or null when they would hold over {@code maxLiterals}. */
  static List<int[]> of(Expr e, int maxLiterals) {
    List<Set<Integer>> clauses = clauses(e, false, maxLiterals);
    if (clauses == null) {
      return null;
    }
    List<int[]> out = new ArrayList<>();
    for (Set<Integer> c : clauses) {
      out.add(c.stream().mapToInt(Integer::intValue).toArray());
    }
    out.sort(Comparator.comparingInt(c -> c.length));
    return out;
  }

  private static List<Set<Integer>> clauses(Expr e, boolean negated, int budget) {
    if (e instanceof Expr.Pred p) {
      return List.of(Set.of(p.predicate() << 1 | (negated ? 1 : 0)));
    }
    if (e instanceof Expr.Const c) {
      // True is no clause at all; false is one clause that no literal can satisfy.
      return c.value() != negated ? List.of() : List.of(Set.of());
    }
    if (e instanceof Expr.Not n) {
      return clauses(n.operand(), !negated, budget);
    }
    boolean and = e instanceof Expr.And;
    List<Expr> operands = and ? ((Expr.And) e).operands() : ((Expr.Or) e).operands();
    List<Set<Integer>> out = new ArrayList<>();
    if (and != negated) {
      for (Expr operand : operands) {
        List<Set<Integer>> part = clauses(operand, negated, budget);
        if (part == null) {
          return null;
        }
        out.addAll(part);
        if (literals(out) > budget) {
          return null;
        }
      }
      return out;
    }
    // An OR: every way of picking one clause from each operand's form makes one clause.
    out.add(Set.of());
    for (Expr operand : operands) {
      List<Set<Integer>> part = clauses(operand, negated, budget);
      if (part == null) {
        return null;
      }
      List<Set<Integer>> product = new ArrayList<>();
      for (Set<Integer> left : out) {
        for (Set<Integer> right : part) {
          Set<Integer> merged = new LinkedHashSet<>(left);
          merged.addAll(right);
          product.add(merged);
        }
        if (literals(product) > budget) {
          return null;
        }
      }
      out = product;
    }
    return out;
  }

  private static int literals(List<Set<Integer>> clauses) {
    int n = 0;
    for (Set<Integer> c : clauses) {
      n += Math.max(1, c.size());
    }
    return n;
  }
}
