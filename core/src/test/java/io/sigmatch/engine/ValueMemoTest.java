package io.sigmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.event.Event;
import io.sigmatch.event.MapEvent;
import io.sigmatch.reference.ReferenceEvaluator;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.SigmaRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The value memo replays what a string value set when last seen: verdicts must be those of a fresh
 * match whatever the memo holds, evicts or refuses to hold.
 */
class ValueMemoTest {
  private static List<SigmaRule> load(String yaml) {
    RuleSet set = RuleLoader.builder().build().loadText(yaml, "memo.yml");
    assertEquals(List.of(), set.errors());
    return set.rules();
  }

  /** Runs the events in order through engines with several memo sizes, each checked against the reference. */
  private static void assertSameVerdicts(List<SigmaRule> rules, List<Event> events) {
    assertSameVerdicts(rules, LogsourceMapping.none(), events);
  }

  /**
   * Also with a keyword rule that never matches added: an engine of few fields and no keywords
   * looks the fields up, one with keywords lists the event's fields, and both paths must agree.
   */
  private static void assertSameVerdicts(List<SigmaRule> rules, LogsourceMapping mapping, List<Event> events) {
    List<SigmaRule> listing = new ArrayList<>(rules);
    listing.addAll(load("""
        title: never
        logsource: {product: never}
        detection: {keywords: ['never-in-any-event'], condition: keywords}
        """));
    assertSameVerdictsOf(rules, mapping, events);
    assertSameVerdictsOf(listing, mapping, events);
  }

  private static void assertSameVerdictsOf(List<SigmaRule> rules, LogsourceMapping mapping, List<Event> events) {
    ReferenceEvaluator reference = ReferenceEvaluator.create(rules, mapping);
    for (int slots : new int[] {0, 1, 2, 4096}) {
      Engine engine = Engine.builder().rules(rules).logsources(mapping).valueMemo(slots).build();
      MatchContext ctx = engine.newContext();
      for (int round = 0; round < 2; round++) {
        for (Event e : events) {
          assertEquals(titles(reference.evaluate(e)), titles(engine.match(e, ctx)), slots + " slots, event " + e);
        }
      }
    }
  }

  private static List<String> titles(List<SigmaRule> rules) {
    List<String> out = new ArrayList<>();
    rules.forEach(r -> out.add(r.title()));
    out.sort(null);
    return out;
  }

  private static Event event(Map<String, ?> fields) {
    return new MapEvent(fields);
  }

  @Test
  void aListElementRemembersWhatAnEarlierElementAlreadySet() {
    // "xa" sets the contains-x predicate after "xb" set it for the same event: the memo must still
    // remember it for "xa", or the next event holding "xa" alone would miss it.
    List<SigmaRule> rules = load("""
        title: x
        logsource: {product: test}
        detection: {sel: {f|contains: x}, condition: sel}
        ---
        title: a
        logsource: {product: test}
        detection: {sel: {f|endswith: a}, condition: sel}
        """);
    assertSameVerdicts(rules, List.of(event(Map.of("f", List.of("xb", "xa"))), event(Map.of("f", "xa")),
        event(Map.of("f", "yb"))));
  }

  @Test
  void aValueSettingMoreThanTheMemoHoldsIsMatchedAfreshEveryTime() {
    StringBuilder yaml = new StringBuilder();
    StringBuilder all = new StringBuilder();
    for (int i = 0; i <= ValueMemo.WIDTH + 2; i++) {
      String token = String.format("<%03d>", i);
      all.append(token);
      yaml.append("title: r").append(i).append("\nlogsource: {product: test}\n")
          .append("detection: {sel: {f|contains: '").append(token).append("'}, condition: sel}\n---\n");
    }
    List<SigmaRule> rules = load(yaml.toString());
    assertSameVerdicts(rules, List.of(event(Map.of("f", all.toString())), event(Map.of("f", "<001><002>")),
        event(Map.of("f", all.toString()))));
  }

  @Test
  void theSameStringInDifferentFieldsAndInKeywordsIsRememberedApart() {
    List<SigmaRule> rules = load("""
        title: f
        logsource: {product: test}
        detection: {sel: {f: 'evil.exe'}, condition: sel}
        ---
        title: g
        logsource: {product: test}
        detection: {sel: {g|startswith: 'ev'}, condition: sel}
        ---
        title: kw
        logsource: {product: test}
        detection: {keywords: ['il.ex'], condition: keywords}
        """);
    assertSameVerdicts(rules, List.of(event(Map.of("f", "evil.exe")), event(Map.of("g", "evil.exe")),
        event(Map.of("h", "evil.exe")), event(Map.of("f", "evil.exe", "g", "evil.exe"))));
  }

