package io.sigmatch.rule;

import java.util.List;

/**
 * A parsed condition (semantics §5). Selectors are resolved at load time to the identifiers they
 * name, so evaluating a condition never looks at identifier names again.
 *
 * <pre>{@code
 * // selection and not filter
 * new Condition.And(List.of(new Condition.Ref("selection"), new Condition.Not(new Condition.Ref("filter"))))
 * }</pre>
 */
public sealed interface Condition {

  /** Every operand holds. */
  record And(List<Condition> operands) implements Condition {
    public And {
      operands = List.copyOf(operands);
    }
  }

  /** Some operand holds. */
  record Or(List<Condition> operands) implements Condition {
    public Or {
      operands = List.copyOf(operands);
    }
  }

  /** The operand does not hold. */
  record Not(Condition operand) implements Condition {}

  /** A search identifier by name. */
  record Ref(String identifier) implements Condition {}

  /**
   * {@code 1 of P} / {@code all of P} / {@code 1 of them}.
   *
   * @param all         {@code all of}; otherwise {@code 1 of} / {@code any of}
   * @param pattern     the pattern as written ({@code them} for them)
   * @param identifiers the identifiers it names, never empty
   */
  record Selector(boolean all, String pattern, List<String> identifiers) implements Condition {
    public Selector {
      identifiers = List.copyOf(identifiers);
    }
  }
}
