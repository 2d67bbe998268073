package io.sigmatch.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A regex that is a fixed sequence of single characters or character classes, such as
 * {@code [a-zA-Z]:\\} (a drive letter) or {@code \s-[FTd]\s} (a command-line switch), matched by
 * trying each start position. RE2/J spends about a hundred nanoseconds per char of the value on
 * such a pattern; this costs a few.
 *
 * <p>Recognized, without flags: literal ASCII chars, escaped punctuation, {@code .}, {@code \d
 * \D \s \S \w \W} (RE2's ASCII meanings) and bracket classes of those, ranges and optional
 * negation, with no quantifiers, groups, anchors or alternation. Positions hold ASCII sets; a
 * non-ASCII char is in a position's set only for {@code .}, {@code \D \S \W} and negated classes.
 * A value with a surrogate char goes to RE2, which reads code points where this reads chars.
 *
 * <p>Time: O(n · k) for a value of n chars and a pattern of k positions (k is a constant of the
 * rule); no allocation.
 */
final class ClassSequence {
  private static final int ASCII = 128;
  private static final int MAX_POSITIONS = 32;

  /** Per position, the ASCII chars it accepts. */
  private final boolean[][] accepts;
  /** Per position, whether it accepts a non-ASCII, non-surrogate char. */
  private final boolean[] acceptsOther;

  private ClassSequence(boolean[][] accepts, boolean[] acceptsOther) {
    this.accepts = accepts;
    this.acceptsOther = acceptsOther;
  }

  /** The sequence {@code regex} spells, or null when it is anything else or has flags. */
  static ClassSequence of(String regex, int flags) {
    if (flags != 0) {
      return null;
    }
    List<boolean[]> sets = new ArrayList<>();
    List<Boolean> others = new ArrayList<>();
    int i = 0;
    while (i < regex.length()) {
      boolean[] set = new boolean[ASCII];
      boolean[] other = {false};
      char c = regex.charAt(i);
      if (c == '[') {
        i = bracket(regex, i, set, other);
      } else if (c == '\\') {
        i = escape(regex, i, set, other, false);
      } else if (c == '.') {
        fill(set, 0, ASCII - 1, true);
        set['\n'] = false;
        other[0] = true;
        i++;
      } else if (c < ASCII && c >= ' ' && "()|*+?{}^$".indexOf(c) < 0) {
        set[c] = true;
        i++;
      } else {
        return null;
      }
      if (i < 0 || sets.size() == MAX_POSITIONS) {
        return null;
      }
      sets.add(set);
      others.add(other[0]);
    }
    if (sets.isEmpty()) {
      return null;
    }
    boolean[] acceptsOther = new boolean[others.size()];
    for (int k = 0; k < acceptsOther.length; k++) {
      acceptsOther[k] = others.get(k);
    }
    return new ClassSequence(sets.toArray(new boolean[0][]), acceptsOther);
  }

  /** Reads {@code [...]} at {@code i} into {@code set}; the index after it, or -1 if unsupported. */
  private static int bracket(String r, int i, boolean[] set, boolean[] other) {
    int j = i + 1;
    boolean negated = j < r.length() && r.charAt(j) == '^';
    if (negated) {
      j++;
    }
    boolean first = true;
    while (j < r.length() && (r.charAt(j) != ']' || first)) {
      first = false;
      char c = r.charAt(j);
      if (c == '[' || c >= ASCII) {
        return -1;
      }
      int low;
      if (c == '\\') {
        char e = j + 1 < r.length() ? r.charAt(j + 1) : 0;
        if ("dDsSwW".indexOf(e) >= 0) {
          j = escape(r, j, set, other, true);
          if (j < 0) {
            return -1;
          }
          continue;
        }
        if (e == 0 || Character.isLetterOrDigit(e) || e >= ASCII) {
          return -1;
        }
        low = e;
        j += 2;
      } else {
        low = c;
        j++;
      }
      if (j + 1 < r.length() && r.charAt(j) == '-' && r.charAt(j + 1) != ']') {
        char high = r.charAt(j + 1);
        if (high == '\\' || high == '[' || high >= ASCII || high < low) {
          return -1;
        }
        fill(set, low, high, true);
        j += 2;
      } else {
        set[low] = true;
      }
    }
    if (j >= r.length()) {
      return -1;
    }
    if (negated) {
      for (int k = 0; k < ASCII; k++) {
        set[k] = !set[k];
      }
      other[0] = !other[0];
    }
    return j + 1;
  }

  /** Reads the escape at {@code i} into {@code set}; the index after it, or -1 if unsupported. */
  private static int escape(String r, int i, boolean[] set, boolean[] other, boolean inClass) {
    char e = i + 1 < r.length() ? r.charAt(i + 1) : 0;
    switch (e) {
      case 'd', 'D' -> classOf(set, other, e == 'D', "0123456789");
      case 's', 'S' -> classOf(set, other, e == 'S', "\t\n\f\r ");
      case 'w', 'W' -> classOf(set, other, e == 'W',
          "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_");
      default -> {
        if (inClass || e == 0 || Character.isLetterOrDigit(e) || e >= ASCII || e < ' ') {
          return -1;
        }
        set[e] = true;
      }
    }
    return i + 2;
  }

  private static void classOf(boolean[] set, boolean[] other, boolean negated, String members) {
    for (int k = 0; k < ASCII; k++) {
      if ((members.indexOf(k) >= 0) != negated) {
        set[k] = true;
      }
    }
    other[0] |= negated;
  }

  private static void fill(boolean[] set, int from, int to, boolean value) {
    for (int k = from; k <= to; k++) {
      set[k] = value;
    }
  }

  /**
   * Whether the sequence occurs in {@code text}; null when the text has a surrogate char and so
   * needs RE2's reading by code points.
   */
  Boolean find(CharSequence text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return null;
      }
    }
    int k = accepts.length;
    for (int start = 0; start + k <= n; start++) {
      int j = 0;
      while (j < k) {
        char c = text.charAt(start + j);
        if (!(c < ASCII ? accepts[j][c] : acceptsOther[j])) {
          break;
        }
        j++;
      }
      if (j == k) {
        return Boolean.TRUE;
      }
    }
    return Boolean.FALSE;
  }
}