  @Test
  void keywordPredicatesAreReplayedOnlyForTheKeywordIndexesTheyWereFoundWith() {
    // "evil.exe" in f is first matched on a channel-a event (keyword index of product a open),
    // then on a channel-b event (only product b's open), then on an event no entry claims (both
    // closed), then through a list (no keyword scan with it), then on channel a again.
    LogsourceMapping mapping = LogsourceMapping.parse("""
        logsources:
          - logsource: {product: a}
            sources:
              - when: {Channel: 'a'}
          - logsource: {product: b}
            sources:
              - when: {Channel: 'b'}
        """, "test");
    List<SigmaRule> rules = load("""
        title: f on a
        logsource: {product: a}
        detection: {sel: {f|endswith: '.exe'}, condition: sel}
        ---
        title: f on b
        logsource: {product: b}
        detection: {sel: {f|startswith: 'evil'}, condition: sel}
        ---
        title: keyword on a
        logsource: {product: a}
        detection: {keywords: ['vil.ex'], condition: keywords}
        ---
        title: keyword on b
        logsource: {product: b}
        detection: {keywords: ['il.e'], condition: keywords}
        ---
        title: keyword anywhere
        logsource: {product: c}
        detection: {keywords: ['evil'], condition: keywords}
        """);
    Event onA = event(Map.of("Channel", "a", "f", "evil.exe"));
    Event onB = event(Map.of("Channel", "b", "f", "evil.exe"));
    Event unclaimed = event(Map.of("f", "evil.exe"));
    Event listed = event(Map.of("Channel", "b", "f", List.of("evil.exe", "x")));
    assertSameVerdicts(rules, mapping, List.of(onA, onB, unclaimed, listed, onA, unclaimed, onB, onB, onA));
    assertSameVerdicts(rules, mapping, List.of(listed, onB, unclaimed, onA, onA));
  }

  @Test
  void fieldReferencesAreMatchedEveryTimeWhileTheFieldsOwnPredicatesAreRemembered() {
    List<SigmaRule> rules = load("""
        title: same
        logsource: {product: test}
        detection: {sel: {a|fieldref: b}, condition: sel}
        ---
        title: same and x
        logsource: {product: test}
        detection: {sel: {a|fieldref: b, a|contains: x}, condition: sel}
        ---
        title: x alone
        logsource: {product: test}
        detection: {sel: {a|endswith: x}, condition: sel}
        ---
        title: same as nested
        logsource: {product: test}
        detection: {sel: {a|fieldref: b.c}, condition: sel}
        """);
    Map<String, Object> nullB = new java.util.HashMap<>(Map.of("a", "x"));
    nullB.put("b", null);
    assertSameVerdicts(rules, List.of(event(Map.of("a", "x", "b", Map.of("c", "x"))), event(Map.of("a", "x", "b.c", "x")),
        event(nullB), event(Map.of("a", "x", "b", Map.of("c", "y"))),
        event(Map.of("a", "x", "b", "x")), event(Map.of("a", "x", "b", "y")),
        event(Map.of("a", "x", "b", "x")), event(Map.of("a", "x")), event(Map.of("a", List.of("x", "y"), "b", "y"))));
  }

  @Test
  void longValuesAreMatchedWithoutBeingRemembered() {
    String big = "z".repeat(ValueMemo.MAX_LENGTH) + "needle";
    List<SigmaRule> rules = load("""
        title: n
        logsource: {product: test}
        detection: {sel: {f|contains: needle}, condition: sel}
        """);
    assertSameVerdicts(rules, List.of(event(Map.of("f", big)), event(Map.of("f", big.substring(1))),
        event(Map.of("f", "needle"))));
  }

  @Test
  void longValuesAreRememberedWithinTheirBudget() {
    List<SigmaRule> rules = load("""
        title: n
        logsource: {product: test}
        detection: {sel: {f|contains: needle}, condition: sel}
        ---
        title: ends with 7
        logsource: {product: test}
        detection: {sel: {f|endswith: '7'}, condition: sel}
        """);
    List<Event> events = new ArrayList<>();
    int length = ValueMemo.SHORT * 8;
    for (int i = 0; i < 2 * ValueMemo.LONG_BUDGET / length; i++) {
      String filler = Integer.toString(i).repeat(length / Integer.toString(i).length() + 1);
      events.add(event(Map.of("f", (i % 3 == 0 ? "needle" : "") + filler.substring(0, length))));
    }
    assertSameVerdicts(rules, events);
    Engine engine = Engine.builder().rules(rules).logsources(LogsourceMapping.none()).build();
    MatchContext ctx = engine.newContext();
    for (Event e : events) {
      engine.match(e, ctx);
      assertTrue(ctx.memo.longChars() <= ValueMemo.LONG_BUDGET, "long chars held " + ctx.memo.longChars());
    }
    assertTrue(ctx.memo.longChars() > ValueMemo.LONG_BUDGET / 2, "long values are held: " + ctx.memo.longChars());
  }

