package io.sigmatch.index;

import java.util.function.IntConsumer;

/**
 * The pieces of RE2 syntax that every regex reader here needs, read the way RE2/J's parser reads
 * them: escapes that stand for one character, Unicode class names, POSIX class names and bracket
 * classes. The DFA's parser builds on them, and so do the loader's pre-scans, which find the regexes
 * RE2/J would hang on before RE2/J sees them; reading escapes and classes one way for all keeps the
 * three from drifting apart.
 *
 * <p>On a regex RE2/J rejects, a reader may go any way (such a regex is rejected anyway), but never
 * backwards: every method returns a position past the one it was given, or the regex's length.
 *
 * <pre>{@code
 * long e = Re2Lexer.escape("\\x{41}b", 1);     // just past the backslash
 * Re2Lexer.codePoint(e);                        // 'A'
 * Re2Lexer.end(e);                              // 6, the 'b'
 * }</pre>
 *
 * <p>Time: each method is O(length of what it reads).
 */
public final class Re2Lexer {
  /** The {@link #codePoint} of an escape that is no single character: a class, an assertion, an error. */
  public static final int NOT_A_CHAR = -1;

  /** The longest POSIX class RE2 knows: a farther {@code :]} cannot end one. */
  private static final int LONGEST_POSIX = "[:^xdigit:]".length();

  /** Receives the characters and ranges of a bracket class, as code points, {@code low <= high}. */
  @FunctionalInterface
  public interface ClassRanges {
    void range(int low, int high);
  }

  private Re2Lexer() {}

  /**
   * Reads the escape whose first character after the backslash is at {@code at}: octal
   * ({@code \0}, {@code \12}, {@code \101}; a lone {@code \1}..{@code \7} is a back-reference),
   * hex ({@code \x41}, {@code \x{1F600}}), {@code \a \f \n \r \t \v}, or ASCII punctuation, which
   * stands for itself. Anything else ({@code \d}, {@code \b}, {@code \p}, other letters and digits,
   * non-ASCII) is {@link #NOT_A_CHAR}. Returns the code point and the position just past the escape,
   * packed: read them with {@link #codePoint} and {@link #end}.
   */
  public static long escape(String regex, int at) {
    if (at >= regex.length()) {
      return packed(NOT_A_CHAR, regex.length());
    }
    int c = regex.codePointAt(at);
    int next = at + Character.charCount(c);
    return switch (c) {
      case '0', '1', '2', '3', '4', '5', '6', '7' -> octal(regex, at);
      case 'x' -> hex(regex, next);
      case 'a' -> packed(7, next);
      case 'f' -> packed('\f', next);
      case 'n' -> packed('\n', next);
      case 'r' -> packed('\r', next);
      case 't' -> packed('\t', next);
      case 'v' -> packed(0x0B, next);
      // Only ASCII punctuation stands for itself; letters are classes, assertions or errors.
      default -> packed(c < 0x80 && !Character.isLetterOrDigit(c) ? c : NOT_A_CHAR, next);
    };
  }

  /** The code point of an {@link #escape}, or {@link #NOT_A_CHAR}. */
  public static int codePoint(long escape) {
    return (int) escape;
  }

  /** Where an {@link #escape} ends: the position just past it. */
  public static int end(long escape) {
    return (int) (escape >>> 32);
  }

  private static long packed(int codePoint, int end) {
    return (long) end << 32 | (codePoint & 0xFFFF_FFFFL);
  }

  private static long octal(String regex, int at) {
    // RE2 reads a lone \1..\7 as a back-reference, which it rejects.
    if (regex.charAt(at) != '0' && !octalDigitAt(regex, at + 1)) {
      return packed(NOT_A_CHAR, at + 1);
    }
    int value = regex.charAt(at) - '0';
    int i = at + 1;
    for (int digits = 1; digits < 3 && octalDigitAt(regex, i); digits++) {
      value = value * 8 + regex.charAt(i++) - '0';
    }
    return packed(value, i);
  }

  private static boolean octalDigitAt(String regex, int i) {
    return i < regex.length() && regex.charAt(i) >= '0' && regex.charAt(i) <= '7';
  }

