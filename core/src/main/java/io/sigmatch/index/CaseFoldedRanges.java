package io.sigmatch.index;

import java.util.Arrays;
import java.util.Locale;

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
 *
 * <pre>{@code
 * CaseFoldedRanges.firstStranded("[A-\\x{3FFF}]", true);    // 0x1C80: do not give it to RE2/J
 * CaseFoldedRanges.firstStranded("[A-\\x{3FFF}]", false);   // -1
 * }</pre>
 */
public final class CaseFoldedRanges {
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
  public static int firstStranded(String regex, boolean foldCase) {
    return new CaseFoldedRanges(regex, foldCase).scan();
  }

  /** Why a regex folding {@code codePoint}, a {@link #firstStranded} answer, is refused, and what to do. */
  public static String explain(int codePoint) {
    return String.format(Locale.ROOT, "case-insensitive regular expression folds U+%04X, on which"
        + " RE2/J's case folding never ends (the JDK pairs it with U+%04X but RE2/J's fold table"
        + " does not), so compiling it would hang; drop the i flag or (?i) around it, or leave"
        + " U+%04X..U+%04X out of the character or range", codePoint,
        StrandedCaseFolds.partner(codePoint), StrandedCaseFolds.FIRST, StrandedCaseFolds.LAST);
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
      int[] found = {-1};
      at = Re2Lexer.quoted(regex, at, c -> {
        if (found[0] < 0) {
          found[0] = folded(c, c);
        }
      });
      return found[0];
    }
    if (next == 'p' || next == 'P') {
      at = Re2Lexer.unicodeClassEnd(regex, at);
      return -1;
    }
    long escape = Re2Lexer.escape(regex, at);
    at = Re2Lexer.end(escape);
    int c = Re2Lexer.codePoint(escape);
    return c == Re2Lexer.NOT_A_CHAR ? -1 : folded(c, c);
  }

  /** A bracket class, {@code at} just past its {@code [}: the first stranded code point of its ranges. */
  private int bracketClass() {
    int[] found = {-1};
    at = Re2Lexer.bracketClass(regex, at, (low, high) -> {
      if (found[0] < 0) {
        found[0] = folded(low, high);
      }
    });
    return found[0];
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
