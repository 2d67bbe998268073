package io.sigmatch.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Sigma string value after escape processing: literal text and the wildcards {@code *} (any run
 * of characters, possibly empty, line breaks included) and {@code ?} (exactly one code point).
 * Immutable.
 *
 * <p>Matching is against the whole value and compares characters exactly; for case-insensitive
 * matching, match a {@link #folded()} pattern against a {@link CaseFold#fold folded} value.
 *
 * <p>Matching cost: O(n·m) for a value of n characters and a pattern of m characters, and
 * O(n) for the shapes the engine indexes (exact, prefix, suffix, contains). Segments between
 * stars are placed leftmost, which is exact for glob patterns and never backtracks.
 *
 * <pre>{@code
 * SigmaPattern p = SigmaPattern.builder().star().literal("\\cmd.exe").build();
 * p.matches("c:\\windows\\system32\\cmd.exe")  // true
 * p.shape()                                     // Shape.SUFFIX
 * }</pre>
 */
public final class SigmaPattern {

  /** What a pattern asks of a value, for the engine's choice of index. */
  public enum Shape {
    /** No wildcard: the value equals {@link #core()}. */
    EXACT,
    /** {@code core*}. */
    PREFIX,
    /** {@code *core}. */
    SUFFIX,
    /** {@code *core*}, or just {@code *} with an empty core. */
    CONTAINS,
    /** Anything else: inner stars or {@code ?}. */
    COMPLEX
  }

  /** One token of a pattern. */
  public record Token(Kind kind, String text) {
    /** Token kinds. */
    public enum Kind { LITERAL, STAR, ONE }

    static final Token STAR = new Token(Kind.STAR, "*");
    static final Token ONE = new Token(Kind.ONE, "?");
  }

  private final List<Token> tokens;
  /** Literal elements between stars; a {@code null} element is a {@code ?}. */
  private final String[][] segments;
  private final boolean leadingStar;
  private final boolean trailingStar;

  private SigmaPattern(List<Token> tokens) {
    this.tokens = List.copyOf(tokens);
    this.leadingStar = !tokens.isEmpty() && tokens.get(0).kind() == Token.Kind.STAR;
    this.trailingStar = !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == Token.Kind.STAR;
    List<String[]> segs = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (Token t : tokens) {
      switch (t.kind()) {
        case STAR -> {
          segs.add(current.toArray(new String[0]));
          current = new ArrayList<>();
        }
        case ONE -> current.add(null);
        case LITERAL -> current.add(t.text());
      }
    }
    segs.add(current.toArray(new String[0]));
    this.segments = segs.toArray(new String[0][]);
  }

  /** A pattern without wildcards. */
  public static SigmaPattern literal(String text) {
    return builder().literal(text).build();
  }

  /** Starts an empty pattern. */
  public static Builder builder() {
    return new Builder();
  }

  /** The tokens, adjacent literals merged, runs of stars collapsed. */
  public List<Token> tokens() {
    return tokens;
  }

  /** Whether the pattern has a {@code *} or {@code ?}. */
  public boolean hasWildcards() {
    for (Token t : tokens) {
      if (t.kind() != Token.Kind.LITERAL) {
        return true;
      }
    }
    return false;
  }

  /** The same pattern with every literal case-folded. */
  public SigmaPattern folded() {
    Builder b = builder();
    for (Token t : tokens) {
      b.add(t.kind() == Token.Kind.LITERAL ? new Token(Token.Kind.LITERAL, CaseFold.fold(t.text())) : t);
    }
    return b.build();
  }

  /** This pattern with a {@code *} in front, unless it has one already. */
  public SigmaPattern withLeadingStar() {
    return leadingStar ? this : builder().star().addAll(this).build();
  }

  /** This pattern with a {@code *} at the end, unless it has one already. */
  public SigmaPattern withTrailingStar() {
    return trailingStar ? this : builder().addAll(this).star().build();
  }

  /** Which index can answer this pattern. */
  public Shape shape() {
    int literals = 0;
    for (Token t : tokens) {
      if (t.kind() == Token.Kind.ONE) {
        return Shape.COMPLEX;
      }
      if (t.kind() == Token.Kind.LITERAL) {
        literals++;
      }
    }
    int stars = tokens.size() - literals;
    if (stars == 0) {
      return Shape.EXACT;
    }
    if (literals == 0) {
      return Shape.CONTAINS;
    }
    if (literals > 1) {
      return Shape.COMPLEX;
    }
    if (leadingStar && trailingStar) {
      return Shape.CONTAINS;
    }
    if (stars > 1) {
      return Shape.COMPLEX;
    }
    return leadingStar ? Shape.SUFFIX : Shape.PREFIX;
  }

  /** The literal of an EXACT, PREFIX, SUFFIX or CONTAINS pattern; for other shapes the longest literal. */
  public String core() {
    String best = "";
    for (Token t : tokens) {
      if (t.kind() == Token.Kind.LITERAL && t.text().length() > best.length()) {
        best = t.text();
      }
    }
    return best;
  }

  /** Whether {@code value} matches the whole pattern, comparing characters exactly. */
  public boolean matches(CharSequence value) {
    int n = value.length();
    int last = segments.length - 1;
    if (last == 0) {
      int end = matchForward(segments[0], value, 0);
      return end == n;
    }
    int pos = matchForward(segments[0], value, 0);
    if (pos < 0) {
      return false;
    }
    for (int s = 1; s < last; s++) {
      pos = findLeftmost(segments[s], value, pos);
      if (pos < 0) {
        return false;
      }
    }
    int start = matchBackward(segments[last], value, n);
    return start >= pos;
  }

  /** Matches {@code seg} at {@code from}; returns the end position, or -1. */
  private static int matchForward(String[] seg, CharSequence value, int from) {
    int p = from;
    int n = value.length();
    for (String e : seg) {
      if (e == null) {
        if (p >= n) {
          return -1;
        }
        p += Character.charCount(Character.codePointAt(value, p));
      } else {
        if (!regionEquals(value, p, e)) {
          return -1;
        }
        p += e.length();
      }
    }
    return p;
  }

  private static boolean regionEquals(CharSequence value, int at, String literal) {
    int len = literal.length();
    if (at < 0 || at + len > value.length()) {
      return false;
    }
    if (value instanceof String s) {
      return s.startsWith(literal, at);
    }
    for (int i = 0; i < len; i++) {
      if (value.charAt(at + i) != literal.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Matches {@code seg} so that it ends at {@code end}; returns its start, or -1. */
  private static int matchBackward(String[] seg, CharSequence value, int end) {
    int p = end;
    for (int i = seg.length - 1; i >= 0; i--) {
      String e = seg[i];
      if (e == null) {
        if (p <= 0) {
          return -1;
        }
        p -= Character.charCount(Character.codePointBefore(value, p));
      } else {
        p -= e.length();
        if (!regionEquals(value, p, e)) {
          return -1;
        }
      }
    }
    return p;
  }

  /**
   * The end of the leftmost placement of {@code seg} at or after {@code from}, or -1. Placements are
   * tried only where the segment's first literal occurs (a value's chars read once to find them, by
   * {@link String#indexOf} for strings): a long command line tried at every position took about
   * 17 ns a char for {@code * ?:\windows\*}, each try a call through the generic matcher.
   */
  private static int findLeftmost(String[] seg, CharSequence value, int from) {
    String head = seg[0];
    if (head != null && value instanceof String string) {
      for (int at = string.indexOf(head, from); at >= 0; at = string.indexOf(head, at + 1)) {
        int end = matchForward(seg, value, at);
        if (end >= 0) {
          return end;
        }
      }
      return -1;
    }
    for (int at = from, last = value.length() - (head == null ? 0 : head.length()); at <= last; at++) {
      if (head == null || value.charAt(at) == head.charAt(0)) {
        int end = matchForward(seg, value, at);
        if (end >= 0) {
          return end;
        }
      }
    }
    return -1;
  }

  /** The pattern written back as a Sigma string, with {@code *}, {@code ?} and {@code \} escaped. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Token t : tokens) {
      if (t.kind() == Token.Kind.LITERAL) {
        for (int i = 0; i < t.text().length(); i++) {
          char c = t.text().charAt(i);
          if (c == '*' || c == '?' || c == '\\') {
            b.append('\\');
          }
          b.append(c);
        }
      } else {
        b.append(t.text());
      }
    }
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigmaPattern p && p.tokens.equals(tokens);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tokens);
  }

  /** Builds a pattern token by token; merges adjacent literals and collapses runs of stars. */
  public static final class Builder {
    private final List<Token> tokens = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();

    private Builder() {}

    /** Appends literal text. */
    public Builder literal(String text) {
      pending.append(text);
      return this;
    }

    /** Appends a {@code *}. */
    public Builder star() {
      flush();
      if (tokens.isEmpty() || tokens.get(tokens.size() - 1).kind() != Token.Kind.STAR) {
        tokens.add(Token.STAR);
      }
      return this;
    }

    /** Appends a {@code ?}. */
    public Builder one() {
      flush();
      tokens.add(Token.ONE);
      return this;
    }

    /** Appends one token. */
    public Builder add(Token t) {
      return switch (t.kind()) {
        case LITERAL -> literal(t.text());
        case STAR -> star();
        case ONE -> one();
      };
    }

    /** Appends all tokens of another pattern. */
    public Builder addAll(SigmaPattern p) {
      for (Token t : p.tokens) {
        add(t);
      }
      return this;
    }

    /** The pattern built so far. */
    public SigmaPattern build() {
      flush();
      return new SigmaPattern(tokens);
    }

    private void flush() {
      if (pending.length() > 0) {
        tokens.add(new Token(Token.Kind.LITERAL, pending.toString()));
        pending.setLength(0);
      }
    }
  }
}
