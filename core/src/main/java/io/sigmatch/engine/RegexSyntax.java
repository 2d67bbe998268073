package io.sigmatch.engine;

/** Small pieces of RE2 syntax shared by the regex prefilters. */
final class RegexSyntax {
  private RegexSyntax() {}

  /**
   * The index just past the character class opening at {@code open} ({@code [...]}, with
   * escapes, a leading {@code ^} or {@code ]}, and {@code [:name:]} classes), or -1 when it does
   * not close.
   */
  static int skipClass(String regex, int open) {
    int i = open + 1;
    if (i < regex.length() && regex.charAt(i) == '^') {
      i++;
    }
    if (i < regex.length() && regex.charAt(i) == ']') {
      i++;
    }
    for (; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[' && i + 1 < regex.length() && regex.charAt(i + 1) == ':') {
        int close = regex.indexOf(":]", i + 2);
        if (close < 0) {
          return -1;
        }
        i = close + 1;
      } else if (c == ']') {
        return i + 1;
      }
    }
    return -1;
  }
}
