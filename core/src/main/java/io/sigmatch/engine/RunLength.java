package io.sigmatch.engine;

import java.util.regex.Matcher;

/**
 * A regex that only asks for a run of N or more characters of one class, such as
 * {@code .{1000,}} (a very long line) or {@code [^/]{100,}$} (a long last path segment). RE2
 * runs such a counted repetition as N program states per text position, about 1000 times the
 * cost of this single pass, which counts the current run.
 *
 * <p>Recognized, without flags: an optional {@code ^}, then {@code .}, {@code (.)} or a negated
 * set of plain ASCII chars {@code [^...]}, then {@code {N,}}, then an optional {@code $}. As in
 * RE2, {@code .} is any code point but newline, a negated set matches newline, {@code ^} and
 * {@code $} are the ends of the text, and the count is in code points.
 *
 * <p>Time: O(n) for a text of n chars, no allocation.
 */
final class RunLength {
  private static final java.util.regex.Pattern SHAPE =
      java.util.regex.Pattern.compile("(\\^?)(?:\\.|\\(\\.\\)|\\[\\^([\\x20-\\x7e&&[^\\]\\\\\\-\\[^]]+)\\])\\{(\\d+),\\}(\\$?)");

  private final String excluded;
  private final int minimum;
  private final boolean atStart;
  private final boolean atEnd;

  private RunLength(String excluded, int minimum, boolean atStart, boolean atEnd) {
    this.excluded = excluded;
    this.minimum = minimum;
    this.atStart = atStart;
    this.atEnd = atEnd;
  }

  /** The run the regex asks for, or null when it has another shape or any flag. */
  static RunLength of(String regex, int flags) {
    Matcher m = SHAPE.matcher(regex);
    if (flags != 0 || !m.matches()) {
      return null;
    }
    String excluded = m.group(2) == null ? "\n" : m.group(2);
    return new RunLength(excluded, Integer.parseInt(m.group(3)), !m.group(1).isEmpty(), !m.group(4).isEmpty());
  }

  boolean matches(CharSequence text) {
    int n = text.length();
    if (n < minimum) {
      return false;
    }
    int run = 0;
    for (int i = 0; i < n; ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (cp < 128 && excluded.indexOf(cp) >= 0) {
        if (atStart && run < minimum) {
          return false;
        }
        run = 0;
        continue;
      }
      run++;
      if (run >= minimum && !atEnd) {
        return true;
      }
    }
    return run >= minimum && (!atStart || run == runesOf(text));
  }

  private static int runesOf(CharSequence text) {
    return Character.codePointCount(text, 0, text.length());
  }
}
