package io.sigmatch.index;

import java.util.Arrays;

/**
 * Estimates, before RE2/J sees a regex, how large the program RE2/J compiles from it will be.
 * RE2/J 1.8 rejects a single count over 1000 but not nested counts whose product is huge: it
 * copies {@code x{n}} n times, so {@code ((a{1000}){1000}){1000}} becomes 10^9 instructions and
 * compiling it takes minutes and gigabytes. RE2 (C++) bounds this; RE2/J does not, so the loader
 * rejects a regex whose estimate is over {@link #LIMIT}.
 *
 * <p>The estimate counts one per literal character, class, dot, escape or anchor; a group or an
 * alternation is the sum of its parts; {@code {n}}, {@code {n,}} and {@code {n,m}} multiply the
 * piece before them by their largest count ({@code n} for {@code {n,}}, which RE2/J writes as
 * n-1 copies and a plus); {@code *}, {@code +} and {@code ?} multiply nothing. Measured on JDK 17
 * in a fresh JVM, an estimate of 1,000,000 compiles in 0.2 to 0.45 s whatever its shape
 * ({@code (a{1000}){1000}}, {@code ((x{2,10}){100}){1000}}, {@code ([a-z]{1000}){1000}},
 * {@code ((abcdefghij){1000}){100}}), 10^7 in 0.3 to 1.3 s, 10^9 not within 20 s. It
 * over-estimates an alternation of single characters, which RE2/J merges into one class
 * ({@code ((a|b|c){100}){100}){100}} counts 3,000,000 and compiles in 0.22 s), so such a regex is
 * rejected from a third of the product that would really be slow; SigmaHQ has none near it.
 *
 * <p>Reads RE2 syntax the way RE2/J's parser does: {@code \{}, {@code \Q...\E} and a {@code {} in
 * a class or not followed by a valid count are literals. On text that RE2/J rejects as a syntax
 * error it may answer anything, since such a regex is rejected anyway. One pass, O(length of the
 * regex): every look-ahead stops at the first character that cannot continue it and a failed one
 * is re-read as literals, so no character is read more than twice.
 *
 * <pre>{@code
 * RepetitionSize.estimate("((a{1000}){1000}){1000}") > RepetitionSize.LIMIT   // true: reject
 * }</pre>
 */
public final class RepetitionSize {
  /** The largest estimate accepted; see the class comment for the measurements behind it. */
  public static final long LIMIT = 1_000_000;

  /** Saturation point of the arithmetic, far above {@link #LIMIT} and far from overflow. */
  private static final long CAP = 1L << 40;

  /** RE2/J rejects larger counts; saturating there keeps a long digit run from overflowing. */
  private static final int MAX_COUNT = 1001;

  private final String regex;
  private int at;
  /** Per open group: the size of its parts so far, and of its last piece, which a count repeats. */
  private long[] total = new long[8];
  private long[] last = new long[8];
  private int depth;

  private RepetitionSize(String regex) {
    this.regex = regex;
  }

  /** The estimated number of instructions RE2/J compiles {@code regex} to, saturated at 2^40. */
  public static long estimate(String regex) {
    return new RepetitionSize(regex).scan();
  }

  private long scan() {
    while (at < regex.length()) {
      int c = regex.codePointAt(at);
      at += Character.charCount(c);
      switch (c) {
        case '\\' -> escape();
        case '[' -> {
          bracketClass();
          piece(1);
        }
        case '(' -> openGroup();
        case ')' -> closeGroup();
        case '|' -> last[depth] = 0;
        case '*', '+', '?' -> {
          // Repeat nothing: RE2/J compiles one loop; nor does the ? that makes a count lazy.
        }
        case '{' -> count();
        default -> piece(1);
      }
    }
    while (depth > 0) {
      closeGroup();
    }
    return total[0];
  }

  private void piece(long size) {
    total[depth] = add(total[depth], size);
    last[depth] = size;
  }

