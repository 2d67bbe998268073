package io.sigmatch.rule;

import java.util.Arrays;

/**
 * Finds, before RE2/J sees a regex, a code point that RE2/J would case-fold and on which its
 * folding never ends ({@link StrandedCaseFolds}). RE2/J folds every literal and every bracket
 * class range under the {@code i} flag (from {@code CASE_INSENSITIVE}, {@code (?i)} or
 * {@code (?i:...)}, until {@code (?-i)} or the enclosing group's end). {@code \p} classes are
 * skipped because RE2/J folds them by table lookup, not by that walk (measured: {@code (?i)\pL}
 * compiles in under 1 ms), and Perl and POSIX classes because they hold only ASCII. A range's
 * width does not matter: RE2/J folds 60,000 code points in a few milliseconds; one stranded code
 * point hangs it.
 *
 * <p>Reads RE2 syntax the way RE2/J's parser does, so that it finds a stranded code point only
 * where RE2/J would fold it; on text that RE2/J rejects as a syntax error it may answer either way,
 * since such a regex is rejected anyway. One pass, O(length of the regex).
 */
final class CaseFoldedRanges {
  private final String regex;
  private int at;
  private boolean fold;
  private boolean[] savedFold = new boolean[8];
  private int depth;

  private CaseFoldedRanges(String regex, boolean fold) {
    this.regex = regex;
    this.fold = fold;
  }

  /**
   * The first stranded code point RE2/J would case-fold in {@code regex}, or -1 when there is
   * none; {@code foldCase} is whether the regex is compiled with {@code CASE_INSENSITIVE}.
   */
  static int firstStranded(String regex, boolean foldCase) {
    return new CaseFoldedRanges(regex, foldCase).scan();
  }

  private int scan() {
    while (at < regex.length()) {
      int c = regex.codePointAt(at);
      at += Character.charCount(c);
      int found = switch (c) {
        case '\\' -> escape();
        case '[' -> bracketClass();
        case '(' -> openGroup();
        case ')' -> closeGroup();
        default -> folded(c, c);
      };
      if (found >= 0) {
        return found;
      }
    }
    return -1;
  }

  /** After a backslash outside a class: a literal, {@code \Q...\E}, or something not folded. */
  private int escape() {
    if (at >= regex.length()) {
      return -1;
    }
    char next = regex.charAt(at);
    if (next == 'Q') {
      int end = regex.indexOf("\\E", at + 1);
      int stop = end < 0 ? regex.length() : end;
      for (int i = at + 1; i < stop; ) {
        int c = regex.codePointAt(i);
        i += Character.charCount(c);
        int found = folded(c, c);
        if (found >= 0) {
          return found;
        }
      }
      at = end < 0 ? stop : end + 2;
      return -1;
    }
    if (next == 'p' || next == 'P') {
      skipClassName();
      return -1;
    }
    int c = escapedChar();
    return c < 0 ? -1 : folded(c, c);
  }

  /**
   * The code point of the escape starting at {@code at} (just past the backslash), or -1 for an
   * escape that is no single character ({@code \d}, {@code \b}, a back-reference, a syntax error);
   * advances past it either way.
   */
  private int escapedChar() {
    int c = regex.codePointAt(at);
    at += Character.charCount(c);
    switch (c) {
      case '0', '1', '2', '3', '4', '5', '6', '7' -> {
        // RE2 reads a lone \1..\7 as a back-reference, which it rejects.
        if (c != '0' && !octalDigitAt(at)) {
          return -1;
        }
        int value = c - '0';
        for (int digits = 1; digits < 3 && octalDigitAt(at); digits++) {
          value = value * 8 + regex.charAt(at++) - '0';
        }
        return value;
      }
      case 'x' -> {
        return hexEscape();
      }
      case 'a' -> {
        return 7;
      }
      case 'f' -> {
        return '\f';
      }
      case 'n' -> {
        return '\n';
      }
      case 'r' -> {
        return '\r';
      }
      case 't' -> {
        return '\t';
      }
      case 'v' -> {
        return 0x0B;
      }
      default -> {
        // RE2 takes only ASCII punctuation literally after a backslash; letters are classes,
        // assertions or errors.
        return c < 0x80 && !Character.isLetterOrDigit(c) ? c : -1;
      }
    }
  }

  private boolean octalDigitAt(int i) {
    return i < regex.length() && regex.charAt(i) >= '0' && regex.charAt(i) <= '7';
  }

