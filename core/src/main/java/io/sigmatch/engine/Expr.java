package io.sigmatch.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule's condition over predicate numbers, as the compiler builds it before turning it into a
 * {@link ConditionProgram}. Constructors simplify: nested AND/OR are flattened and constants
 * folded, so programs stay small.
 */
sealed interface Expr {
  Expr TRUE = new Const(true);
  Expr FALSE = new Const(false);

  record Pred(int predicate) implements Expr {}

  record Not(Expr operand) implements Expr {}

  record And(List<Expr> operands) implements Expr {}

  record Or(List<Expr> operands) implements Expr {}

  record Const(boolean value) implements Expr {}

  static Expr not(Expr e) {
    if (e instanceof Const c) {
      return c.value() ? FALSE : TRUE;
    }
    if (e instanceof Not n) {
      return n.operand();
    }
    return new Not(e);
  }

  static Expr and(List<Expr> operands) {
    Set<Expr> flat = new LinkedHashSet<>();
    for (Expr e : operands) {
      if (e instanceof Const c) {
        if (!c.value()) {
          return FALSE;
        }
      } else if (e instanceof And a) {
        flat.addAll(a.operands());
      } else {
        flat.add(e);
      }
    }
    if (flat.isEmpty()) {
      return TRUE;
    }
    return flat.size() == 1 ? flat.iterator().next() : new And(List.copyOf(flat));
  }

  static Expr or(List<Expr> operands) {
    Set<Expr> flat = new LinkedHashSet<>();
    for (Expr e : operands) {
      if (e instanceof Const c) {
        if (c.value()) {
          return TRUE;
        }
      } else if (e instanceof Or o) {
        flat.addAll(o.operands());
      } else {
        flat.add(e);
      }
    }
    if (flat.isEmpty()) {
      return FALSE;
    }
    return flat.size() == 1 ? flat.iterator().next() : new Or(List.copyOf(flat));
  }

  /** Passes every predicate number {@code e} reads to {@code out}. */
  static void forEachPredicate(Expr e, java.util.function.IntConsumer out) {
    if (e instanceof Pred p) {
      out.accept(p.predicate());
    } else if (e instanceof Not n) {
      forEachPredicate(n.operand(), out);
    } else if (e instanceof And a) {
      a.operands().forEach(o -> forEachPredicate(o, out));
    } else if (e instanceof Or o) {
      o.operands().forEach(x -> forEachPredicate(x, out));
    }
  }
}
