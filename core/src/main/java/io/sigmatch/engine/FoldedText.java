package io.sigmatch.engine;

import io.sigmatch.value.CaseFold;

/**
 * The case fold of the value being matched, in a reused array: the folded indexes and checks of a
 * field read it, so each value is folded once, without allocating.
 *
 * <p>Why an array and not the value itself when it is already folded: every index then reads
 * the same type, and the needle automaton scans the array directly, which is about twice as fast
 * as reading a {@code CharSequence} through an interface call per char. Copying a {@code String}
 * into the array is a block copy, far cheaper than the scan. The last {@code String} folded is
 * remembered, as keyword search reads the same value once per keyword group.
 */
final class FoldedText implements CharSequence {
  /** A load instead of a branch per char: upper and lower case letters mix unpredictably (hex digests). */
  private static final char[] ASCII_LOWER = new char[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_LOWER[c] = CaseFold.foldAscii(c);
    }
  }

  private char[] chars = new char[256];
  private int length;
  private String lastSource;
  /** The string whose ASCII lower case this buffer holds, char for char; null after any other fold. */
  private String asciiSource;

  /** Folds {@code text} into this buffer and returns it. */
  FoldedText fold(CharSequence text) {
    if (text == lastSource) {
      return this;
    }
    int n = text.length();
    if (text instanceof String s) {
      lastSource = s;
      if (n > chars.length) {
        chars = new char[Math.max(n, chars.length * 2)];
      }
      s.getChars(0, n, chars, 0);
      if (foldAscii(chars, n)) {
        length = n;
        asciiSource = s;
        return this;
      }
    } else {
      lastSource = null;
    }
    asciiSource = null;
    int folded = CaseFold.foldInto(text, chars);
    if (folded < 0) {
      chars = new char[n * 2 + 16];
      folded = CaseFold.foldInto(text, chars);
    }
    length = folded;
    return this;
  }

  /** Lower-cases ASCII letters in place; false, leaving the rest unfolded, at the first non-ASCII char. */
  private static boolean foldAscii(char[] a, int n) {
    char[] lower = ASCII_LOWER;
    for (int i = 0; i < n; i++) {
      char c = a[i];
      if (c >= 0x80) {
        return false;
      }
      a[i] = lower[c];
    }
    return true;
  }

  /**
   * The string this buffer is the fold of when that string is all ASCII, so that a position in
   * the one is the same position in the other; else null.
   */
  String asciiSource() {
    return asciiSource;
  }

  /** The folded chars, valid up to {@link #length()}. */
  char[] buffer() {
    return chars;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    return chars[index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new String(chars, start, end - start);
  }

  @Override
  public String toString() {
    return new String(chars, 0, length);
  }
}
