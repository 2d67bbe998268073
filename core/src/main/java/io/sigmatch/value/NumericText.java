package io.sigmatch.value;

import java.math.BigDecimal;

/**
 * Reads event values as decimal numbers, the way both evaluators compare numbers (semantics §3.1).
 *
 * <p>Accepted text: an optional sign, one or more digits, an optional fraction ({@code .} and one
 * or more digits) and an optional exponent ({@code e}/{@code E}, optional sign, digits); no
 * surrounding spaces, no hex, no {@code .5}. Text longer than {@link #MAX_LENGTH} characters is
 * not read as a number, so a hostile value cannot make a comparison cost more than linear time.
 *
 * <pre>{@code
 * NumericText.parse("80")     // 80
 * NumericText.parse("-1.5e3") // -1.5E+3
 * NumericText.parse("080")    // 80 (numeric parse keeps leading zeros meaningless)
 * NumericText.parse("0x50")   // null
 * }</pre>
 */
public final class NumericText {
  /** Longest text still read as a number. */
  public static final int MAX_LENGTH = 400;

  private NumericText() {}

  /** Returns the number written in {@code text}, or {@code null} when it is not a number. */
  public static BigDecimal parse(CharSequence text) {
    int n = text.length();
    if (n == 0 || n > MAX_LENGTH || !wellFormed(text, n)) {
      return null;
    }
    try {
      return new BigDecimal(text.toString());
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /** Returns an event value (number or text) as a decimal, or {@code null}. */
  public static BigDecimal of(Object value) {
    if (value instanceof String s) {
      return parse(s);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof java.math.BigInteger b) {
      return new BigDecimal(b);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return null;
      }
      return new BigDecimal(ValueText.render(value));
    }
    return null;
  }

  private static boolean wellFormed(CharSequence s, int n) {
    int i = 0;
    char c = s.charAt(0);
    if (c == '+' || c == '-') {
      i++;
    }
    int digits = countDigits(s, i, n);
    if (digits == 0) {
      return false;
    }
    i += digits;
    if (i < n && s.charAt(i) == '.') {
      i++;
      int frac = countDigits(s, i, n);
      if (frac == 0) {
        return false;
      }
      i += frac;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exp = countDigits(s, i, n);
      if (exp == 0 || exp > 9) {
        return false;
      }
      i += exp;
    }
    return i == n;
  }

  private static int countDigits(CharSequence s, int from, int n) {
    int i = from;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }
}
