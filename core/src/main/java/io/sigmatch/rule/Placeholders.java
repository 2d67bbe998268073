package io.sigmatch.rule;

import io.sigmatch.value.SigmaPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code expand} modifier: {@code %name%} placeholders replaced by the caller's values (each a
 * Sigma string, wildcards active), one OR-group per value (semantics §4.2, D19); several
 * placeholders give the cross product.
 *
 * <p>Tokens, left to right: {@code \%} is a literal {@code %}; {@code %}, a name without {@code %}
 * or {@code \}, and {@code %} form a placeholder; any other {@code %} is literal.
 */
final class Placeholders {
  private Placeholders() {}

  /** Parts of the value: literal Sigma text, or a placeholder name. */
  private record Part(String text, boolean placeholder) {}

  static List<SigmaPattern> expand(String raw, String path, LoaderSettings settings, Warnings warnings)
      throws RuleRejection {
    List<StringBuilderPattern> results = new ArrayList<>();
    results.add(new StringBuilderPattern());
    for (Part part : split(raw)) {
      if (!part.placeholder()) {
        for (StringBuilderPattern r : results) {
          SigmaStrings.appendTo(r.builder, part.text());
        }
        continue;
      }
      List<String> values = settings.placeholders().get(part.text());
      if (values == null || values.isEmpty()) {
        if (settings.rejectUnresolved()) {
          throw new RuleRejection(path, "placeholder %" + part.text() + "% has no configured value");
        }
        warnings.add(path, "placeholder %" + part.text() + "% has no value and matches anything");
        values = List.of("*");
      }
      List<StringBuilderPattern> next = new ArrayList<>();
      for (StringBuilderPattern r : results) {
        for (String v : values) {
          StringBuilderPattern copy = r.copy();
          SigmaStrings.appendTo(copy.builder, v);
          next.add(copy);
          if (next.size() > ModifierChain.MAX_ALTERNATIVES) {
            throw new RuleRejection(path, "placeholders expand to more than "
                + ModifierChain.MAX_ALTERNATIVES + " alternatives");
          }
        }
      }
      results = next;
    }
    List<SigmaPattern> out = new ArrayList<>(results.size());
    for (StringBuilderPattern r : results) {
      out.add(r.builder.build());
    }
    return out;
  }

  /** Substitutes placeholders into regex text verbatim (for {@code re|expand}). */
  static List<String> expandVerbatim(String raw, String path, LoaderSettings settings) throws RuleRejection {
    List<String> results = new ArrayList<>(List.of(""));
    for (Part part : split(raw)) {
      List<String> values;
      if (part.placeholder()) {
        values = settings.placeholders().get(part.text());
        if (values == null || values.isEmpty()) {
          if (settings.rejectUnresolved()) {
            throw new RuleRejection(path, "placeholder %" + part.text() + "% has no configured value");
          }
          values = List.of(".*");
        }
      } else {
        values = List.of(part.text());
      }
      List<String> next = new ArrayList<>();
      for (String r : results) {
        for (String v : values) {
          next.add(r + v);
        }
      }
      if (next.size() > ModifierChain.MAX_ALTERNATIVES) {
        throw new RuleRejection(path, "placeholders expand to more than " + ModifierChain.MAX_ALTERNATIVES
            + " alternatives");
      }
      results = next;
    }
    return results;
  }

  private static List<Part> split(String raw) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int n = raw.length();
    int i = 0;
    while (i < n) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < n && raw.charAt(i + 1) == '%') {
        literal.append('%');
        i += 2;
      } else if (c == '\\' && i + 1 < n && "*?\\".indexOf(raw.charAt(i + 1)) >= 0) {
        literal.append(c).append(raw.charAt(i + 1));
        i += 2;
      } else if (c == '%') {
        int end = placeholderEnd(raw, i);
        if (end < 0) {
          literal.append(c);
          i++;
        } else {
          if (literal.length() > 0) {
            parts.add(new Part(literal.toString(), false));
            literal.setLength(0);
          }
          parts.add(new Part(raw.substring(i + 1, end), true));
          i = end + 1;
        }
      } else {
        literal.append(c);
        i++;
      }
    }
    if (literal.length() > 0) {
      parts.add(new Part(literal.toString(), false));
    }
    return parts;
  }

  private static int placeholderEnd(String raw, int start) {
    for (int j = start + 1; j < raw.length(); j++) {
      char c = raw.charAt(j);
      if (c == '%') {
        return j > start + 1 ? j : -1;
      }
      if (c == '\\') {
        return -1;
      }
    }
    return -1;
  }

  /** A pattern under construction that can be copied for the cross product. */
  private static final class StringBuilderPattern {
    final SigmaPattern.Builder builder = SigmaPattern.builder();

    StringBuilderPattern copy() {
      StringBuilderPattern c = new StringBuilderPattern();
      c.builder.addAll(builder.build());
      return c;
    }
  }
}