  @Test
  void anEngineWhoseFieldsNeverConsultTheMemoGivesItsContextsNone() {
    List<SigmaRule> tables = load("""
        title: t
        logsource: {product: test}
        detection: {sel: {f|endswith: '.exe', g: 'true', port: [80, 443]}, condition: sel}
        """);
    Engine engine = Engine.builder().rules(tables).logsources(LogsourceMapping.none()).build();
    assertEquals(0, engine.valueMemoSlots);
    assertEquals(null, engine.newContext().memo);
    // A list element of a table-only field does not reach the memo either.
    assertSameVerdicts(tables, List.of(event(Map.of("f", List.of("A.EXE", "b"), "g", "TRUE", "port", 443)),
        event(Map.of("f", "a.ex\u00C9", "g", "true", "port", "80")), event(Map.of("f", "x.exe", "g", "true", "port", 8080))));
    List<SigmaRule> withContains = new ArrayList<>(tables);
    withContains.addAll(load("""
        title: c
        logsource: {product: test}
        detection: {sel: {h|contains: x}, condition: sel}
        """));
    assertEquals(Engine.Builder.DEFAULT_VALUE_MEMO_SLOTS,
        Engine.builder().rules(withContains).logsources(LogsourceMapping.none()).build().valueMemoSlots);
  }

  @Test
  void slotCountsAreRoundedUpToAPowerOfTwoAndBounded() {
    List<SigmaRule> contains = load("""
        title: x
        logsource: {product: test}
        detection: {sel: {f|contains: x}, condition: sel}
        """);
    assertEquals(8, Engine.builder().rules(contains).valueMemo(5).build().valueMemoSlots);
    assertEquals(1, Engine.builder().rules(contains).valueMemo(1).build().valueMemoSlots);
    assertEquals(0, Engine.builder().rules(contains).valueMemo(0).build().valueMemoSlots);
    assertEquals(Engine.Builder.DEFAULT_VALUE_MEMO_SLOTS, Engine.builder().rules(contains).build().valueMemoSlots);
    assertThrows(IllegalArgumentException.class, () -> Engine.builder().valueMemo(-1));
    assertThrows(IllegalArgumentException.class, () -> Engine.builder().valueMemo((1 << 24) + 1));
  }

  /** A PowerShell ContextInfo-like value: short lines around one long line, and a sequence number. */
  private static String contextInfo(String longLine, int sequence) {
    return "        Severity = Informational\n        Host Application = " + longLine
        + "\n        Sequence Number = " + sequence + "\n        User = DOMAIN\\user\n";
  }

  /**
   * The line memo: long lines seen in earlier values are replayed for the field's needles and the
   * keywords' (each automaton its own), in any case, beside lines with a non-ASCII char (folded
   * and scanned whole) and a field with a needle across a line break (scanned whole).
   */
  @Test
  void longLinesRepeatedInOtherValuesGiveTheVerdictsOfAFreshMatch() {
    List<SigmaRule> rules = load("""
        title: contains
        logsource: {product: test}
        detection: {sel: {ContextInfo|contains: ['-enc', 'iex', 'invoke-expression', 'sequence number = 7']}, condition: sel}
        ---
        title: guarded regex
        logsource: {product: test}
        detection: {sel: {ContextInfo|re: 'Host Application = \\S+ -w 1 '}, condition: sel}
        ---
        title: needle across a break
        logsource: {product: test}
        detection: {sel: {Payload|contains: "Informational\\n        Host"}, condition: sel}
        ---
        title: keywords
        logsource: {product: test}
        detection: {keywords: ['sekurlsa::', 'kerberos::golden'], condition: keywords}
        """);
    String payload = "SQBGACgAJABQAFMAVgBlAHIAUwBpAG8ATgBUAGEAQgBsAEUALgBQAFMAVgBFAFIAUwBJAE8ATgAu".repeat(6);
    String plain = "powershell.exe -noP -w 1 -enc " + payload;
    String upper = plain.toUpperCase(java.util.Locale.ROOT);
    String keyword = "powershell.exe -c " + payload + " sekurlsa::logonpasswords";
    String nonAscii = "powershell.exe -w 1 -c \u00C9cho " + payload + " Invoke-Expression";
    String noEnc = "powershell.exe -w 2 -c " + payload;
    List<Event> events = new ArrayList<>();
    int sequence = 0;
    for (int round = 0; round < 3; round++) {
      for (String line : List.of(plain, upper, keyword, nonAscii, noEnc)) {
        String value = contextInfo(line, sequence++);
        events.add(event(Map.of("ContextInfo", value, "Payload", value)));
      }
    }
    assertSameVerdicts(rules, events);
    assertTrue(Engine.builder().rules(rules).logsources(LogsourceMapping.none()).build().newContext().lines != null,
        "a three-char needle keeps ContextInfo out of the block-shift prefilter, so its values reach the memos");
  }
}
