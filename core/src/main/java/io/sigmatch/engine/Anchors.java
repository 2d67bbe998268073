package io.sigmatch.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses a rule's anchor: a set of predicates of which at least one must hold for the rule to be
 * true, so the engine runs the rule's program only when an anchor predicate fires. For
 * {@code AND} it takes the cheapest operand's anchor, for {@code OR} the union; a negation cannot
 * anchor (it holds when nothing is set), so a rule without an anchor is always run.
 *
 * <p>The cost of a predicate estimates how often it holds: long literals and equalities are rare,
 * {@code PRESENT}, short needles and routing fields are common.
 */
final class Anchors {
  private final java.util.function.IntToDoubleFunction cost;

  /** Anchors for rules: predicates that hold rarely on real events, by kind and field. */
  Anchors(PredicateTable table) {
    this(p -> cost(table.get(p)));
  }

  /** Anchors that minimize {@code cost}, a predicate number's price as an anchor. */
  Anchors(java.util.function.IntToDoubleFunction cost) {
    this.cost = cost;
  }

  /** The anchor of {@code e}, or {@code null} when the rule must always run. */
  int[] of(Expr e) {
    Choice c = need(e, false);
    return c == null ? null : c.predicates.stream().mapToInt(Integer::intValue).toArray();
  }

  private record Choice(Set<Integer> predicates, double cost) {}

  /** The anchor of {@code e} (or of its negation when {@code negated}), or null. */
  private Choice need(Expr e, boolean negated) {
    if (e instanceof Expr.Pred p) {
      return negated ? null : new Choice(Set.of(p.predicate()), cost.applyAsDouble(p.predicate()));
    }
    if (e instanceof Expr.Not n) {
      return need(n.operand(), !negated);
    }
    if (e instanceof Expr.Const) {
      return null;
    }
    boolean conjunction = (e instanceof Expr.And) != negated;
    List<Expr> operands = e instanceof Expr.And a ? a.operands() : ((Expr.Or) e).operands();
    if (conjunction) {
      Choice best = null;
      for (Expr o : operands) {
        Choice c = need(o, negated);
        if (c != null && (best == null || c.cost < best.cost)) {
          best = c;
        }
      }
      return best;
    }
    Set<Integer> union = new LinkedHashSet<>();
    double cost = 0;
    for (Expr o : operands) {
      Choice c = need(o, negated);
      if (c == null) {
        return null;
      }
      for (int p : c.predicates) {
        if (union.add(p)) {
          cost += this.cost.applyAsDouble(p);
        }
      }
    }
    return new Choice(union, cost);
  }

  private static double cost(Predicate p) {
    double common = switch (p.kind()) {
      case PRESENT, TEXT_ANY -> 1000;
      case NULL_VALUE -> 300;
      case NUMBER_EQUALS, NUMBER_COMPARE, TIME_COMPARE, FIELD_REF, CIDR -> 60;
      case TEXT_EQUALS, TEXT_PREFIX, TEXT_SUFFIX, TEXT_CONTAINS -> 400.0 / (1 + ((String) p.value()).length());
      case TEXT_GLOB -> 80;
      case REGEX -> 100;
    };
    if (p.field().equals("EventID") || p.field().equals("Channel") || p.field().equals("Provider_Name")) {
      common *= 5;
    }
    return common;
  }
}