  /** {@code \xHH} or {@code \x{H...}}, {@code at} just past the {@code x}. */
  private static long hex(String regex, int at) {
    if (at < regex.length() && regex.charAt(at) == '{') {
      int value = 0;
      int i = at + 1;
      while (i < regex.length() && Character.digit(regex.charAt(i), 16) >= 0) {
        // Saturate past the largest code point so a long run of digits cannot overflow.
        value = Math.min(value * 16 + Character.digit(regex.charAt(i), 16), Character.MAX_CODE_POINT + 1);
        i++;
      }
      boolean closed = i > at + 1 && i < regex.length() && regex.charAt(i) == '}';
      return packed(closed && value <= Character.MAX_CODE_POINT ? value : NOT_A_CHAR, closed ? i + 1 : i);
    }
    if (at + 1 < regex.length() && Character.digit(regex.charAt(at), 16) >= 0
        && Character.digit(regex.charAt(at + 1), 16) >= 0) {
      return packed(Character.digit(regex.charAt(at), 16) * 16 + Character.digit(regex.charAt(at + 1), 16), at + 2);
    }
    return packed(NOT_A_CHAR, at);
  }

  /**
   * Reads {@code \Q...\E}, {@code at} on the {@code Q}: passes each code point inside, all
   * literals, to {@code each}; returns the position past the {@code \E}, or the regex's length when
   * there is none (the quote then runs to the end).
   */
  public static int quoted(String regex, int at, IntConsumer each) {
    int close = regex.indexOf("\\E", at + 1);
    int stop = close < 0 ? regex.length() : close;
    for (int i = at + 1; i < stop; ) {
      int c = regex.codePointAt(i);
      i += Character.charCount(c);
      each.accept(c);
    }
    return close < 0 ? stop : close + 2;
  }

  /**
   * The end of the Unicode class name after {@code \p} or {@code \P}, {@code at} on the
   * {@code p}: past {@code {Name}}, or past the one letter of {@code \pL}.
   */
  public static int unicodeClassEnd(String regex, int at) {
    int i = at + 1;
    if (i < regex.length() && regex.charAt(i) == '{') {
      int close = regex.indexOf('}', i);
      return close < 0 ? regex.length() : close + 1;
    }
    return i < regex.length() ? i + Character.charCount(regex.codePointAt(i)) : regex.length();
  }

  /**
   * The end of the POSIX class ({@code [:alpha:]}, {@code [:^digit:]}) starting at {@code at}
   * inside a bracket class, or -1 when none starts there. O(1).
   */
  public static int posixClassEnd(String regex, int at) {
    if (!regex.startsWith("[:", at)) {
      return -1;
    }
    int limit = Math.min(regex.length() - 1, at + LONGEST_POSIX - 1);
    for (int i = at + 2; i < limit; i++) {
      if (regex.charAt(i) == ':' && regex.charAt(i + 1) == ']') {
        return i + 2;
      }
    }
    return -1;
  }

  /**
   * Reads the bracket class whose {@code [} is just before {@code at}: an optional {@code ^}, a
   * {@code ]} first that is a literal, then items up to the closing {@code ]}. Passes each single
   * character and each range to {@code ranges}, not the POSIX, Perl ({@code \d}) and Unicode
   * ({@code \pL}) classes, which it skips; returns the position past the {@code ]}, or the regex's
   * length when the class is not closed.
   */
  public static int bracketClass(String regex, int at, ClassRanges ranges) {
    int i = at < regex.length() && regex.charAt(at) == '^' ? at + 1 : at;
    boolean first = true;
    while (i < regex.length() && (first || regex.charAt(i) != ']')) {
      first = false;
      int posixEnd = posixClassEnd(regex, i);
      if (posixEnd >= 0) {
        i = posixEnd;
        continue;
      }
      if (regex.startsWith("\\p", i) || regex.startsWith("\\P", i)) {
        i = unicodeClassEnd(regex, i + 1);
        continue;
      }
      if (i + 1 < regex.length() && regex.charAt(i) == '\\' && "dDsSwW".indexOf(regex.charAt(i + 1)) >= 0) {
        i += 2;
        continue;
      }
      long low = classChar(regex, i);
      long high = low;
      i = end(low);
      if (i + 1 < regex.length() && regex.charAt(i) == '-' && regex.charAt(i + 1) != ']') {
        high = classChar(regex, i + 1);
        i = end(high);
      }
      if (codePoint(low) != NOT_A_CHAR && codePoint(high) >= codePoint(low)) {
        ranges.range(codePoint(low), codePoint(high));
      }
    }
    return Math.min(i + 1, regex.length());
  }

  /** One character of a class at {@code at}, plain or escaped, packed as {@link #escape} packs it. */
  private static long classChar(String regex, int at) {
    int c = regex.codePointAt(at);
    int next = at + Character.charCount(c);
    if (c != '\\') {
      return packed(c, next);
    }
    return next < regex.length() ? escape(regex, next) : packed(NOT_A_CHAR, next);
  }
}
