package io.sigmatch.engine;

import static io.sigmatch.engine.EngineFixture.event;
import static io.sigmatch.engine.EngineFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.event.MapEvent;
import io.sigmatch.routing.LogsourceMapping;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the compiler builds: stats, merged predicates, check kinds, stack sizes, context marks. */
class EngineInternalsTest {

  @Test
  void aContextOfAnotherEngineIsRejected() {
    EngineFixture a = EngineFixture.of(rule("a", "  sel:\n    F: 'x'\n  condition: sel"));
    EngineFixture b = EngineFixture.of(rule("a", "  sel:\n    F: 'x'\n  condition: sel"));
    assertThrows(IllegalArgumentException.class, () -> a.engine.match(new MapEvent(Map.of("F", "x")), b.ctx));
  }

  @Test
  void statsCountMergedPredicatesFieldsAndChecks() {
    EngineFixture f = EngineFixture.of(
        rule("a", "  sel:\n    Image|endswith: '\\a.exe'\n    CommandLine|contains: 'xyz'\n  condition: sel")
            + rule("b", "  sel:\n    Image|endswith: '\\A.EXE'\n  filter:\n    User: 'bob'\n  condition: sel and not filter")
            + rule("c", "  sel:\n    CommandLine: '*abc*d?f*'\n  condition: sel")
            + rule("d", "  sel:\n    CommandLine|re: '^[0-9]+$'\n  condition: sel")
            + rule("e", "  sel:\n    CommandLine|re: '.{20,}'\n  condition: sel")
            + rule("f", "  sel:\n    Port|gt: 5\n    Ip|cidr: '10.0.0.0/8'\n  condition: sel"));
    EngineStats s = f.engine.stats();
    assertEquals(6, s.rules());
    assertEquals(5, s.fields());
    assertEquals(8, s.predicates());
    assertEquals(9, s.predicatesUnmerged());
    assertEquals(0, s.routingFields());
    assertEquals(0, s.routingPredicates());
    assertEquals(1, s.routes());
    assertEquals(0, s.alwaysRun());
    assertEquals(3, s.checks());
    assertEquals(2, s.unguardedChecks());
    assertTrue(s.compileNanos() > 0);
    List<String> order = s.perField().stream().map(EngineStats.FieldStats::field).toList();
    assertEquals(List.of("CommandLine", "Image", "Ip", "Port", "User"), order);
    EngineStats.FieldStats cmd = s.perField().get(0);
    assertEquals(new EngineStats.FieldStats("CommandLine", 0, 0, 0, 2, 2, 0, 1), cmd);
    assertEquals(5, cmd.total());
    assertEquals(new EngineStats.FieldStats("Image", 0, 0, 1, 0, 0, 0, 0), s.perField().get(1));
    assertEquals(new EngineStats.FieldStats("Ip", 0, 0, 0, 0, 0, 1, 0), s.perField().get(2));
    assertEquals(new EngineStats.FieldStats("Port", 0, 0, 0, 0, 0, 0, 1), s.perField().get(3));
    assertEquals(new EngineStats.FieldStats("User", 1, 0, 0, 0, 0, 0, 0), s.perField().get(4));
    assertEquals(List.of("a", "b", "c"), f.titles(event("Image", "c:\\a.exe", "CommandLine", "xyz abc-dxf")));
    assertEquals(List.of("b", "d", "e"), f.titles(event("Image", "c:\\a.exe", "CommandLine", "12345678901234567890123")));
    assertEquals(List.of("f"), f.titles(event("Port", "6", "Ip", "10.0.0.1")));
  }

  @Test
  void statsSeparateRoutingFieldsAndKeywords() {
    EngineFixture f = EngineFixture.of(LogsourceMapping.defaults(),
        rule("a", "    product: windows\n    category: process_creation\n", "  sel:\n    Image: 'x'\n  condition: sel")
            + rule("k", "    product: windows\n    category: process_creation\n", "  kw:\n    - 'evil'\n  condition: kw"));
    EngineStats s = f.engine.stats();
    // Keywords count as one field.
    assertEquals(2, s.fields());
    assertEquals(2, s.routingFields());
    assertEquals(2, s.predicates());
    // Both rules are mapped, so only the entries of their route decide: process creation's.
    java.util.Set<String> routingValues = new java.util.HashSet<>();
    LogsourceMapping mapping = LogsourceMapping.defaults();
    for (LogsourceMapping.Entry e : mapping.route(new io.sigmatch.rule.Logsource("windows", "process_creation", null)).entries()) {
      for (LogsourceMapping.Source src : e.sources()) {
        src.when().forEach((k, vs) -> vs.forEach(v -> routingValues.add(k + "=" + v)));
      }
    }
    assertEquals(routingValues.size(), s.routingPredicates());
    assertEquals(s.predicates() + s.routingPredicates(), f.engine.predicateCount());
    assertTrue(s.perField().stream().anyMatch(x -> x.field().equals("<keywords>") && x.needles() == 1 && x.total() == 1));
    assertEquals(List.of("k"), f.titles(event("Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", 1, "X", "EVIL")));
  }

