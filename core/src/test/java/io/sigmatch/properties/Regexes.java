package io.sigmatch.properties;

import java.util.ArrayList;
import java.util.List;

/**
 * Small regular expressions that RE2 compiles (literals, classes, {@code .}, {@code .*},
 * quantifiers, alternation, anchors), each with a generator of text it finds.
 */
final class Regexes {
  private Regexes() {}

  /** A regex and text derived from it; {@code sample} is given the flags i and s. */
  record Regex(String source, List<Node> nodes, boolean anchoredStart, boolean anchoredEnd) {
    @Override
    public String toString() {
      return source;
    }
  }

  /** A piece of a regex that can produce a matching string. */
  record Node(String source, List<Gen<String>> producers, boolean dot) {}

  private static final String META = "\\.+*?()|[]{}^$";

  static String quote(String literal) {
    StringBuilder b = new StringBuilder();
    literal.codePoints().forEach(cp -> {
      if (cp < 128 && META.indexOf(cp) >= 0) {
        b.append('\\');
      }
      b.appendCodePoint(cp);
    });
    return b.toString();
  }

  private static Gen<Node> literalNode() {
    return SigmaValues.text(4).filter(s -> !s.isEmpty() && !s.contains("\n"))
        .map(s -> new Node(quote(s), List.of(Gen.just(s)), false));
  }

  private static Gen<Node> atom() {
    Gen<Node> cls = Gen.of(
        new Node("[a-c]", List.of(Gen.of("a", "b", "c")), false),
        new Node("[^0-9]", List.of(Gen.of("x", "K", "-", "ß")), false),
        new Node("\\d", List.of(Gen.of("0", "7", "9")), false),
        new Node("\\w", List.of(Gen.of("a", "Z", "_", "5")), false),
        new Node("\\s", List.of(Gen.of(" ", "\t")), false),
        new Node(".", List.of(Gen.of("x", "-", "é")), true),
        new Node(".*", List.of(SigmaValues.text(3).map(s -> s.replace("\n", ""))), true),
        new Node("[sS]", List.of(Gen.of("s", "S")), false),
        // Escapes that stand for one character although they are written with several.
        new Node("\\x41", List.of(Gen.just("A")), false),
        new Node("\\x{3b1}", List.of(Gen.just("α")), false),
        new Node("\\101", List.of(Gen.just("A")), false),
        new Node("\\pL", List.of(Gen.of("a", "Ж", "ß")), false),
        new Node("\\p{Lu}", List.of(Gen.of("A", "Ж", "Σ")), false),
        new Node("\\PL", List.of(Gen.of("1", "-", " ")), false),
        new Node("\\t", List.of(Gen.just("\t")), false),
        new Node("\\Qa.b\\E", List.of(Gen.just("a.b")), false));
    Gen<Node> alternation = Gen.combine(literalNode(), literalNode(), (a, b) -> new Node("(" + a.source() + "|" + b.source() + ")",
            List.of(Gen.oneOf(a.producers().get(0), b.producers().get(0))), false));
    return Gen.frequency(Gen.w(4, literalNode()), Gen.w(3, cls), Gen.w(1, alternation));
  }

  private static Gen<Node> quantified() {
    return Gen.combine(atom(), Gen.ints(0, 7), (n, q) -> {
      String wrapped = n.source().length() == 1 || n.source().startsWith("[") || n.source().startsWith("(")
          || (n.source().startsWith("\\") && n.source().length() == 2) ? n.source() : "(?:" + n.source() + ")";
      if (n.source().equals(".*")) {
        return n;
      }
      Gen<String> one = n.producers().get(0);
      return switch (q) {
        case 0 -> new Node(wrapped + "+", List.of(one.list(1, 3).map(l -> String.join("", l))), n.dot());
        case 1 -> new Node(wrapped + "?", List.of(one.list(0, 1).map(l -> String.join("", l))), n.dot());
        case 2 -> new Node(wrapped + "{1,2}", List.of(one.list(1, 2).map(l -> String.join("", l))), n.dot());
        default -> n;
      };
    });
  }

  static Gen<Regex> regexes() {
    return Memo.of(() -> {
      return Gen.combine(quantified().list(1, 5), Gen.ints(0, 7),
              Gen.ints(0, 7), (nodes, s, e) -> {
            StringBuilder b = new StringBuilder();
            boolean start = s == 0;
            boolean end = e == 0;
            if (s == 1) {
              b.append("(?s)"); // an inline flag group, as 16 SigmaHQ rules write (?i)
            }
            if (start) {
              b.append('^');
            }
            nodes.forEach(n -> b.append(n.source()));
            if (end) {
              b.append('$');
            }
            return new Regex(b.toString(), nodes, start, end);
          });
    }, "regexes");
  }

  /**
   * Text the regex finds: each node's production, literals case-varied when {@code i}, and
   * noise around the unanchored ends (single line, so anchors need no {@code m}).
   */
  static Gen<String> sample(Regex r, boolean ignoreCase) {
    List<Gen<String>> parts = new ArrayList<>();
    parts.add(r.anchoredStart() ? Gen.just("") : SigmaValues.text(3).map(s -> s.replace("\n", "")));
    for (Node n : r.nodes()) {
      Gen<String> p = n.producers().get(0);
      parts.add(ignoreCase ? p.flatMap(s -> SigmaValues.caseVariant(s, false)) : p);
    }
    parts.add(r.anchoredEnd() ? Gen.just("") : SigmaValues.text(3).map(s -> s.replace("\n", "")));
    return Gen.combine(parts, l -> String.join("", l));
  }

  /** Text near the regex: a sample with one character changed, its case changed, or a line break added. */
  static Gen<String> nearMiss(Regex r) {
    return Gen.combine(sample(r, false), Gen.ints(0, 5),
            Gen.ints(0, 1000), SigmaValues.literalChar(), (s, how, where, c) -> how == 5 ? "\n" + s + "\n" : SigmaValues.mutate(s, how, where, c));
  }
}
