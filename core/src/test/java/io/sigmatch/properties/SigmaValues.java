package io.sigmatch.properties;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule values as written in YAML (raw Sigma strings with wildcards and escapes, numbers, booleans,
 * null) and event text derived from them: instances that match a pattern and near misses.
 */
final class SigmaValues {
  private SigmaValues() {}

  /**
   * Characters whose case mapping is special: ß and ẞ (upper case "SS" in full mapping), İ and ı
   * (dotted/dotless i), the ligature ﬁ, the Kelvin sign, long s, final sigma, a title-case
   * digraph, the Ohm sign, a surrogate pair and Cyrillic.
   */
  static final List<String> SPECIAL = List.of("é", "É", "ß", "ẞ", "İ", "ı", "ﬁ", "\u212A", "ſ", "σ", "ς", "Σ",
      "ǅ", "\u2126", "ω", "\uD83D\uDE00", "ж", "Ж");
  /** A small alphabet, so that values and events collide often. */
  static final String LETTERS = "abkszABKSZ";
  static final String OTHERS = "019.-/_: \\'\"%#";
  static final String DASHES = "-/\u2013\u2014\u2015";

  /** One literal character (a string, for surrogate pairs). */
  static Gen<String> literalChar() {
    return Memo.of(() -> {
      return Gen.frequency(
          Gen.w(6, Gen.of(chars(LETTERS))),
          Gen.w(3, Gen.of(chars(OTHERS))),
          Gen.w(2, Gen.of(SPECIAL)));
    }, "literalChar");
  }

  static List<String> chars(String s) {
    List<String> out = new ArrayList<>();
    s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
    return out;
  }

  /** Plain literal text (no Sigma meaning), up to {@code max} characters. */
  static Gen<String> text(int max) {
    return Memo.of(() -> {
      return literalChar().list(0, max).map(l -> String.join("", l));
    }, "text", max);
  }

  /** Literal text, mostly short, sometimes a few hundred characters. */
  static Gen<String> textShortOrLong() {
    return Memo.of(() -> {
      return Gen.frequency(
          Gen.w(12, text(8)),
          Gen.w(1, text(300)));
    }, "textShortOrLong");
  }

  /**
   * A raw Sigma string: literal characters, wildcards, escaped wildcards, {@code \\}, lone
   * backslashes (also at the end), empty strings and long ones.
   */
  static Gen<String> pattern() {
    return Memo.of(() -> {
      Gen<String> piece = Gen.frequency(
          Gen.w(20, literalChar().map(SigmaValues::protectBackslash)),
          Gen.w(3, Gen.just("*")),
          Gen.w(2, Gen.just("?")),
          Gen.w(1, Gen.of("\\*", "\\?", "\\\\", "\\a", "\\.", "\\%")));
      Gen<String> shortP = piece.list(0, 8).map(l -> String.join("", l));
      Gen<String> longP = piece.list(40, 250).map(l -> String.join("", l));
      Gen<String> body = Gen.frequency(
          Gen.w(20, shortP),
          Gen.w(1, longP),
          Gen.w(1, Gen.just("")),
          Gen.w(1, Gen.of("*", "?", "\\", "\\\\", "\\*", "a\\\\\\*", "C:\\Windows\\*",
              "C:\\Windows\\\\*", "\\\\server\\share", "index.php\\?")));
      return Gen.combine(body, Gen.ints(0, 19), (b, tail) -> tail == 0 ? b + "\\" : b);
    }, "pattern");
  }

  /**
   * A single backslash literal character would combine with the next piece into an escape; the
   * pattern generator writes it as {@code \\} (one literal backslash) so pieces stay independent.
   */
  private static String protectBackslash(String c) {
    return c.equals("\\") ? "\\\\" : c;
  }

  /** A raw Sigma string without wildcards (escaped wildcards allowed), for encoding modifiers. */
  static Gen<String> literalPattern() {
    return Memo.of(() -> {
      return pattern().map(SigmaValues::withoutWildcards);
    }, "literalPattern");
  }

  /** Drops unescaped wildcards from a raw string. */
  static String withoutWildcards(String raw) {
    StringBuilder b = new StringBuilder();
    for (SigmaText.Token t : SigmaText.tokens(raw)) {
      if (t.kind() == SigmaText.Token.Kind.LITERAL) {
        b.append(SigmaText.escape(t.text()));
      }
    }
    return b.toString();
  }