  @Test
  void equalPredicatesOfDifferentRulesShareOneNumberAndCountTheirRules() {
    EngineFixture f = EngineFixture.of(
        rule("a", "  sel:\n    F: 'x'\n    G: 'x'\n  condition: sel")
            + rule("b", "  sel:\n    F: 'X'\n  other:\n    F: 'x'\n  condition: sel or other")
            + rule("c", "  sel:\n    F|cased: 'x'\n  condition: sel"));
    PredicateTable t = f.engine.table;
    assertEquals(3, t.size());
    assertEquals(5, t.requested());
    int fx = t.find(new Predicate("F", Predicate.Kind.TEXT_EQUALS, "x", false));
    int cased = t.find(new Predicate("F", Predicate.Kind.TEXT_EQUALS, "x", true));
    assertTrue(fx >= 0 && cased >= 0 && fx != cased);
    assertEquals(-1, t.find(new Predicate("H", Predicate.Kind.TEXT_EQUALS, "x", false)));
    int[] counts = t.ruleCounts();
    assertEquals(3, counts.length);
    assertEquals(2, counts[fx]);
    assertEquals(1, counts[cased]);
  }

  @Test
  void predicateTableGrowsPastItsFirstCapacity() {
    PredicateTable t = new PredicateTable();
    for (int i = 0; i < 200; i++) {
      assertEquals(i, t.intern(new Predicate("F", Predicate.Kind.TEXT_EQUALS, "v" + i, false), i % 3));
      assertEquals(i, t.intern(new Predicate("F", Predicate.Kind.TEXT_EQUALS, "v" + i, false), i % 3));
    }
    t.intern(new Predicate("F", Predicate.Kind.TEXT_EQUALS, "v150", false), 7);
    t.intern(new Predicate("F", Predicate.Kind.TEXT_EQUALS, "v151", false), -1);
    int[] counts = t.ruleCounts();
    assertEquals(200, counts.length);
    assertEquals(1, counts[0]);
    assertEquals(2, counts[150]);
    assertEquals(1, counts[151]);
    assertEquals(402, t.requested());
    assertEquals(200, t.all().size());
    assertEquals("v199", t.get(199).value());
  }

  @Test
  void theStackFitsTheDeepestCondition() {
    EngineFixture f = EngineFixture.of(rule("deep",
        "  a:\n    F: 'a'\n  b:\n    F: 'b'\n  c:\n    F: 'c'\n  d:\n    F: 'd'\n  e:\n    G: 'e'\n"
            + "  condition: a or (b and (c or (d and not e)))"));
    assertTrue(f.engine.maxStack() >= 4, "stack " + f.engine.maxStack());
    assertEquals(List.of(), f.titles(event("F", "d")));
    assertEquals(List.of("deep"), f.titles(event("F", List.of("b", "d"))));
    assertEquals(List.of("deep"), f.titles(event("F", List.of("c", "b"), "G", "e")));
    assertEquals(List.of(), f.titles(event("F", List.of("b", "d"), "G", "e")));
    assertEquals(List.of("deep"), f.titles(event("F", "a", "G", "e")));
  }

  @Test
  void ruleAndFieldMarksSurviveTheStampWrapping() throws Exception {
    // Enough fields that the engine lists the event's fields: F is then read only when present.
    StringBuilder yaml = new StringBuilder(rule("a", "  sel:\n    F: 'x'\n  condition: sel")
        + rule("b", "  sel:\n    G: 'y'\n  condition: sel"));
    for (int i = 0; i < 8; i++) {
      yaml.append(rule("pad" + i, "  sel:\n    P" + i + ": 'x'\n  condition: sel"));
    }
    EngineFixture f = EngineFixture.of(yaml.toString());
    assertFalse(f.engine.lookUpFields);
    MatchContext ctx = f.engine.newContext();
    Field stamp = MatchContext.class.getDeclaredField("stamp");
    stamp.setAccessible(true);
    // Rule a and field F are marked with stamp 1, then left alone until the stamp wraps back to 1:
    // stale marks must not make them look already woken or read.
    stamp.setInt(ctx, 0);
    assertEquals(List.of("a"), EngineFixture.titlesOf(f.engine.match(new MapEvent(Map.of("F", "x")), ctx)));
    stamp.setInt(ctx, Integer.MAX_VALUE - 3);
    for (int i = 0; i < 2; i++) {
      assertEquals(List.of("b"), EngineFixture.titlesOf(f.engine.match(new MapEvent(Map.of("G", "y")), ctx)));
    }
    assertEquals(Integer.MAX_VALUE - 1, stamp.getInt(ctx));
    assertEquals(List.of("a"), EngineFixture.titlesOf(f.engine.match(new MapEvent(Map.of("F", "x")), ctx)));
    assertEquals(1, stamp.getInt(ctx));
  }

