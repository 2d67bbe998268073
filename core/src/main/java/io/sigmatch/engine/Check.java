package io.sigmatch.engine;

import io.sigmatch.index.RegexDfa;
import io.sigmatch.value.SigmaPattern;

/**
 * A predicate tested by running a matcher on the value: a wildcard pattern with inner stars or
 * {@code ?}, or a regular expression. Guarded checks run only when their literal was seen in the
 * value by the field's needle automaton.
 */
sealed interface Check {
  /** The predicate this check sets. */
  int predicate();

  /** Runs the check on the value now in {@code ctx}. */
  boolean test(MatchContext ctx);

  /** A pattern with inner wildcards: O(n·m), run on the folded value unless cased. */
  record Glob(int predicate, SigmaPattern pattern, boolean cased) implements Check {
    @Override
    public boolean test(MatchContext ctx) {
      return pattern.matches(cased ? ctx.rawText : ctx.foldedText);
    }
  }

  /**
   * A regex found in the value's own text when the text's length allows a match: at least
   * {@code minLength} code points, and at most {@code maxLength} when the regex spans the whole
   * text. Its {@link RegexDfa} answers for ASCII texts at one step per char; RE2/J (in
   * {@code matcherSlot}, linear time too but about a hundred nanoseconds per char) answers for the
   * others and for regexes the automaton does not take.
   */
  record Regex(int predicate, int matcherSlot, int minLength, int maxLength, RegexDfa dfa) implements Check {
    @Override
    public boolean test(MatchContext ctx) {
      CharSequence text = ctx.rawText;
      int n = text.length();
      // A code point takes at most two chars, so a text over twice the longest match is ruled
      // out without counting its code points: a long value would cost a pass of its own.
      if (n < minLength
          || n > maxLength && (n > 2L * maxLength || Character.codePointCount(text, 0, n) > maxLength)) {
        return false;
      }
      int found = dfa == null ? -1 : dfa.find(text);
      return found >= 0 ? found == 1 : ctx.matchers[matcherSlot].reset(text).find();
    }
  }

  record Run(int predicate, RunLength run) implements Check {
    @Override
    public boolean test(MatchContext ctx) {
      return run.matches(ctx.rawText);
    }
  }

  /** A fixed class sequence, with RE2/J (in {@code matcherSlot}) for values it cannot read. */
  record Sequence(int predicate, ClassSequence sequence, int matcherSlot) implements Check {
    @Override
    public boolean test(MatchContext ctx) {
      Boolean found = sequence.find(ctx.rawText);
      return found != null ? found : ctx.matchers[matcherSlot].reset(ctx.rawText).find();
    }
  }
}
