package io.sigmatch.properties;

import io.sigmatch.rule.SigmaRule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Prints a loaded rule back to YAML from its model ({@link SigmaRule#body()}, the document as
 * plain values), in block style with single-quoted strings: parsing the output again must give
 * the same detection.
 */
final class RuleYamlPrinter {
  private RuleYamlPrinter() {}

  static String print(SigmaRule rule) {
    return print(rule.body());
  }

  /** Prints a rule document given as plain values. */
  static String print(Map<?, ?> body) {
    StringBuilder b = new StringBuilder();
    map(body, "", b);
    return b.toString();
  }

  private static void map(Map<?, ?> m, String indent, StringBuilder b) {
    for (Map.Entry<?, ?> e : m.entrySet()) {
      b.append(indent).append(key(String.valueOf(e.getKey()))).append(':');
      value(e.getValue(), indent, b);
    }
  }

  private static void value(Object v, String indent, StringBuilder b) {
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      b.append('\n');
      map(m, indent + "  ", b);
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      b.append('\n');
      for (Object o : l) {
        b.append(indent).append("  -");
        if (o instanceof Map<?, ?> m && !m.isEmpty()) {
          // First entry on the dash line, the others aligned under it.
          StringBuilder inner = new StringBuilder();
          map(m, indent + "    ", inner);
          b.append(' ').append(inner.substring(indent.length() + 4));
        } else {
          value(o, indent + "  ", b);
        }
      }
    } else {
      b.append(' ').append(scalar(v)).append('\n');
    }
  }

  static String scalar(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Map<?, ?>) {
      return "{}";
    }
    if (v instanceof List<?>) {
      return "[]";
    }
    if (v instanceof Boolean bool) {
      return bool.toString();
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Number n) {
      return n.toString();
    }
    String s = String.valueOf(v);
    if (s.chars().anyMatch(c -> c < 0x20)) {
      return doubleQuoted(s);
    }
    return plainSafe(s) ? s : SigmaText.quote(s);
  }

  private static String doubleQuoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints().forEach(cp -> {
      if (cp == '"' || cp == '\\') {
        b.append('\\').appendCodePoint(cp);
      } else if (cp < 0x20) {
        b.append(String.format("\\x%02x", cp));
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.append('"').toString();
  }

  private static String key(String k) {
    return plainSafe(k) ? k : SigmaText.quote(k);
  }

  /** Whether YAML (1.1 rules, as the loader reads) reads the text back as this same string. */
  private static boolean plainSafe(String s) {
    return s.matches("[A-Za-z_][A-Za-z0-9_.|-]*") && !s.matches("(?i)y|n|yes|no|on|off|true|false|null|~");
  }
}
