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
 * stopping at the first that fails. Cost: O(literals).
 */
final class ConditionProgram {
  private static final int PRED = 0;
  private static final int NOT = 1;
  private static final int AND = 2;
  private static final int OR = 3;
  private static final int CONST = 4;
  private static final int SHIFT = 28;
  private static final int ARG = (1 << SHIFT) - 1;

  static final int MAX_CLAUSE_LITERALS = 64;

  private final int[] code;
  private final int maxStack;
  /** Where clause i ends in {@link #literals}; null when the clause form is too large. */
  private final int[] clauseEnds;
  /** The literals of the clauses, {@code predicate << 1 | negated}. */
  private final int[] literals;

  private ConditionProgram(int[] code, int maxStack, int[] clauseEnds, int[] literals) {
    this.code = code;
    this.maxStack = maxStack;
    this.clauseEnds = clauseEnds;
    this.literals = literals;
  }

  static ConditionProgram compile(Expr e) {
    List<Integer> out = new ArrayList<>();
    int depth = emit(e, out, 0);
    int[] code = out.stream().mapToInt(Integer::intValue).toArray();
    List<int[]> clauses = ClauseForm.of(e, MAX_CLAUSE_LITERALS);
    if (clauses == null) {
      return new ConditionProgram(code, depth, null, null);
    }
    int[] ends = new int[clauses.size()];
    int[] literals = new int[clauses.stream().mapToInt(c -> c.length).sum()];
    int k = 0;
    for (int i = 0; i < ends.length; i++) {
      for (int literal : clauses.get(i)) {
        literals[k++] = literal;
      }
      ends[i] = k;
    }
    return new ConditionProgram(code, depth, ends, literals);
  }

  /** Whether the condition is evaluated as clauses rather than as a stack program. */
  boolean inClauseForm() {
    return clauseEnds != null;
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

  private boolean evalClauses(long[] bits) {
    int k = 0;
    for (int end : clauseEnds) {
      boolean holds = false;
      for (; k < end; k++) {
        int literal = literals[k];
        int p = literal >>> 1;
        // Bit p of the word, flipped by the literal's negation bit.
        if ((((bits[p >>> 6] >>> p) ^ literal) & 1) != 0) {
          holds = true;
          k = end;
          break;
        }
      }
      if (!holds) {
        return false;
      }
    }
    return true;
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
