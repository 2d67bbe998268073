package io.sigmatch.properties;

import java.util.ArrayList;
import java.util.List;

/**
 * The test side's own reading of Sigma string values (semantics §3.4) and of YAML quoting, written
 * independently of {@code io.sigmatch.rule.SigmaStrings} so that generators can derive matching
 * event values without trusting the code under test.
 */
final class SigmaText {
  private SigmaText() {}

  /** One token of a Sigma string: literal text, {@code *} or {@code ?}. */
  record Token(Kind kind, String text) {
    enum Kind { LITERAL, STAR, ONE }
  }

  /** Splits a raw Sigma string (as written after YAML) into tokens, per the escape algorithm of §3.4. */
  static List<Token> tokens(String raw) {
    List<Token> out = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length() && "*?\\".indexOf(raw.charAt(i + 1)) >= 0) {
        literal.append(raw.charAt(i + 1));
        i++;
      } else if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          out.add(new Token(Token.Kind.LITERAL, literal.toString()));
          literal.setLength(0);
        }
        out.add(new Token(c == '*' ? Token.Kind.STAR : Token.Kind.ONE, String.valueOf(c)));
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      out.add(new Token(Token.Kind.LITERAL, literal.toString()));
    }
    return out;
  }

  /** Whether a raw Sigma string has an unescaped wildcard. */
  static boolean hasWildcards(String raw) {
    return tokens(raw).stream().anyMatch(t -> t.kind() != Token.Kind.LITERAL);
  }

  /** The literal text of a raw Sigma string without wildcards. */
  static String literal(String raw) {
    StringBuilder b = new StringBuilder();
    for (Token t : tokens(raw)) {
      if (t.kind() != Token.Kind.LITERAL) {
        throw new IllegalArgumentException("has wildcards: " + raw);
      }
      b.append(t.text());
    }
    return b.toString();
  }

  /** Writes literal text as a raw Sigma string: {@code *}, {@code ?} and {@code \} escaped. */
  static String escape(String literal) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '*' || c == '?' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /** A YAML single-quoted scalar: backslashes stay as written, {@code '} is doubled. */
  static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /**
   * Whether {@code value} matches the tokens of a pattern over the whole value, with simple
   * case folding per code point unless {@code cased}: a plain backtracking glob matcher, slow
   * but obviously right, used to check derived values.
   */
  static boolean globMatches(String raw, String value, boolean cased) {
    List<Token> tokens = tokens(raw);
    int[] pattern = toCodePoints(tokens, cased);
    int[] text = fold(value, cased);
    return glob(pattern, 0, text, 0);
  }

  private static final int STAR = -1;
  private static final int ONE = -2;

  private static int[] toCodePoints(List<Token> tokens, boolean cased) {
    List<Integer> out = new ArrayList<>();
    for (Token t : tokens) {
      switch (t.kind()) {
        case STAR -> out.add(STAR);
        case ONE -> out.add(ONE);
        case LITERAL -> {
          for (int cp : fold(t.text(), cased)) {
            out.add(cp);
          }
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  static int[] fold(String s, boolean cased) {
    return s.codePoints().map(cp -> cased ? cp : Character.toLowerCase(Character.toUpperCase(cp))).toArray();
  }

  private static boolean glob(int[] p, int pi, int[] t, int ti) {
    // Iterative with one backtrack point per star: linear-ish and exact for globs.
    int starP = -1;
    int starT = -1;
    while (ti < t.length) {
      if (pi < p.length && (p[pi] == ONE || (p[pi] >= 0 && p[pi] == t[ti]))) {
        pi++;
        ti++;
      } else if (pi < p.length && p[pi] == STAR) {
        starP = pi++;
        starT = ti;
      } else if (starP >= 0) {
        pi = starP + 1;
        ti = ++starT;
      } else {
        return false;
      }
    }
    while (pi < p.length && p[pi] == STAR) {
      pi++;
    }
    return pi == p.length;
  }

  /** At most {@code n} chars of {@code s}, never splitting a surrogate pair. */
  static String truncate(String s, int n) {
    if (s.length() <= n) {
      return s;
    }
    int end = Character.isLowSurrogate(s.charAt(n)) ? n - 1 : n;
    return s.substring(0, end);
  }

  /** Whether a code point is a word character in the sense of windash ({@code \w}). */
  static boolean isWord(int cp) {
    return Character.isLetterOrDigit(cp) || cp == '_';
  }

  /** The positions in {@code literal} of dashes that windash expands: at a word start. */
  static List<Integer> windashPositions(String literal) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c != '-' && c != '/') {
        continue;
      }
      boolean before = i > 0 && isWord(literal.codePointBefore(i));
      boolean after = i + 1 < literal.length() && isWord(literal.codePointAt(i + 1));
      if (!before && after) {
        out.add(i);
      }
    }
    return out;
  }

  /** Per-code-point case change: upper, lower or title case of each code point, by {@code mode}. */
  static String changeCase(String s, long mode) {
    StringBuilder b = new StringBuilder(s.length());
    int i = 0;
    long m = mode;
    for (int k = 0; k < s.length(); ) {
      int cp = s.codePointAt(k);
      int choice = (int) Math.floorMod(m, 4L);
      m = m / 4 + 0x9E3779B97F4A7C15L * (i + 1);
      i++;
      int out = switch (choice) {
        case 0 -> cp;
        case 1 -> Character.toUpperCase(cp);
        case 2 -> Character.toLowerCase(cp);
        default -> Character.toTitleCase(cp);
      };
      b.appendCodePoint(out);
      k += Character.charCount(cp);
    }
    return b.toString();
  }

  /** Whether two texts differ in some letter's case but are equal under simple case folding. */
  static boolean foldEquals(String a, String b) {
    return java.util.Arrays.equals(fold(a, false), fold(b, false));
  }
}
