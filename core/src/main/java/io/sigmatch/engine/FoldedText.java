package io.sigmatch.engine;

import io.sigmatch.value.CaseFold;

/**
 * A reusable char array holding the fold of the value being matched, read as a
 * {@link CharSequence} by the tries and the automaton: cheaper to fill and to read than a
 * {@code StringBuilder}. One per {@link MatchContext}.
 */
final class FoldedText implements CharSequence {
  private char[] chars = new char[256];
  private int length;
  /** The last string folded and its fold, so a field and the keyword search fold a value once. */
  private String lastSource;
  private CharSequence lastFold;

  /** {@code text} itself when already folded, else this buffer refilled with its fold. */
  CharSequence fold(CharSequence text) {
    if (text == lastSource) {
      return lastFold;
    }
    if (CaseFold.isFoldedAscii(text)) {
      remember(text, text);
      return text;
    }
    int n = CaseFold.foldInto(text, chars);
    if (n < 0) {
      chars = new char[text.length() * 2 + 16];
      n = CaseFold.foldInto(text, chars);
    }
    length = n;
    remember(text, this);
    return this;
  }

  private void remember(CharSequence source, CharSequence fold) {
    lastSource = source instanceof String s ? s : null;
    lastFold = fold;
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
