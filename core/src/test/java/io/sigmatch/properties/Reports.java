package io.sigmatch.properties;

import io.sigmatch.rule.SigmaRule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Readable renderings for failure messages: events as Java literals with their value types. */
final class Reports {
  private Reports() {}

  static String ruleYaml(SigmaRule rule) {
    return RuleYamlPrinter.print(rule);
  }

  /** An event as a Java expression that rebuilds it (paste into an example test). */
  static String event(Map<String, ?> event) {
    return map(event);
  }

  private static String map(Map<?, ?> m) {
    if (m.isEmpty()) {
      return "Map.of()";
    }
    return m.entrySet().stream().map(e -> java(String.valueOf(e.getKey())) + ", " + value(e.getValue()))
        .collect(Collectors.joining(", ", "map(", ")"));
  }

  static String value(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return java(s);
    }
    if (v instanceof Integer || v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof Long l) {
      return l + "L";
    }
    if (v instanceof Double d) {
      return d.isNaN() ? "Double.NaN" : d.isInfinite() ? (d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY")
          : d + "d";
    }
    if (v instanceof BigDecimal d) {
      return "new BigDecimal(\"" + d + "\")";
    }
    if (v instanceof List<?> l) {
      return l.stream().map(Reports::value).collect(Collectors.joining(", ", "list(", ")"));
    }
    if (v instanceof Map<?, ?> m) {
      return map(m);
    }
    return v + " /* " + v.getClass().getSimpleName() + " */";
  }

  /** A Java string literal; non-ASCII and control characters as {@code \\uXXXX}. */
  static String java(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format("\\u%04X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
