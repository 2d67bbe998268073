package io.sigmatch.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule's condition compiled to a postfix program over the predicate bitset: the dense run-time
 * form of an {@link Expr}. Evaluating it reads bits and a small boolean stack owned by the caller's
 * context; it allocates nothing. Cost: O(program length).
 *
 * <p>Where the condition's {@link ClauseForm clause form} is at most {@value #MAX_CLAUSE_LITERALS}
 * literals, it is evaluated in that form instead: clause after clause, each a few bit tests,
 * stopping at the first that fails. Failing that, where the clause form of its negation is, the
 * condition is evaluated as the terms that negation gives (an OR of ANDs, as {@code 1 of
 * selection_*} makes), stopping at the first that holds. Cost: O(literals).
 */
final class ConditionProgram {
  private static final int PRED = 0;
  private static final int NOT = 1;
  private static final int AND = 2;
  private static final int OR = 3;
  private static final int CONST = 4;
  private static final int SHIFT = 28;
  private static final int ARG = (1 << SHIFT) - 1;

  /**
   * Large enough for the long value lists of SigmaHQ rules (all but 15 of 3,780 take a clause or
   * term form; with 64, 111 ran the stack program, about 6% of the time per event at all rules),
   * small enough that building the forms adds nothing measurable to compiling them (1,024 adds a
   * quarter).
   */
  static final int MAX_CLAUSE_LITERALS = 512;

  private final int[] code;
  private final int maxStack;
  /** Where clause (or term) i ends in {@link #literals}; null when both forms are too large. */
  private final int[] clauseEnds;
  /** The literals of the clauses, {@code predicate << 1 | negated}. */
  private final int[] literals;
  /** Whether {@link #clauseEnds} delimit terms ORed together, each an AND of its literals. */
  private final boolean terms;

  private ConditionProgram(int[] code, int maxStack, List<int[]> clauses, boolean terms) {
    this.code = code;
    this.maxStack = maxStack;
    this.terms = terms;
    if (clauses == null) {
      this.clauseEnds = null;
      this.literals = null;
      return;
    }
    this.clauseEnds = new int[clauses.size()];
    this.literals = new int[clauses.stream().mapToInt(c -> c.length).sum()];
    int k = 0;
    for (int i = 0; i < clauseEnds.length; i++) {
      for (int literal : clauses.get(i)) {
        // A term is a clause of the negation with its literals negated back.
        literals[k++] = terms ? literal ^ 1 : literal;
      }
      clauseEnds[i] = k;
    }
  }

  static ConditionProgram compile(Expr e) {
    return compile(e, MAX_CLAUSE_LITERALS);
  }

  /** As {@link #compile(Expr)}, with clause and term forms of at most {@code maxLiterals}. */
  static ConditionProgram compile(Expr e, int maxLiterals) {
    List<Integer> out = new ArrayList<>();
    int depth = emit(e, out, 0);
    int[] code = out.stream().mapToInt(Integer::intValue).toArray();
    // Clauses first, even where the terms are fewer literals (1 of selection_* with four
    // selections of three: 81 clauses of four, four terms of three): most events fail a
    // condition, which the clause form sees at its first failing clause, while every term must
    // fail. Preferring the smaller form measured 5% slower on the SigmaHQ rules.
    List<int[]> clauses = ClauseForm.of(e, maxLiterals);
    if (clauses != null) {
      return new ConditionProgram(code, depth, clauses, false);
    }
    return new ConditionProgram(code, depth, ClauseForm.of(Expr.not(e), maxLiterals), true);
  }

  /** Whether the condition is evaluated as clauses (or terms) rather than as a stack program. */
  boolean inClauseForm() {
    return clauseEnds != null;
  }

  /** Whether the condition is evaluated as terms: an OR of ANDs. */
  boolean inTermForm() {
    return clauseEnds != null && terms;
  }

  /** Emits {@code e}; returns the stack depth it needs. */
  private static int emit(Expr e, List<Integer> out, int base) {
    if (e instanceof Expr.Pred p) {
      out.add(PRED << SHIFT | p.predicate());
      return base + 1;
    }
    if (e instanceof Expr.Const c) {
      out.add(CONST << SHIFT | (c.value() ? 1 : 0));
      return base + 1;
    }
    if (e instanceof Expr.Not n) {
      int d = emit(n.operand(), out, base);
      out.add(NOT << SHIFT);
      return d;
    }
    List<Expr> operands = e instanceof Expr.And a ? a.operands() : ((Expr.Or) e).operands();
    int max = base;
    for (int i = 0; i < operands.size(); i++) {
      max = Math.max(max, emit(operands.get(i), out, base + i));
    }
    out.add((e instanceof Expr.And ? AND : OR) << SHIFT | operands.size());
    return max;
  }

  /** The stack depth evaluation needs. */
  int maxStack() {
    return maxStack;
  }

  int length() {
    return code.length;
  }

  /** Evaluates over {@code bits} (predicate n is bit n), using {@code stack} as scratch. */
  boolean eval(long[] bits, boolean[] stack) {
    return clauseEnds != null ? evalClauses(bits) : evalStack(bits, stack);
  }

  /**
   * A clause is decided by its first literal that holds, a term by its first that does not; a
   * clause left undecided fails the condition, a term left undecided makes it hold.
   */
  private boolean evalClauses(long[] bits) {
    boolean terms = this.terms;
    int k = 0;
    for (int end : clauseEnds) {
      boolean decided = false;
      for (; k < end; k++) {
        int literal = literals[k];
        int p = literal >>> 1;
        // Bit p of the word, flipped by the literal's negation bit.
        boolean holds = (((bits[p >>> 6] >>> p) ^ literal) & 1) != 0;
        if (holds != terms) {
          decided = true;
          k = end;
          break;
        }
      }
      if (!decided) {
        return terms;
      }
    }
    return !terms;
  }

  /** Runs the postfix program, the form every condition has; the clause form is a shortcut. */
  boolean evalStack(long[] bits, boolean[] stack) {
    int top = 0;
    for (int instruction : code) {
      int arg = instruction & ARG;
      switch (instruction >>> SHIFT) {
        case PRED -> stack[top++] = (bits[arg >>> 6] & (1L << arg)) != 0;
        case CONST -> stack[top++] = arg != 0;
        case NOT -> stack[top - 1] = !stack[top - 1];
        case AND -> {
          boolean r = true;
          for (int i = top - arg; i < top; i++) {
            r &= stack[i];
          }
          top -= arg;
          stack[top++] = r;
        }
        default -> {
          boolean r = false;
          for (int i = top - arg; i < top; i++) {
            r |= stack[i];
          }
          top -= arg;
          stack[top++] = r;
        }
      }
    }
    return stack[0];
  }

  /** Evaluates with no predicate holding: true means the rule can match an event that sets no bit. */
  boolean trueWithNothingSet() {
    int maxPredicate = 0;
    for (int instruction : code) {
      if (instruction >>> SHIFT == PRED) {
        maxPredicate = Math.max(maxPredicate, instruction & ARG);
      }
    }
    return eval(new long[(maxPredicate >>> 6) + 1], new boolean[maxStack]);
  }
}
