package io.sigmatch.value;

/**
 * Case-insensitive comparison by simple case folding, one code point at a time.
 *
 * <p>A code point folds to {@code toLowerCase(toUpperCase(cp))}. Folding never changes the number
 * of code points, so a {@code ?} wildcard still means "one character" after folding, and it never
 * depends on the default locale (so {@code I} folds to {@code i} on a Turkish machine too).
 * Two strings are equal ignoring case exactly when their folds are equal.
 *
 * <pre>{@code
 * CaseFold.fold("C:\\Windows\\WHOAMI.exe")  // "c:\\windows\\whoami.exe"
 * }</pre>
 *
 * <p>Cost: O(n) in the length of the text; returns the argument itself (no allocation) when it is
 * already folded, which is the common case for lower-case ASCII values.
 */
public final class CaseFold {
  /**
   * The fold of every BMP character, computed once: {@code Character.toUpperCase(int)} is slow
   * for non-ASCII text. A lone surrogate folds to itself; the few characters whose fold leaves the
   * BMP take the slow path.
   */
  private static final char[] BMP = new char[0x10000];
  private static final boolean[] BMP_SLOW = new boolean[0x10000];

  static {
    for (int c = 0; c < 0x10000; c++) {
      int f = Character.toLowerCase(Character.toUpperCase(c));
      boolean slow = f > 0xFFFF;
      BMP_SLOW[c] = slow;
      BMP[c] = slow ? (char) c : (char) f;
    }
  }

  private CaseFold() {}

  /** Returns the fold of {@code text}; the same instance when nothing changes. */
  public static String fold(String text) {
    int n = text.length();
    int i = firstUnfolded(text);
    if (i == n) {
      return text;
    }
    char[] out = new char[n];
    text.getChars(0, i, out, 0);
    int pos = i;
    while (i < n) {
      char c = text.charAt(i);
      if (c < 0x80) {
        out[pos++] = foldAscii(c);
        i++;
      } else {
        int cp = text.codePointAt(i);
        int f = foldCodePoint(cp);
        if (pos + 2 > out.length) {
          out = java.util.Arrays.copyOf(out, out.length * 2 + 2);
        }
        pos += Character.toChars(f, out, pos);
        i += Character.charCount(cp);
      }
    }
    String folded = new String(out, 0, pos);
    return folded.equals(text) ? text : folded;
  }

  /** The index of the first character that folding may change, or the length. */
  private static int firstUnfolded(CharSequence text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
        return i;
      }
    }
    return n;
  }

  /**
   * The fold of {@code text}: {@code text} itself when already folded, else {@code buffer}
   * refilled with the fold. Lets a hot loop fold without allocating.
   */
  public static CharSequence fold(CharSequence text, StringBuilder buffer) {
    int n = text.length();
    int i = firstUnfolded(text);
    if (i == n) {
      return text;
    }
    buffer.setLength(0);
    buffer.append(text, 0, i);
    while (i < n) {
      char c = text.charAt(i);
      if (c < 0x80) {
        buffer.append(foldAscii(c));
        i++;
      } else {
        int cp = Character.codePointAt(text, i);
        buffer.appendCodePoint(foldCodePoint(cp));
        i += Character.charCount(cp);
      }
    }
    return buffer;
  }

  /**
   * Folds {@code text} into {@code out} and returns the folded length, or -1 when {@code out} is
   * too short (twice the text's length always suffices). For hot loops with a reused array.
   */
  public static int foldInto(CharSequence text, char[] out) {
    int n = text.length();
    int pos = 0;
    for (int i = 0; i < n; ) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if (pos >= out.length) {
          return -1;
        }
        out[pos++] = foldAscii(c);
        i++;
      } else {
        int cp = Character.codePointAt(text, i);
        int f = foldCodePoint(cp);
        if (pos + Character.charCount(f) > out.length) {
          return -1;
        }
        pos += Character.toChars(f, out, pos);
        i += Character.charCount(cp);
      }
    }
    return pos;
  }

  /** Whether {@code text} is its own fold (no upper-case ASCII, no non-ASCII). */
  public static boolean isFoldedAscii(CharSequence text) {
    return firstUnfolded(text) == text.length();
  }

  /**
   * The fold of a char below 0x80: ASCII's share of the fold, for loops that fold ASCII as they
   * read and leave other chars to {@link #foldCodePoint}.
   */
  public static char foldAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** Folds one code point. */
  public static int foldCodePoint(int cp) {
    if (cp < 0x10000 && !BMP_SLOW[cp]) {
      return BMP[cp];
    }
    return Character.toLowerCase(Character.toUpperCase(cp));
  }
}
