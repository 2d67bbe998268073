package io.sigmatch.engine;

/**
 * Bounds on the length of any match of a regular expression, in code points, so a value that
 * cannot hold a match skips RE2/J: shorter than the least bound (RE2/J spends milliseconds on a
 * long value against {@code .{1000,}}), or, for an expression anchored at both ends, longer than
 * the greatest (a 600-char call trace against a three-frame {@code ^...$} pattern).
 *
 * <p>Conservative: every atom counts one code point, {@code ?} and {@code *} from zero,
 * {@code {n,m}} n to m copies, {@code *}, {@code +} and {@code {n,}} without an upper bound, groups
 * their shortest and longest alternative; anything unclear counts zero to unbounded. O(length).
 *
 * <pre>{@code
 * RegexLength.minimum(".{1000,}")        // 1000
 * RegexLength.minimum("a|bc")            // 1
 * RegexLength.maximum("^a{2,5}b$")       // 6
 * RegexLength.maximum("^a+$")            // UNBOUNDED
 * }</pre>
 */
final class RegexLength {
  /** No upper bound, or none this reading can prove. */
  static final int UNBOUNDED = Integer.MAX_VALUE;
  private static final int CAP = 1 << 20;

  private RegexLength() {}

  private record Bounds(long least, long most) {
    static final Bounds UNCLEAR = new Bounds(0, UNBOUNDED);

    Bounds times(long min, long max) {
      return new Bounds(Math.min(CAP, least * min), saturate(most * max, most > 0 && max > 0));
    }

    Bounds plus(Bounds o) {
      return new Bounds(Math.min(CAP, least + o.least), saturate(most + o.most, true));
    }

    private static long saturate(long v, boolean nonZero) {
      return !nonZero ? 0 : v >= UNBOUNDED || v < 0 ? UNBOUNDED : v;
    }
  }

  static int minimum(String regex) {
    return (int) bounds(regex).least;
  }

  /** The greatest match length, or {@link #UNBOUNDED}. */
  static int maximum(String regex) {
    return (int) Math.min(UNBOUNDED, bounds(regex).most);
  }

  /**
   * Whether a match must span the whole text: {@code ^} first, an unescaped {@code $} last, no
   * top-level alternation and no flags that would make them line anchors.
   */
  static boolean anchoredBothEnds(String regex, int flags) {
    if ((flags & com.google.re2j.Pattern.MULTILINE) != 0 || !regex.startsWith("^") || !regex.endsWith("$")) {
      return false;
    }
    int backslashes = 0;
    for (int i = regex.length() - 2; i >= 0 && regex.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 0 && !hasTopLevelBar(regex) && !hasFlagGroup(regex);
  }

  /** Whether an inline flag group such as {@code (?m)} could turn the anchors into line anchors. */
  private static boolean hasFlagGroup(String r) {
    for (int i = r.indexOf("(?"); i >= 0; i = r.indexOf("(?", i + 2)) {
      if (i + 2 >= r.length() || r.charAt(i + 2) != ':') {
        return true;
      }
    }
    return false;
  }

  private static boolean hasTopLevelBar(String r) {
    int depth = 0;
    for (int i = 0; i < r.length(); i++) {
      char c = r.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        i = RegexSyntax.skipClass(r, i);
        if (i < 0) {
          return true;
        }
        i--;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return true;
      }
    }
    return false;
  }

  private static Bounds bounds(String regex) {
    int[] end = {0};
    Bounds b = alternatives(regex, 0, end);
    return end[0] == regex.length() ? b : Bounds.UNCLEAR;
  }

  /** The bounds over the alternatives from {@code from} to the end or a closing parenthesis. */
  private static Bounds alternatives(String r, int from, int[] end) {
    long least = Long.MAX_VALUE;
    long most = 0;
    int i = from;
    while (true) {
      int[] stop = {i};
      Bounds b = sequence(r, i, stop);
      least = Math.min(least, b.least);
      most = Math.max(most, b.most);
      i = stop[0];
      if (i < r.length() && r.charAt(i) == '|') {
        i++;
        continue;
      }
      end[0] = i;
      return new Bounds(least == Long.MAX_VALUE ? 0 : least, most);
    }
  }

  /** The bounds of a sequence of atoms up to {@code |}, {@code )} or the end. */
  private static Bounds sequence(String r, int from, int[] stop) {
    Bounds total = new Bounds(0, 0);
    int i = from;
    while (i < r.length() && r.charAt(i) != '|' && r.charAt(i) != ')') {
      Bounds atom;
      char c = r.charAt(i);
      if (c == '*' || c == '+' || c == '?' || c == '{') {
        // A quantifier with nothing before it here (after a flag group): too unclear to bound.
        stop[0] = r.length();
        return Bounds.UNCLEAR;
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
          return Bounds.UNCLEAR;
        }
        i = end[0] + 1;
      } else if (c == '[') {
        i = RegexSyntax.skipClass(r, i);
        if (i < 0) {
          stop[0] = r.length();
          return Bounds.UNCLEAR;
        }
        atom = new Bounds(1, 1);
      } else if (c == '\\') {
        char e = i + 1 < r.length() ? r.charAt(i + 1) : 0;
        if (e == 0 || e == 'Q' || e == 'x' || e == 'p' || e == 'P' || Character.isDigit(e)) {
          stop[0] = r.length();
          return Bounds.UNCLEAR;
        }
        atom = "bBAzE".indexOf(e) >= 0 ? new Bounds(0, 0) : new Bounds(1, 1);
        i += 2;
      } else if (c == '^' || c == '$') {
        atom = new Bounds(0, 0);
        i++;
      } else {
        atom = new Bounds(1, 1);
        i++;
      }
      long[] repeat = quantifier(r, i);
      total = total.plus(atom.times(repeat[0], repeat[1]));
      i = (int) repeat[2];
    }
    stop[0] = i;
    return total;
  }

  /**
   * The least and greatest repeat count of the quantifier at {@code i} (1 and 1 without one) and
   * where it ends.
   */
  private static long[] quantifier(String r, int i) {
    if (i >= r.length()) {
      return new long[] {1, 1, i};
    }
    char q = r.charAt(i);
    long least;
    long most;
    int next;
    if (q == '*' || q == '?') {
      least = 0;
      most = q == '?' ? 1 : UNBOUNDED;
      next = i + 1;
    } else if (q == '+') {
      least = 1;
      most = UNBOUNDED;
      next = i + 1;
    } else if (q == '{') {
      int close = r.indexOf('}', i);
      String body = close < 0 ? "" : r.substring(i + 1, close);
      String[] parts = body.split(",", -1);
      if (close < 0 || parts.length > 2 || !parts[0].matches("[0-9]{1,7}")
          || (parts.length == 2 && !parts[1].isEmpty() && !parts[1].matches("[0-9]{1,7}"))) {
        return new long[] {0, UNBOUNDED, close < 0 ? r.length() : close + 1};
      }
      least = Long.parseLong(parts[0]);
      most = parts.length == 1 ? least : parts[1].isEmpty() ? UNBOUNDED : Long.parseLong(parts[1]);
      next = close + 1;
    } else {
      return new long[] {1, 1, i};
    }
    if (next < r.length() && (r.charAt(next) == '?' || r.charAt(next) == '+')) {
      next++;
    }
    return new long[] {least, most, next};
  }
}
