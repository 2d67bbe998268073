package io.sigmatch.index;

/**
 * The code points on which RE2/J's case folding never ends. Under the {@code i} flag RE2/J walks
 * each folded code point's orbit with {@code simpleFold} until it comes back to the start. The
 * orbit comes from RE2/J's own table when the code point is in it, and otherwise from the JDK's
 * {@code Character.toLowerCase}/{@code toUpperCase}. The JDK's tables are newer: they map
 * U+1C80..U+1C88 (Cyrillic letter variants, Unicode 9) to {@code В Д О С Т Т Ъ Ѣ Ꙋ}, whose orbit
 * in RE2/J's table leaves the variants out, so the walk cycles between the base pair forever and
 * {@code Pattern.compile} never returns.
 *
 * <p>Measured, not derived: the JDK's one-way pairs also include code points RE2/J's table folds
 * properly or on purpose not at all (Kelvin sign, long s, dotted and dotless i), and no public
 * RE2/J call tells them apart without risking the hang. Walking RE2/J's {@code simpleFold} over
 * every code point it folds finds exactly these nine with RE2/J 1.8 on JDK 17;
 * {@code StrandedCaseFoldsTest} compiles every other one, so an upgrade that strands more fails
 * there. {@link #firstIn} is O(1).
 */
final class StrandedCaseFolds {
  /** RE2/J folds only code points in this span; it copies those outside unchanged. */
  static final int MIN_FOLD = 'A';
  static final int MAX_FOLD = 0x1044F;

  static final int FIRST = 0x1C80;
  static final int LAST = 0x1C88;

  private StrandedCaseFolds() {}

  /** The smallest stranded code point in {@code [lo, hi]}, or -1 when there is none. */
  static int firstIn(int lo, int hi) {
    int first = Math.max(lo, FIRST);
    return first <= Math.min(hi, LAST) ? first : -1;
  }

  /** The code point the JDK's simple case mapping pairs with {@code c}, as RE2/J's fallback picks it. */
  static int partner(int c) {
    int lower = Character.toLowerCase(c);
    return lower != c ? lower : Character.toUpperCase(c);
  }
}
