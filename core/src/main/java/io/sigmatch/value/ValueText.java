package io.sigmatch.value;

import java.math.BigDecimal;

/**
 * Renders scalar event values as text, for comparison with string rule values (semantics §3.1).
 *
 * <p>Strings are themselves; booleans {@code true}/{@code false}; integers plain digits; a
 * {@link BigDecimal} (a JSON parser that keeps the event's own number text) its
 * {@code toString()}; doubles and floats Java's {@code Double.toString}/{@code Float.toString}.
 * Anything else (maps, lists, {@code null}) has no text: {@code null}.
 *
 * <pre>{@code
 * ValueText.render(4688)  // "4688"
 * ValueText.render(true)  // "true"
 * ValueText.render(80.0)  // "80.0"
 * }</pre>
 */
public final class ValueText {
  private ValueText() {}

  /** Returns the text of a scalar value, or {@code null} when the value is not a scalar. */
  public static String render(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (value instanceof Double d) {
      return Double.toString(d);
    }
    if (value instanceof Float f) {
      return Float.toString(f);
    }
    if (value instanceof Number || value instanceof Character) {
      return value.toString();
    }
    return null;
  }
}
