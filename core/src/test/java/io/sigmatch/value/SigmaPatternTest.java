package io.sigmatch.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * {@link SigmaPattern#matches} against an independent oracle, {@link java.util.regex}: both
 * evaluators use the pattern matcher, so the differential tests cannot see its mistakes. Values
 * and literals share a small alphabet (so stars have to choose among many placements), with a line
 * break and a supplementary character, which {@code ?} takes whole.
 */
class SigmaPatternTest {
  private static final List<String> PIECES = List.of("a", "b", "ab", " ", ":\\", "\n", "\uD83D\uDE00");
  private static final List<String> DENSE = List.of("a", "b", "a", "b", "ab", "\uD83D\uDE00");

  @Property
  void matchesAsTheRegexTranslationDoes(@ForAll("patterns") List<String> tokens, @ForAll("values") String value) {
    assertAgreesWithTheOracle(tokens, value);
  }

  /** Stars around each pattern and mostly two letters: a segment's candidate placements overlap. */
  @Property
  void matchesAsTheRegexTranslationDoesOnOverlappingText(@ForAll("densePatterns") List<String> tokens,
      @ForAll("denseValues") String value) {
    assertAgreesWithTheOracle(tokens, value);
  }

  @Test
  void aMiddleSegmentWithAWildcardIsFoundAfterEarlierCandidatesFail() {
    SigmaPattern p = SigmaPattern.builder().star().literal(" ").one().literal(":\\windows\\").star().build();
    assertTrue(p.matches("cmd /c  x:\\temp\\a y:\\windows\\b"));
    assertFalse(p.matches("cmd /c x:\\temp\\a y:\\windowz\\b"));
    assertTrue(p.matches(" \uD83D\uDE00:\\windows\\"));
    assertFalse(p.matches(" ab:\\windows\\"));
  }

  @Test
  void candidatesForASegmentMayOverlap() {
    SigmaPattern p = SigmaPattern.builder().star().literal("aba").one().literal("x").star().build();
    assertTrue(p.matches("abababx"));
    assertTrue(p.matches(new StringBuilder("abababx")));
  }

  @Provide
  Arbitrary<List<String>> patterns() {
    return tokens(PIECES, 4, 2).list().ofMaxSize(7);
  }

  @Provide
  Arbitrary<String> values() {
    return text(PIECES, 12);
  }

  @Provide
  Arbitrary<List<String>> densePatterns() {
    return tokens(DENSE, 5, 1).list().ofMaxSize(8).map(l -> {
      List<String> starred = new ArrayList<>(l);
      starred.add(0, "*");
      starred.add("*");
      return starred;
    });
  }

  @Provide
  Arbitrary<String> denseValues() {
    return text(DENSE, 20);
  }

  /** Literals from {@code pieces}, stars and question marks, in the weights given (two for {@code ?}). */
  private static Arbitrary<String> tokens(List<String> pieces, int literalWeight, int starWeight) {
    return Arbitraries.frequencyOf(
        Tuple.of(literalWeight, Arbitraries.of(pieces)),
        Tuple.of(starWeight, Arbitraries.just("*")),
        Tuple.of(2, Arbitraries.just("?")));
  }

  private static Arbitrary<String> text(List<String> pieces, int maxPieces) {
    return Arbitraries.of(pieces).list().ofMaxSize(maxPieces).map(l -> String.join("", l));
  }

  /** The pattern decides as the regex does, on the value as a string and as another char sequence. */
  private static void assertAgreesWithTheOracle(List<String> tokens, String value) {
    boolean expected = oracle(tokens).matcher(value).matches();
    SigmaPattern pattern = build(tokens);
    assertEquals(expected, pattern.matches(value), () -> tokens + " on [" + value + "]");
    assertEquals(expected, pattern.matches(new StringBuilder(value)), () -> tokens + " on a CharSequence [" + value + "]");
  }

  private static SigmaPattern build(List<String> tokens) {
    SigmaPattern.Builder b = SigmaPattern.builder();
    for (String t : tokens) {
      switch (t) {
        case "*" -> b.star();
        case "?" -> b.one();
        default -> b.literal(t);
      }
    }
    return b.build();
  }

  private static Pattern oracle(List<String> tokens) {
    StringBuilder regex = new StringBuilder();
    for (String t : tokens) {
      regex.append(switch (t) {
        case "*" -> ".*";
        case "?" -> ".";
        default -> Pattern.quote(t);
      });
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
