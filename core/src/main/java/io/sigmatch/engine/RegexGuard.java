package io.sigmatch.engine;

import io.sigmatch.value.CaseFold;

/**
 * A prefilter for a regular expression: a literal that every match must contain, found by a
 * conservative scan of the expression's top level (no alternation there; groups, classes,
 * counted repetitions {@code {n,m}}, escapes other than escaped punctuation, and characters a
 * quantifier may remove all end a literal run). Only ASCII literal characters are used, and the literal is folded: it is then
 * present in the folded value whenever the expression matches, case-sensitive or not. O(length).
 *
 * <pre>{@code
 * RegexGuard.requiredLiteral("\\$[a-z]{3}\\(")       // "$": the first literal of the longest run
 * RegexGuard.requiredLiteral("invoke-expression\\s") // "invoke-expression"
 * }</pre>
 */
final class RegexGuard {
  private static final String SPECIAL = ".^$*+?()[]{}|\\";
  private static final int MIN_LENGTH = 1;

  private RegexGuard() {}

  /** The folded required literal, or {@code null} when no literal character is certain. */
  static String requiredLiteral(String regex) {
    String best = "";
    StringBuilder run = new StringBuilder();
    int n = regex.length();
    int i = 0;
    while (i < n) {
      char c = regex.charAt(i);
      int next = i + 1;
      char literal = 0;
      if (c == '|') {
        return null;
      } else if (c == '(') {
        next = skipGroup(regex, i);
        if (next < 0) {
          return null;
        }
      } else if (c == '[') {
        next = RegexSyntax.skipClass(regex, i);
        if (next < 0) {
          return null;
        }
      } else if (c == '{') {
        int close = regex.indexOf('}', i);
        if (close < 0) {
          return null;
        }
        next = close + 1;
      } else if (c == '\\') {
        if (i + 1 >= n) {
          return null;
        }
        char e = regex.charAt(i + 1);
        next = i + 2;
        if (e == 'Q' || e == 'x' || e == 'p' || e == 'P' || Character.isDigit(e)) {
          // \Q…\E, \x41, \pL, \101: the escape runs past two characters; give up rather than misread it.
          return null;
        }
        if (SPECIAL.indexOf(e) >= 0 || e == '/' || e == '-' || e == ' ' || e == '"' || e == '\'') {
          literal = e;
        }
      } else if (SPECIAL.indexOf(c) < 0 && c < 0x80) {
        literal = c;
      }
      boolean optional = next < n && "*?{".indexOf(regex.charAt(next)) >= 0;
      boolean repeated = next < n && regex.charAt(next) == '+';
      if (literal != 0 && !optional) {
        run.append(literal);
      }
      if (literal == 0 || optional || repeated) {
        best = longer(best, run);
        run.setLength(0);
      }
      i = next;
    }
    best = longer(best, run);
    return best.length() >= MIN_LENGTH ? CaseFold.fold(best) : null;
  }

  private static String longer(String best, StringBuilder run) {
    return run.length() > best.length() ? run.toString() : best;
  }

  private static int skipGroup(String regex, int open) {
    int depth = 0;
    for (int i = open; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        i = RegexSyntax.skipClass(regex, i) - 1;
        if (i < 0) {
          return -1;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i + 1;
      }
    }
    return -1;
  }
}
