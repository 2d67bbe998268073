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
  private CaseFold() {}

  /** Returns the fold of {@code text}; the same instance when nothing changes. */
  public static String fold(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
        break;
      }
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder out = new StringBuilder(n);
    out.append(text, 0, i);
    while (i < n) {
      int cp = text.codePointAt(i);
      out.appendCodePoint(foldCodePoint(cp));
      i += Character.charCount(cp);
    }
    String folded = out.toString();
    return folded.equals(text) ? text : folded;
  }

  /**
   * The fold of {@code text}: {@code text} itself when already folded, else {@code buffer}
   * refilled with the fold. Lets a hot loop fold without allocating.
   */
  public static CharSequence fold(String text, StringBuilder buffer) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
        break;
      }
      i++;
    }
    if (i == n) {
      return text;
    }
    buffer.setLength(0);
    buffer.append(text, 0, i);
    while (i < n) {
      int cp = text.codePointAt(i);
      buffer.appendCodePoint(foldCodePoint(cp));
      i += Character.charCount(cp);
    }
    return buffer;
  }

  /** Folds one code point. */
  public static int foldCodePoint(int cp) {
    if (cp < 0x80) {
      return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
    }
    return Character.toLowerCase(Character.toUpperCase(cp));
  }
}