  /** After a {@code {}: a counted repetition of the last piece, or else a literal brace. */
  private void count() {
    int i = at;
    int min = 0;
    int digits = 0;
    while (i < regex.length() && isDigit(regex.charAt(i))) {
      min = Math.min(min * 10 + regex.charAt(i++) - '0', MAX_COUNT);
      digits++;
    }
    int max = min;
    if (digits > 0 && i < regex.length() && regex.charAt(i) == ',') {
      i++;
      int maxDigits = 0;
      max = 0;
      while (i < regex.length() && isDigit(regex.charAt(i))) {
        max = Math.min(max * 10 + regex.charAt(i++) - '0', MAX_COUNT);
        maxDigits++;
      }
      if (maxDigits == 0) {
        max = Math.max(min, 1);
      }
    }
    if (digits == 0 || i >= regex.length() || regex.charAt(i) != '}') {
      piece(1);
      return;
    }
    at = i + 1;
    long repeated = multiply(last[depth], max);
    total[depth] = add(total[depth] - last[depth], repeated);
    last[depth] = repeated;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** After a backslash outside a class: {@code \Q...\E} is one piece per character, else one. */
  private void escape() {
    if (at >= regex.length()) {
      piece(1);
      return;
    }
    char next = regex.charAt(at);
    if (next == 'Q') {
      at = Re2Lexer.quoted(regex, at, c -> piece(1));
      return;
    }
    skipEscape();
    piece(1);
  }

  /**
   * Skips the escape whose letter is at {@code at}, braces included ({@code \x{41}},
   * {@code \p{Greek}}) and the digits of an octal escape, so that none is read as a count.
   */
  private void skipEscape() {
    char c = regex.charAt(at);
    at = c == 'p' || c == 'P' ? Re2Lexer.unicodeClassEnd(regex, at) : Re2Lexer.end(Re2Lexer.escape(regex, at));
  }

  /** Skips a bracket class, {@code at} just past its {@code [}; a {@code ]} first is a literal. */
  private void bracketClass() {
    at = Re2Lexer.bracketClass(regex, at, (low, high) -> { });
  }

  /** After {@code (}: opens a group, skipping its {@code ?P<name>} or flags; {@code (?i)} opens none. */
  private void openGroup() {
    if (regex.startsWith("?P<", at) || regex.startsWith("?<", at)) {
      int i = at + (regex.charAt(at + 1) == 'P' ? 3 : 2);
      while (i < regex.length() && (Character.isLetterOrDigit(regex.charAt(i))
          || regex.charAt(i) == '_')) {
        i++;
      }
      if (i < regex.length() && regex.charAt(i) == '>') {
        at = i + 1;
      }
    } else if (regex.startsWith("?", at)) {
      int i = at + 1;
      while (i < regex.length() && "imsU-".indexOf(regex.charAt(i)) >= 0) {
        i++;
      }
      if (i < regex.length() && regex.charAt(i) == ')') {
        // (?flags) is no group and nothing to repeat: it sets flags for the rest of the group.
        at = i + 1;
        last[depth] = 0;
        return;
      }
      if (i < regex.length() && regex.charAt(i) == ':') {
        at = i + 1;
      }
    }
    if (++depth == total.length) {
      total = Arrays.copyOf(total, depth * 2);
      last = Arrays.copyOf(last, depth * 2);
    }
    total[depth] = 0;
    last[depth] = 0;
  }

  /** A group's end: its whole size becomes one piece of the enclosing group. */
  private void closeGroup() {
    if (depth == 0) {
      piece(1);
      return;
    }
    long size = total[depth--];
    piece(size);
  }

  private static long add(long a, long b) {
    return Math.min(a + b, CAP);
  }

  private static long multiply(long a, long b) {
    return b != 0 && a > CAP / b ? CAP : Math.min(a * b, CAP);
  }
}