  /** {@code \xHH} or {@code \x{H...}}, with {@code at} just past the {@code x}; -1 if malformed. */
  private int hexEscape() {
    if (at < regex.length() && regex.charAt(at) == '{') {
      int value = 0;
      int i = at + 1;
      while (i < regex.length() && Character.digit(regex.charAt(i), 16) >= 0) {
        // Saturate past the largest code point so a long run of digits cannot overflow.
        value = Math.min(value * 16 + Character.digit(regex.charAt(i), 16),
            Character.MAX_CODE_POINT + 1);
        i++;
      }
      boolean closed = i > at + 1 && i < regex.length() && regex.charAt(i) == '}';
      at = closed ? i + 1 : i;
      return closed && value <= Character.MAX_CODE_POINT ? value : -1;
    }
    if (at + 1 < regex.length() && Character.digit(regex.charAt(at), 16) >= 0
        && Character.digit(regex.charAt(at + 1), 16) >= 0) {
      int value = Character.digit(regex.charAt(at), 16) * 16
          + Character.digit(regex.charAt(at + 1), 16);
      at += 2;
      return value;
    }
    return -1;
  }

  /** After {@code \p} or {@code \P} ({@code at} on the letter): skips {@code {Name}} or one letter. */
  private void skipClassName() {
    at++;
    if (at < regex.length() && regex.charAt(at) == '{') {
      int end = regex.indexOf('}', at);
      at = end < 0 ? regex.length() : end + 1;
    } else if (at < regex.length()) {
      at += Character.charCount(regex.codePointAt(at));
    }
  }

  /** A bracket class, {@code at} just past its {@code [}; checks each single char and range. */
  private int bracketClass() {
    if (at < regex.length() && regex.charAt(at) == '^') {
      at++;
    }
    boolean first = true;
    while (at < regex.length() && (first || regex.charAt(at) != ']')) {
      first = false;
      int posixEnd = PosixClasses.end(regex, at);
      if (posixEnd >= 0) {
        at = posixEnd;
        continue;
      }
      if (regex.startsWith("\\p", at) || regex.startsWith("\\P", at)) {
        at++;
        skipClassName();
        continue;
      }
      if (at + 1 < regex.length() && regex.charAt(at) == '\\'
          && "dDsSwW".indexOf(regex.charAt(at + 1)) >= 0) {
        at += 2;
        continue;
      }
      int lo = classChar();
      int hi = lo;
      if (at + 1 < regex.length() && regex.charAt(at) == '-' && regex.charAt(at + 1) != ']') {
        at++;
        hi = classChar();
      }
      if (lo >= 0 && hi >= lo) {
        int found = folded(lo, hi);
        if (found >= 0) {
          return found;
        }
      }
    }
    at = Math.min(at + 1, regex.length());
    return -1;
  }

  /** One character of a class, or -1 for a class escape such as {@code \d}; advances past it. */
  private int classChar() {
    int c = regex.codePointAt(at);
    at += Character.charCount(c);
    if (c != '\\') {
      return c;
    }
    return at < regex.length() ? escapedChar() : -1;
  }

  /** After {@code (}: a group, keeping the fold state to restore at its end; reads its flags. */
  private int openGroup() {
    if (depth == savedFold.length) {
      savedFold = Arrays.copyOf(savedFold, depth * 2);
    }
    savedFold[depth++] = fold;
    if (!regex.startsWith("?", at) || regex.startsWith("?P<", at) || regex.startsWith("?<", at)) {
      return -1;
    }
    boolean value = true;
    boolean newFold = fold;
    for (int i = at + 1; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '-') {
        value = false;
      } else if (c == 'i') {
        newFold = value;
      } else if (c == ')' || c == ':') {
        at = i + 1;
        fold = newFold;
        if (c == ')') {
          // (?flags) is no group: it sets the flags for the rest of the enclosing one.
          depth--;
        }
        return -1;
      } else if (c != 'm' && c != 's' && c != 'U') {
        return -1;
      }
    }
    return -1;
  }

  private int closeGroup() {
    if (depth > 0) {
      fold = savedFold[--depth];
    }
    return -1;
  }

  /** The first stranded code point of {@code [lo, hi]} if RE2/J folds that range here, else -1. */
  private int folded(int lo, int hi) {
    // RE2/J copies a range covering its whole fold span without walking it.
    if (!fold || lo <= StrandedCaseFolds.MIN_FOLD && hi >= StrandedCaseFolds.MAX_FOLD) {
      return -1;
    }
    return StrandedCaseFolds.firstIn(lo, hi);
  }
}
