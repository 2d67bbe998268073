package io.sigmatch.rule;

import io.sigmatch.value.SigmaPattern;

/**
 * Reads rule text into a {@link SigmaPattern} with the exact escape algorithm of semantics §3.4:
 * {@code \} before {@code *}, {@code ?} or {@code \} takes that character literally; any other
 * {@code \} is a literal backslash; unescaped {@code *} and {@code ?} are wildcards. O(n).
 *
 * <pre>{@code
 * SigmaStrings.parse("C:\\Windows\\*")    // literal "C:\Windows*"  (no wildcard)
 * SigmaStrings.parse("C:\\Windows\\\\*")  // literal "C:\Windows\" then *
 * }</pre>
 */
final class SigmaStrings {
  private SigmaStrings() {}

  static SigmaPattern parse(String raw) {
    SigmaPattern.Builder b = SigmaPattern.builder();
    appendTo(b, raw);
    return b.build();
  }

  static void appendTo(SigmaPattern.Builder b, String raw) {
    int n = raw.length();
    int i = 0;
    int literalStart = 0;
    while (i < n) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < n && isEscapable(raw.charAt(i + 1))) {
        b.literal(raw.substring(literalStart, i)).literal(String.valueOf(raw.charAt(i + 1)));
        i += 2;
        literalStart = i;
      } else if (c == '*' || c == '?') {
        b.literal(raw.substring(literalStart, i));
        if (c == '*') {
          b.star();
        } else {
          b.one();
        }
        i++;
        literalStart = i;
      } else {
        i++;
      }
    }
    b.literal(raw.substring(literalStart));
  }

  private static boolean isEscapable(char c) {
    return c == '*' || c == '?' || c == '\\';
  }

  /**
   * Warns about {@code \*} or {@code \?} right after a path character (semantics D9): authors
   * often mean "a backslash, then a wildcard", which is written {@code \\*}.
   */
  static void warnEscapedWildcard(String raw, String path, Warnings warnings) {
    int n = raw.length();
    for (int i = 0; i + 1 < n; i++) {
      char c = raw.charAt(i);
      if (c == '\\') {
        char next = raw.charAt(i + 1);
        if ((next == '*' || next == '?') && i > 0 && raw.charAt(i - 1) != '\\') {
          warnings.add(path, "'\\" + next + "' is a literal '" + next + "' and the backslash is consumed;"
              + " write '\\\\" + next + "' for a backslash followed by a wildcard");
          return;
        }
        if (next == '\\' || next == '*' || next == '?') {
          i++;
        }
      }
    }
  }
}
