package io.sigmatch.engine;

/**
 * A lower bound on the length of any match of a regular expression, in code points, so a value
 * shorter than it skips the regex (RE2/J spends milliseconds on a long value against
 * {@code .{1000,}}). Conservative: every atom counts one code point, optional or starred atoms
 * zero, {@code {n,…}} n copies, groups their shortest alternative, anything unclear zero. O(length).
 *
 * <pre>{@code
 * RegexLength.minimum(".{1000,}")   // 1000
 * RegexLength.minimum("(.){200,}")  // 200
 * RegexLength.minimum("a|bc")       // 1
 * }</pre>
 */
final class RegexLength {
  private static final int CAP = 1 << 20;

  private RegexLength() {}

  static int minimum(String regex) {
    int[] end = {0};
    int n = alternatives(regex, 0, end);
    return end[0] == regex.length() ? n : 0;
  }

  /** The shortest alternative from {@code from} to the end or a closing parenthesis. */
  private static int alternatives(String r, int from, int[] end) {
    int best = Integer.MAX_VALUE;
    int i = from;
    while (true) {
      int[] stop = {i};
      int len = sequence(r, i, stop);
      best = Math.min(best, len);
      i = stop[0];
      if (i < r.length() && r.charAt(i) == '|') {
        i++;
        continue;
      }
      end[0] = i;
      return best == Integer.MAX_VALUE ? 0 : best;
    }
  }

  /** The length of a sequence of atoms up to {@code |}, {@code )} or the end. */
  private static int sequence(String r, int from, int[] stop) {
    long total = 0;
    int i = from;
    while (i < r.length() && r.charAt(i) != '|' && r.charAt(i) != ')') {
      int atom;
      char c = r.charAt(i);
      if (c == '*' || c == '+' || c == '?' || c == '{') {
        // A quantifier with nothing before it here (after a flag group): too unclear to bound.
        stop[0] = r.length();
        return 0;
      }
      if (c == '(') {
        int[] end = {0};
        int inner = i + 1;
        if (r.startsWith("?", inner)) {
          int close = r.indexOf(')', inner);
          int colon = r.indexOf(':', inner);
          if (colon < 0 || (close >= 0 && close < colon)) {
            i = close < 0 ? r.length() : close + 1;
            continue;
          }
          inner = colon + 1;
        }
        atom = alternatives(r, inner, end);
        if (end[0] >= r.length() || r.charAt(end[0]) != ')') {
          stop[0] = r.length();
          return 0;
        }
        i = end[0] + 1;
      } else if (c == '[') {
        i = RegexSyntax.skipClass(r, i);
        if (i < 0) {
          stop[0] = r.length();
          return 0;
        }
        atom = 1;
      } else if (c == '\\') {
        char e = i + 1 < r.length() ? r.charAt(i + 1) : 0;
        atom = "bBAzQE".indexOf(e) >= 0 || e == 0 ? 0 : 1;
        if (e == 'Q' || e == 'x' || e == 'p' || e == 'P' || Character.isDigit(e)) {
          stop[0] = r.length();
          return 0;
        }
        i += 2;
      } else if (c == '^' || c == '$') {
        atom = 0;
        i++;
      } else {
        atom = 1;
        i++;
      }
      int[] repeat = quantifier(r, i);
      total = Math.min(CAP, total + (long) atom * repeat[0]);
      i = repeat[1];
    }
    stop[0] = i;
    return (int) total;
  }

  /** The least repeat count of the quantifier at {@code i} (1 without one) and where it ends. */
  private static int[] quantifier(String r, int i) {
    if (i >= r.length()) {
      return new int[] {1, i};
    }
    char q = r.charAt(i);
    int least;
    int next;
    if (q == '*' || q == '?') {
      least = 0;
      next = i + 1;
    } else if (q == '+') {
      least = 1;
      next = i + 1;
    } else if (q == '{') {
      int close = r.indexOf('}', i);
      String body = close < 0 ? "" : r.substring(i + 1, close);
      String first = body.split(",", -1)[0];
      if (close < 0 || !first.matches("[0-9]{1,7}")) {
        return new int[] {0, close < 0 ? r.length() : close + 1};
      }
      least = Integer.parseInt(first);
      next = close + 1;
    } else {
      return new int[] {1, i};
    }
    if (next < r.length() && (r.charAt(next) == '?' || r.charAt(next) == '+')) {
      next++;
    }
    return new int[] {least, next};
  }
}
