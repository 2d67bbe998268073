package io.sigmatch.properties;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A generated condition: evaluates over identifier truth values and renders as condition text. */
sealed interface ConditionSpec {

  boolean eval(Map<String, Boolean> truth);

  String render();

  /** Binding strength: or 1, and 2, not 3, atoms 4. */
  int precedence();

  record Ref(String id) implements ConditionSpec {
    @Override
    public boolean eval(Map<String, Boolean> truth) {
      return truth.getOrDefault(id, false);
    }

    @Override
    public String render() {
      return id;
    }

    @Override
    public int precedence() {
      return 4;
    }
  }

  record Not(ConditionSpec operand) implements ConditionSpec {
    @Override
    public boolean eval(Map<String, Boolean> truth) {
      return !operand.eval(truth);
    }

    @Override
    public String render() {
      return "not " + wrap(operand, 3);
    }

    @Override
    public int precedence() {
      return 3;
    }
  }

  record And(List<ConditionSpec> operands) implements ConditionSpec {
    @Override
    public boolean eval(Map<String, Boolean> truth) {
      return operands.stream().allMatch(o -> o.eval(truth));
    }

    @Override
    public String render() {
      return operands.stream().map(o -> wrap(o, 2)).collect(Collectors.joining(" and "));
    }

    @Override
    public int precedence() {
      return 2;
    }
  }

  record Or(List<ConditionSpec> operands) implements ConditionSpec {
    @Override
    public boolean eval(Map<String, Boolean> truth) {
      return operands.stream().anyMatch(o -> o.eval(truth));
    }

    @Override
    public String render() {
      return operands.stream().map(o -> wrap(o, 1)).collect(Collectors.joining(" or "));
    }

    @Override
    public int precedence() {
      return 1;
    }
  }

  /** Redundant parentheses, as authors write them. */
  record Paren(ConditionSpec inner) implements ConditionSpec {
    @Override
    public boolean eval(Map<String, Boolean> truth) {
      return inner.eval(truth);
    }

    @Override
    public String render() {
      return "(" + inner.render() + ")";
    }

    @Override
    public int precedence() {
      return 4;
    }
  }

  /**
   * {@code 1 of P}, {@code any of P}, {@code all of P}; {@code matched} are the identifiers the
   * pattern names by the test side's reading of §5.2.
   */
  record Selector(String quantifier, String pattern, List<String> matched) implements ConditionSpec {
    @Override
    public boolean eval(Map<String, Boolean> truth) {
      return quantifier.equals("all")
          ? matched.stream().allMatch(id -> truth.getOrDefault(id, false))
          : matched.stream().anyMatch(id -> truth.getOrDefault(id, false));
    }

    @Override
    public String render() {
      return quantifier + " of " + pattern;
    }

    @Override
    public int precedence() {
      return 4;
    }
  }

  private static String wrap(ConditionSpec c, int needed) {
    return c.precedence() < needed ? "(" + c.render() + ")" : c.render();
  }
}