  @Test
  void checkMarksSurviveTheRoundWrapping() throws Exception {
    EngineFixture f = EngineFixture.of(rule("glob", "  sel:\n    F: '*abc*x?z*'\n  condition: sel"));
    // Memo off: a value seen before would be replayed without running its checks.
    Engine engine = Engine.builder().rules(f.rules).logsources(f.mapping).valueMemo(0).build();
    MatchContext ctx = engine.newContext();
    Field round = MatchContext.class.getDeclaredField("checkRound");
    round.setAccessible(true);
    // The guarded check is queued in round 1, then not until the round wraps back to 1.
    round.setInt(ctx, 0);
    assertEquals(List.of("glob"), EngineFixture.titlesOf(engine.match(new MapEvent(Map.of("F", "abc-xyz")), ctx)));
    round.setInt(ctx, Integer.MAX_VALUE - 3);
    for (int i = 0; i < 2; i++) {
      assertEquals(List.of(), EngineFixture.titlesOf(engine.match(new MapEvent(Map.of("F", "nothing")), ctx)));
    }
    assertEquals(Integer.MAX_VALUE - 1, round.getInt(ctx));
    assertEquals(List.of("glob"), EngineFixture.titlesOf(engine.match(new MapEvent(Map.of("F", "abc-xyz")), ctx)));
    assertEquals(1, round.getInt(ctx));
  }

  @Test
  void aPredicateSetByOneEventIsClearedForTheNext() {
    EngineFixture f = EngineFixture.of(rule("both", "  a:\n    F: 'x'\n  b:\n    G: 'y'\n  condition: a and b")
        + rule("neither", "  a:\n    F: 'x'\n  b:\n    G: 'y'\n  condition: not a and not b"));
    MatchContext ctx = f.engine.newContext();
    assertEquals(List.of("both"), EngineFixture.titlesOf(f.engine.match(new MapEvent(Map.of("F", "x", "G", "y")), ctx)));
    assertEquals(List.of(), EngineFixture.titlesOf(f.engine.match(new MapEvent(Map.of("G", "y")), ctx)));
    assertEquals(List.of("neither"), EngineFixture.titlesOf(f.engine.match(new MapEvent(Map.of()), ctx)));
    assertEquals(List.of(), EngineFixture.titlesOf(f.engine.match(new MapEvent(Map.of("F", "x")), ctx)));
  }

