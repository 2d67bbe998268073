package io.sigmatch.engine;

import static io.sigmatch.engine.EngineFixture.event;
import static io.sigmatch.engine.EngineFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which predicates wake a rule: the cheapest operand of an AND, every operand of an OR, none
 * under a negation. The costs order equalities by length, routing fields as five times more
 * common, and presence as the most common of all.
 */
class AnchorChoiceTest {

  /** The fields of the predicates {@code title} is anchored on, as field:kind. */
  private static List<String> anchorsOf(EngineFixture f, String title) {
    List<String> out = new ArrayList<>();
    for (int p = 0; p < f.engine.predicateCount(); p++) {
      if (f.anchoredOn(p).contains(title)) {
        Predicate pred = f.engine.table.get(p);
        out.add(pred.field() + ":" + pred.kind());
      }
    }
    return out;
  }

  private static String sel(String items) {
    return "  sel:\n" + items + "  condition: sel";
  }

  @Test
  void anAndIsAnchoredOnItsRarestOperand() {
    EngineFixture f = EngineFixture.of(
        rule("long-suffix", sel("    A|contains: 'ab'\n    B|endswith: '\\evil.exe'\n"))
            + rule("regex-over-short", sel("    A|contains: 'ab'\n    C|re: 'x'\n"))
            + rule("glob-over-regex", sel("    C|re: 'x'\n    D: 'a*b?'\n"))
            + rule("number-over-glob", sel("    D: 'a*b?'\n    N: 5\n"))
            + rule("text-over-number", sel("    N: 5\n    T|startswith: 'abcdef'\n"))
            + rule("number-over-text", sel("    N: 5\n    T|startswith: 'abcde'\n"))
            + rule("null-over-present", sel("    E|exists: true\n    F|cidr: '10.0.0.0/8'\n")));
    assertEquals(List.of("B:TEXT_SUFFIX"), anchorsOf(f, "long-suffix"));
    assertEquals(List.of("C:REGEX"), anchorsOf(f, "regex-over-short"));
    assertEquals(List.of("D:TEXT_GLOB"), anchorsOf(f, "glob-over-regex"));
    assertEquals(List.of("N:NUMBER_EQUALS"), anchorsOf(f, "number-over-glob"));
    assertEquals(List.of("T:TEXT_PREFIX"), anchorsOf(f, "text-over-number"));
    assertEquals(List.of("N:NUMBER_EQUALS"), anchorsOf(f, "number-over-text"));
    assertEquals(List.of("F:CIDR"), anchorsOf(f, "null-over-present"));
    assertEquals(List.of(), f.alwaysRun());
  }

  @Test
  void equalCostsKeepTheFirstOperand() {
    EngineFixture f = EngineFixture.of(rule("tie", sel("    E|exists: true\n    G: '*'\n"))
        + rule("tie2", sel("    G: '*'\n    E|exists: true\n")));
    assertEquals(List.of("E:PRESENT"), anchorsOf(f, "tie"));
    assertEquals(List.of("G:TEXT_ANY"), anchorsOf(f, "tie2"));
    assertEquals(List.of("tie", "tie2"), f.titles(event("E", "1", "G", "2")));
    assertEquals(List.of(), f.titles(event("E", "1")));
  }

  @Test
  void routingFieldsCostFiveTimesMore() {
    EngineFixture f = EngineFixture.of(
        rule("channel", sel("    Channel: 'security'\n    A|contains: 'ab'\n"))
            + rule("eventid", sel("    EventID: 4624\n    C|re: 'x'\n"))
            + rule("provider", sel("    Provider_Name: 'abcdefg'\n    C|re: 'y'\n"))
            + rule("plain", sel("    Plain: 'security'\n    A|contains: 'ab'\n")));
    assertEquals(List.of("A:TEXT_CONTAINS"), anchorsOf(f, "channel"));
    assertEquals(List.of("C:REGEX"), anchorsOf(f, "eventid"));
    assertEquals(List.of("C:REGEX"), anchorsOf(f, "provider"));
    assertEquals(List.of("Plain:TEXT_EQUALS"), anchorsOf(f, "plain"));
  }

  @Test
  void anOrIsAnchoredOnAllItsOperandsOrNone() {
    EngineFixture f = EngineFixture.of(
        rule("or", "  a:\n    A: 'x'\n  b:\n    B|contains: 'y'\n  condition: a or b")
            + rule("or-not", "  a:\n    A: 'x'\n  b:\n    B|contains: 'y'\n  condition: a or not b")
            + rule("and-not", "  a:\n    A: 'x'\n  b:\n    B|contains: 'y'\n  condition: a and not b")
            + rule("not-and", "  a:\n    A: 'x'\n  b:\n    B|contains: 'y'\n  condition: not (a and b)")
            + rule("not-or", "  a:\n    A: 'x'\n  b:\n    B|contains: 'z'\n  condition: not (not a or not b)")
            + rule("null", "  a:\n    A: null\n  condition: a")
            + rule("same-twice", "  a:\n    A: 'x'\n  b:\n    A: 'x'\n    C: 'w'\n  condition: a or b"));
    assertEquals(List.of("A:TEXT_EQUALS", "B:TEXT_CONTAINS"), anchorsOf(f, "or"));
    assertEquals(List.of("A:TEXT_EQUALS"), anchorsOf(f, "and-not"));
    assertEquals(List.of("A:TEXT_EQUALS"), anchorsOf(f, "not-or").subList(0, 1));
    assertEquals(List.of("or-not", "not-and", "null"), f.alwaysRun());
    assertEquals(List.of("A:TEXT_EQUALS"), anchorsOf(f, "same-twice"));
    assertEquals(List.of("or", "or-not", "and-not", "not-and", "same-twice"), f.titles(event("A", "x")));
    assertEquals(List.of("or", "not-and", "null"), f.titles(event("B", "y")));
    assertEquals(List.of("or", "or-not", "not-or", "same-twice"), f.titles(event("A", "x", "B", "yz")));
    assertEquals(List.of("or-not", "not-and", "null"), f.titles(event("C", "w")));
  }

  @Test
  void aRuleTrueOnAnEmptyEventRunsAlways() {
    EngineFixture f = EngineFixture.of(
        rule("missing", "  a:\n    A|exists: false\n  condition: a")
            + rule("all-absent", "  a:\n    A: 'x'\n  b:\n    B: 'y'\n  condition: not a and not b"));
    assertEquals(List.of("missing", "all-absent"), f.alwaysRun());
    assertEquals(List.of("missing", "all-absent"), f.titles(event()));
    assertEquals(List.of("all-absent"), f.titles(event("A", "z")));
    assertEquals(List.of("missing"), f.titles(event("B", "y")));
    assertEquals(2, f.engine.stats().alwaysRun());
  }
}
