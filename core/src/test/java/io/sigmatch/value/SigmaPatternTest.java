package io.sigmatch.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link SigmaPattern#matches} against an independent oracle, {@link java.util.regex}: both
 * evaluators use the pattern matcher, so the differential tests cannot see its mistakes. Values
 * and literals share a small alphabet (so stars have to choose among many placements), with a line
 * break and a supplementary character, which {@code ?} takes whole.
 */
class SigmaPatternTest {
  private static final List<String> PIECES = List.of("a", "b", "ab", " ", ":\\", "\n", "\uD83D\uDE00");
  /** Mostly two letters, so that a segment's candidate placements overlap. */
  private static final List<String> DENSE = List.of("a", "b", "a", "b", "ab", "\uD83D\uDE00");

  @Property
  void matchesAsTheRegexTranslationDoes(@ForAll("patterns") List<String> tokens, @ForAll("values") String value) {
    SigmaPattern pattern = build(tokens);
    assertEquals(oracle(tokens).matcher(value).matches(), pattern.matches(value),
        () -> tokens + " on [" + value + "]");
    assertEquals(oracle(tokens).matcher(value).matches(), pattern.matches(new StringBuilder(value)),
        () -> tokens + " on a CharSequence [" + value + "]");
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
    Arbitrary<String> token = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.of(PIECES)),
        net.jqwik.api.Tuple.of(2, Arbitraries.just("*")),
        net.jqwik.api.Tuple.of(2, Arbitraries.just("?")));
    return token.list().ofMaxSize(7);
  }

  @Property
  void matchesAsTheRegexTranslationDoesOnOverlappingText(@ForAll("densePatterns") List<String> tokens,
      @ForAll("denseValues") String value) {
    assertEquals(oracle(tokens).matcher(value).matches(), build(tokens).matches(value), () -> tokens + " on [" + value + "]");
    assertEquals(oracle(tokens).matcher(value).matches(), build(tokens).matches(new StringBuilder(value)),
        () -> tokens + " on a CharSequence [" + value + "]");
  }

  @Provide
  Arbitrary<List<String>> densePatterns() {
    Arbitrary<String> token = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, Arbitraries.of(DENSE)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("*")),
        net.jqwik.api.Tuple.of(2, Arbitraries.just("?")));
    return token.list().ofMaxSize(8).map(l -> {
      List<String> starred = new java.util.ArrayList<>(l);
      starred.add(0, "*");
      starred.add("*");
      return starred;
    });
  }

  @Provide
  Arbitrary<String> denseValues() {
    return Arbitraries.of(DENSE).list().ofMaxSize(20).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.of(PIECES).list().ofMaxSize(12).map(l -> String.join("", l));
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
