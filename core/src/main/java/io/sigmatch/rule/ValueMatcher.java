package io.sigmatch.rule;

import io.sigmatch.value.Comparison;
import io.sigmatch.value.SigmaPattern;
import io.sigmatch.value.TimePart;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One value of a detection item after its modifiers have been applied: what a single event value
 * must satisfy. Both evaluators read these; neither re-parses rule text.
 *
 * <pre>{@code
 * // Image|endswith: '\msiexec.exe'
 * ValueMatcher.text(SigmaPattern.builder().star().literal("\\msiexec.exe").build(), false)
 * }</pre>
 */
public sealed interface ValueMatcher {

  /** A Sigma string pattern. {@code comparable} is the pattern to match a value against: folded unless cased. */
  record Text(SigmaPattern pattern, boolean cased, SigmaPattern comparable) implements ValueMatcher {
    @Override
    public String toString() {
      return (cased ? "cased " : "") + "'" + pattern + "'";
    }
  }

  /** A group of alternatives produced by one rule value (windash, base64offset, expand): OR-linked. */
  record AnyOf(List<ValueMatcher> alternatives) implements ValueMatcher {
    public AnyOf {
      alternatives = List.copyOf(alternatives);
    }
  }

  /** A rule number: numeric equality (semantics §3.1). {@code text} is as written in the rule. */
  record NumberEquals(BigDecimal value, String text) implements ValueMatcher {
    @Override
    public boolean equals(Object o) {
      return o instanceof NumberEquals n && n.value.compareTo(value) == 0;
    }

    @Override
    public int hashCode() {
      return value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** A rule boolean. */
  record BooleanEquals(boolean value) implements ValueMatcher {}

  /** {@code null}: the field is absent or null. */
  record IsNull() implements ValueMatcher {}

  /** {@code exists: true|false}: whether the field is present (null counts as present). */
  record Exists(boolean present) implements ValueMatcher {}

  /**
   * A regular expression, found anywhere in the value (RE2/J, linear time).
   *
   * @param regex    the expression as it is compiled (anchors added for startswith/endswith)
   * @param flags    RE2/J flags ({@code CASE_INSENSITIVE}, {@code MULTILINE}, {@code DOTALL})
   * @param compiled the compiled expression
   */
  record Regex(String regex, int flags, com.google.re2j.Pattern compiled) implements ValueMatcher {
    @Override
    public boolean equals(Object o) {
      return o instanceof Regex r && r.regex.equals(regex) && r.flags == flags;
    }

    @Override
    public int hashCode() {
      return regex.hashCode() * 31 + flags;
    }

    @Override
    public String toString() {
      return "/" + regex + "/" + flags;
    }
  }

  /** An IP network: the value must be an address of the same family inside it. */
  record Cidr(String network, byte[] address, int prefixLength) implements ValueMatcher {
    @Override
    public boolean equals(Object o) {
      return o instanceof Cidr c && Arrays.equals(c.address, address) && c.prefixLength == prefixLength;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(address) * 31 + prefixLength;
    }

    @Override
    public String toString() {
      return network;
    }
  }

  /** {@code gt}/{@code gte}/{@code lt}/{@code lte}: the value read as a number compared with a threshold. */
  record NumberCompare(Comparison comparison, BigDecimal threshold) implements ValueMatcher {
    @Override
    public boolean equals(Object o) {
      return o instanceof NumberCompare c && c.comparison == comparison && c.threshold.compareTo(threshold) == 0;
    }

    @Override
    public int hashCode() {
      return Objects.hash(comparison, threshold.stripTrailingZeros());
    }
  }

  /** A time part of a date-time value compared with a number ({@code EQ} when no comparison follows). */
  record TimeCompare(TimePart part, Comparison comparison, BigDecimal value) implements ValueMatcher {
    @Override
    public boolean equals(Object o) {
      return o instanceof TimeCompare t && t.part == part && t.comparison == comparison
          && t.value.compareTo(value) == 0;
    }

    @Override
    public int hashCode() {
      return Objects.hash(part, comparison, value.stripTrailingZeros());
    }
  }

  /** {@code fieldref}: compare with another field of the same event. */
  record FieldRef(String field, Position position, boolean cased) implements ValueMatcher {
    /**
     * Whether this field's text relates to the other field's text by {@link #position()}, both
     * already folded unless {@link #cased()}: the one definition both evaluators use. O(n·m) for
     * {@code CONTAINS}.
     */
    public boolean relates(CharSequence text, CharSequence other) {
      return switch (position) {
        case EQUALS -> text.length() == other.length() && regionEquals(text, 0, other);
        case CONTAINS -> {
          for (int at = 0; at + other.length() <= text.length(); at++) {
            if (regionEquals(text, at, other)) {
              yield true;
            }
          }
          yield false;
        }
        case STARTS_WITH -> regionEquals(text, 0, other);
        case ENDS_WITH -> regionEquals(text, text.length() - other.length(), other);
      };
    }

    private static boolean regionEquals(CharSequence text, int at, CharSequence other) {
      if (at < 0 || at + other.length() > text.length()) {
        return false;
      }
      for (int i = 0; i < other.length(); i++) {
        if (text.charAt(at + i) != other.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Where a field reference's value must sit in this field's value. */
  enum Position { EQUALS, CONTAINS, STARTS_WITH, ENDS_WITH }

  /** A text matcher; folds the pattern once unless {@code cased}. */
  static ValueMatcher text(SigmaPattern pattern, boolean cased) {
    return new Text(pattern, cased, cased ? pattern : pattern.folded());
  }

}
