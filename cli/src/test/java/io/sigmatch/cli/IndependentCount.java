package io.sigmatch.cli;

import io.sigmatch.rule.DetectionItem;
import io.sigmatch.rule.Search;
import io.sigmatch.rule.SigmaRule;
import io.sigmatch.rule.ValueMatcher;
import io.sigmatch.value.SigmaPattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Corpus counts computed without the engine: walks the loaded rule models, gives every rule value
 * (every alternative of a windash / base64offset / expand value) a key saying what it tests, and
 * counts the rules having each key.
 *
 * <p>A key is the field, the kind and the compared value, plus what makes two equal-looking tests
 * different: the value's type ({@code '80'} vs {@code 80}), case sensitivity, regex flags. The
 * boolean {@code true} and the text {@code 'true'} test the same thing and share a key. Text values are compared folded (the matcher's
 * {@code comparable} pattern). A {@code null} value tests that the field is null and also whether it
 * is present, so a rule with {@code F: null} counts for {@code F|exists} too.
 */
final class IndependentCount {
  private IndependentCount() {}

  /** What one value tests. */
  record Key(String field, String kind, List<Object> identity) {}

  /** One row as {@code explain} would show it, with the key it is counted under. */
  record Row(String identifier, String field, String kind, String value, Key key) {}

  /** The rows of one rule, in rule order. */
  static List<Row> rows(SigmaRule rule) {
    List<Row> out = new ArrayList<>();
    for (Map.Entry<String, Search> e : rule.detection().searches().entrySet()) {
      search(e.getKey(), e.getValue(), out);
    }
    return out;
  }

  /** For each key, the number of rules of {@code corpus} that have it. */
  static Map<Key, Integer> counts(List<SigmaRule> corpus) {
    Map<Key, Integer> counts = new HashMap<>();
    for (SigmaRule r : corpus) {
      Set<Key> keys = new HashSet<>();
      for (Row row : rows(r)) {
        keys.add(row.key());
        if (row.kind().equals("null")) {
          keys.add(new Key(row.field(), "exists", List.of()));
        }
      }
      keys.forEach(k -> counts.merge(k, 1, Integer::sum));
    }
    return counts;
  }

  private static void search(String identifier, Search s, List<Row> out) {
    if (s instanceof Search.AnyOf any) {
      any.alternatives().forEach(a -> search(identifier, a, out));
      return;
    }
    for (DetectionItem item : ((Search.AllOf) s).items()) {
      String field = item.field() == null ? "" : item.field();
      for (ValueMatcher m : item.values()) {
        value(identifier, field, m, out);
      }
    }
  }

  private static void value(String identifier, String field, ValueMatcher m, List<Row> out) {
    if (m instanceof ValueMatcher.AnyOf any) {
      any.alternatives().forEach(a -> value(identifier, field, a, out));
    } else if (m instanceof ValueMatcher.Text t) {
      text(identifier, field, t, out);
    } else if (m instanceof ValueMatcher.NumberEquals n) {
      out.add(row(identifier, field, "eq", n.value().stripTrailingZeros().toPlainString(),
          "number", n.value().stripTrailingZeros()));
    } else if (m instanceof ValueMatcher.BooleanEquals b) {
      // The boolean true holds exactly where the text 'true' (any case) holds (semantics §3.1).
      out.add(row(identifier, field, "eq", String.valueOf(b.value()), "text", String.valueOf(b.value()), false));
    } else if (m instanceof ValueMatcher.IsNull) {
      out.add(row(identifier, field, "null", ""));
    } else if (m instanceof ValueMatcher.Exists) {
      out.add(row(identifier, field, "exists", ""));
    } else if (m instanceof ValueMatcher.Regex r) {
      out.add(row(identifier, field, "re", r.regex(), r.regex(), r.flags()));
    } else if (m instanceof ValueMatcher.Cidr c) {
      out.add(row(identifier, field, "cidr", c.network(), Arrays.toString(c.address()), c.prefixLength()));
    } else if (m instanceof ValueMatcher.NumberCompare c) {
      out.add(row(identifier, field, c.comparison().modifier(), c.threshold().toPlainString(),
          c.threshold().stripTrailingZeros()));
    } else if (m instanceof ValueMatcher.TimeCompare t) {
      out.add(row(identifier, field, t.part().modifier() + "_" + t.comparison().modifier(),
          t.value().toPlainString(), t.value().stripTrailingZeros()));
    } else if (m instanceof ValueMatcher.FieldRef f) {
      out.add(row(identifier, field, "fieldref_" + f.position().name().toLowerCase(Locale.ROOT), f.field(),
          f.field(), f.cased()));
    } else {
      throw new AssertionError("unknown matcher " + m);
    }
  }

  /**
   * A text value by the shape of its folded pattern: no wildcard is {@code eq}; {@code *x} ends with,
   * {@code x*} starts with, {@code *x*} contains, only stars matches any text, anything else is a
   * wildcard pattern.
   */
  private static void text(String identifier, String field, ValueMatcher.Text t, List<Row> out) {
    List<SigmaPattern.Token> tokens = t.comparable().tokens();
    StringBuilder shape = new StringBuilder();
    String literal = "";
    for (SigmaPattern.Token tok : tokens) {
      switch (tok.kind()) {
        case LITERAL -> {
          shape.append('L');
          literal = tok.text();
        }
        case STAR -> shape.append('*');
        case ONE -> shape.append('?');
      }
    }
    String s = shape.toString();
    if (s.matches("\\*+")) {
      out.add(row(identifier, field, "any", "", "text"));
      return;
    }
    String kind = switch (s) {
      case "", "L" -> "eq";
      case "*L" -> "ends_with";
      case "L*" -> "starts_with";
      case "*L*" -> "contains";
      default -> "wildcard";
    };
    String value = kind.equals("wildcard") ? t.comparable().toString() : literal;
    out.add(row(identifier, field, kind, value, "text", value, t.cased()));
  }

  private static Row row(String identifier, String field, String kind, String value, Object... identity) {
    return new Row(identifier, field, kind, value, new Key(field, kind, List.of(identity)));
  }
}