  /** Filler for a {@code *}: any text, line breaks included (D10). */
  static Gen<String> starFill() {
    return Memo.of(() -> {
      return Gen.frequency(
          Gen.w(4, text(4)),
          Gen.w(1, Gen.of("\n", "a\r\nb", "*", "?", "\\")));
    }, "starFill");
  }

  /** One code point for a {@code ?}. */
  static Gen<String> oneFill() {
    return Memo.of(() -> {
      return Gen.frequency(
          Gen.w(5, literalChar()),
          Gen.w(1, Gen.of("\n", "?", "*", "\uD83D\uDE01")));
    }, "oneFill");
  }

  /** A case variant of literal text (simple per-code-point mappings), or the text as is. */
  static Gen<String> caseVariant(String literal, boolean cased) {
    if (cased) {
      return Gen.just(literal);
    }
    return Gen.longs().map(mode -> SigmaText.changeCase(literal, mode));
  }

  /** Text that matches the raw pattern: wildcards filled in, literals in any case unless cased. */
  static Gen<String> instance(String raw, boolean cased) {
    return instance(SigmaText.tokens(raw), cased, false);
  }

  /**
   * Text that matches the tokens; with {@code windash}, every dash windash expands is replaced
   * by one of the five dashes before the case is varied.
   */
  static Gen<String> instance(List<SigmaText.Token> tokens, boolean cased, boolean windash) {
    List<Gen<String>> parts = new ArrayList<>();
    for (SigmaText.Token t : tokens) {
      parts.add(switch (t.kind()) {
        case LITERAL -> windash ? dashVariant(t.text()).flatMap(v -> caseVariant(v, cased)) : caseVariant(t.text(), cased);
        case STAR -> starFill();
        case ONE -> oneFill();
      });
    }
    if (parts.isEmpty()) {
      return Gen.just("");
    }
    return Gen.combine(parts, l -> String.join("", l));
  }

  /** The literal with each dash that windash expands replaced by one of the five dashes. */
  static Gen<String> dashVariant(String literal) {
    List<Integer> at = SigmaText.windashPositions(literal);
    if (at.isEmpty()) {
      return Gen.just(literal);
    }
    return Gen.of(chars(DASHES)).list(at.size(), at.size()).map(dashes -> {
      StringBuilder b = new StringBuilder(literal);
      for (int i = 0; i < at.size(); i++) {
        b.setCharAt(at.get(i), dashes.get(i).charAt(0));
      }
      return b.toString();
    });
  }

  /**
   * Text close to the pattern that usually does not match: an instance with one character
   * replaced, dropped or added, its case changed (matters when cased), or extended at one end.
   */
  static Gen<String> nearMiss(String raw, boolean cased) {
    return Gen.combine(instance(raw, cased), Gen.ints(0, 5),
            Gen.ints(0, 1000), literalChar(), (s, how, where, c) -> mutate(s, how, where, c));
  }

  static String mutate(String s, int how, int where, String c) {
    int n = s.length();
    int at = n == 0 ? 0 : where % n;
    if (at > 0 && at < n && Character.isLowSurrogate(s.charAt(at))) {
      at--;
    }
    return switch (how) {
      case 0 -> n == 0 ? c : s.substring(0, at) + c + s.substring(at + Character.charCount(s.codePointAt(at)));
      case 1 -> n == 0 ? "x" : s.substring(0, at) + s.substring(at + Character.charCount(s.codePointAt(at)));
      case 2 -> s.substring(0, at) + c + s.substring(at);
      case 3 -> SigmaText.changeCase(s, where * 7919L + 1);
      case 4 -> c + s;
      default -> s + c;
    };
  }

  /** A YAML integer that PyYAML and the loader read alike (no octal, hex or base-60 forms). */
  static Gen<Long> integer() {
    return Memo.of(() -> {
      return Gen.frequency(
          Gen.w(5, Gen.longs(0, 100)),
          Gen.w(2, Gen.of(80L, 443L, 3L, 4688L, 65535L)),
          Gen.w(1, Gen.longs(-1000, 1_000_000_000_000L)));
    }, "integer");
  }

  /** A YAML decimal as written, e.g. {@code 0.3}, {@code 80.0}, {@code -2.50}. */
  static Gen<String> decimal() {
    return Memo.of(() -> {
      return Gen.combine(Gen.ints(-99, 999), Gen.ints(0, 999),
              Gen.ints(1, 3), (i, f, digits) -> i + "." + String.format("%0" + digits + "d", f % (int) Math.pow(10, digits)));
    }, "decimal");
  }
}