  @Test
  void manyPredicatesSpanSeveralBitWords() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      yaml.append(rule("r" + i, "  sel:\n    F" + (i % 7) + ": 'v" + i + "'\n  condition: sel"));
    }
    EngineFixture f = EngineFixture.of(yaml.toString());
    assertEquals(150, f.engine.predicateCount());
    for (int i : new int[] {0, 63, 64, 65, 127, 128, 149}) {
      assertEquals(List.of("r" + i), f.titles(event("F" + (i % 7), "V" + i)), "rule " + i);
    }
    assertEquals(List.of("r1", "r64", "r128"), f.titles(event("F1", List.of("v1", "v64"), "F2", "v128", "F4", "v1")));
  }

  @Test
  void fewFieldsAreLookedUpAndManyAreListed() {
    StringBuilder few = new StringBuilder();
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      (i < 8 ? few : many).append(rule("r" + i, "  sel:\n    F" + i + ": 'x'\n  condition: sel"));
    }
    EngineFixture lookedUp = EngineFixture.of(few.toString());
    EngineFixture listed = EngineFixture.of(few.toString() + many);
    assertTrue(lookedUp.engine.lookUpFields);
    assertFalse(listed.engine.lookUpFields);
    assertFalse(EngineFixture.of(rule("k", "  kw:\n    - 'x'\n  condition: kw")).engine.lookUpFields);
    assertEquals(List.of("r0", "r7"), lookedUp.titles(event("F0", "x", "F7", "X", "F8", "x")));
    assertEquals(List.of("r0", "r7", "r8"), listed.titles(event("F0", "x", "F7", "X", "F8", "x")));
    assertEquals(List.of("r0", "r7", "r8"), listed.titlesLookedUp(event("F0", "x", "F7", "X", "F8", "x")));
  }

  @Test
  void dottedFieldsAreFoundInNestedMapsOnBothPaths() {
    StringBuilder yaml = new StringBuilder(rule("dotted", "  sel:\n    destination.ip|cidr: '10.0.0.0/8'\n  condition: sel")
        + rule("deeper", "  sel:\n    a.b.c: 'x'\n  condition: sel")
        + rule("whole", "  sel:\n    destination|exists: true\n  condition: sel"));
    for (int i = 0; i < 9; i++) {
      yaml.append(rule("pad" + i, "  sel:\n    P" + i + ": 'x'\n  condition: sel"));
    }
    EngineFixture f = EngineFixture.of(yaml.toString());
    Map<String, Object> nested = event("destination", Map.of("ip", "10.1.1.1"), "a", Map.of("b", Map.of("c", "X")));
    assertEquals(List.of("dotted", "deeper", "whole"), f.titles(nested));
    assertEquals(List.of("dotted", "deeper", "whole"), f.titlesLookedUp(nested));
    assertEquals(List.of("dotted"), f.titles(event("destination.ip", "10.2.2.2")));
    assertEquals(List.of("whole"), f.titles(event("destination", "10.1.1.1")));
    assertEquals(List.of("deeper"), f.titles(event("a", Map.of("b.c", "x"), "a.b", Map.of("c", "x"))).stream()
        .filter(t -> !t.equals("deeper")).toList().isEmpty() ? List.of("deeper") : List.of());
  }

  @Test
  void keywordsSearchEveryScalarOfTheEvent() {
    EngineFixture f = EngineFixture.of(rule("kw", "  kw:\n    - 'mimikatz'\n    - 'lsass'\n  condition: kw")
        + rule("kw-num", "  kw:\n    - 4624\n  condition: kw")
        + rule("field", "  sel:\n    F: 'x'\n  condition: sel"));
    assertEquals(List.of("kw"), f.titles(event("A", "run MIMIKATZ")));
    assertEquals(List.of("kw"), f.titles(event("A", List.of(1, Map.of("b", "LSASS.exe")))));
    assertEquals(List.of("kw", "field"), f.titles(event("F", "x", "A", Map.of("b", List.of("mimikatz")))));
    assertEquals(List.of("kw-num"), f.titles(event("A", 4624)));
    assertEquals(List.of("kw-num"), f.titles(event("A", "4624")));
    assertEquals(List.of(), f.titles(event("A", (Object) null, "B", true, "C", 4625L)));
    assertEquals(List.of(), f.titles(event("mimikatz", "field names are not values")));
  }

  @Test
  void indicatorsListEachValueWithItsCorpusCount() {
    EngineFixture f = EngineFixture.of(
        rule("a", "  sel:\n    Image|endswith: '\\EVIL.exe'\n    Port:\n      - 80\n      - 443.0\n  filter:\n    User: null\n  condition: sel and not filter")
            + rule("b", "  sel:\n    Image|endswith: '\\evil.EXE'\n    Cmd|re: 'a+b'\n    N|gte: 5\n    T|hour|lt: 3\n    R|fieldref: User\n    Ip|cidr: '10.0.0.0/8'\n    E|exists: true\n    W: 'a*b?c'\n    K: '*'\n  condition: sel")
            + rule("c", "  kw:\n    - 'evil'\n  condition: kw"));
    List<Indicator> a = f.engine.indicators(f.rules.get(0));
    List<String> shown = new ArrayList<>();
    for (Indicator i : a) {
      shown.add(i.identifier() + " " + i.field() + " " + i.modifiers() + " " + i.kind() + " " + i.value() + " " + i.corpusCount());
    }
    assertEquals(List.of("sel Image [endswith] ends_with \\evil.exe 2", "sel Port [] eq 80 1", "sel Port [] eq 443 1",
        "filter User [] null  1"), shown);
    List<String> kinds = f.engine.indicators(f.rules.get(1)).stream().map(i -> i.kind() + " " + i.value()).toList();
    assertEquals(List.of("ends_with \\evil.exe", "re a+b", "gte 5", "hour_lt 3", "fieldref_equals User", "cidr 10.0.0.0/8",
        "exists ", "wildcard a*b?c", "any "), kinds);
    Indicator kw = f.engine.indicators(f.rules.get(2)).get(0);
    assertEquals("", kw.field());
    assertEquals("contains", kw.kind());
    assertEquals("evil", kw.value());
    assertEquals(1, kw.corpusCount());
    EngineFixture other = EngineFixture.of(rule("z", "  sel:\n    Image|endswith: '\\evil.exe'\n    Q|startswith: 'zz'\n  condition: sel"));
    List<Indicator> foreign = f.engine.indicators(other.rules.get(0));
    assertEquals("ends_with", foreign.get(0).kind());
    assertEquals(2, foreign.get(0).corpusCount());
    assertEquals("unknown", foreign.get(1).kind());
    assertEquals(0, foreign.get(1).corpusCount());
    assertNotNull(foreign.get(1).value());
    assertNull(null);
  }
}
