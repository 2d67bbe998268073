package io.sigmatch.properties;

/** One rule value as written in YAML: a raw Sigma string, a number, a boolean or null. */
sealed interface RuleValue {

  /** The value as a YAML scalar. */
  String yaml();

  /** A string, single-quoted in YAML; {@code raw} is the Sigma text after YAML (escapes still in). */
  record Str(String raw) implements RuleValue {
    @Override
    public String yaml() {
      return SigmaText.quote(raw);
    }
  }

  /** A number as written ({@code 80}, {@code 0.3}, {@code -2.50}). */
  record Num(String text) implements RuleValue {
    @Override
    public String yaml() {
      return text;
    }

    java.math.BigDecimal value() {
      return new java.math.BigDecimal(text);
    }
  }

  /** {@code true} / {@code false}. */
  record Bool(boolean value) implements RuleValue {
    @Override
    public String yaml() {
      return Boolean.toString(value);
    }
  }

  /** {@code null}. */
  record Null() implements RuleValue {
    @Override
    public String yaml() {
      return "null";
    }
  }

  static RuleValue str(String raw) {
    return new Str(raw);
  }

  static RuleValue num(Object n) {
    return new Num(String.valueOf(n));
  }
}
