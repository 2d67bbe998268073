package io.sigmatch.engine;

import static io.sigmatch.engine.EngineFixture.event;
import static io.sigmatch.engine.EngineFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.routing.LogsourceMapping;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Logsource routing through the route table: mapped routes need all their entries, unmapped ones
 * run on unclaimed events and on covering ones, and gates keep fields of shut routes unread. The
 * bundled mapping has more than 64 entries, so its masks span two words.
 */
class EngineRoutingTest {
  private static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";

  private static String ls(String product, String category, String service) {
    return "    product: " + product + "\n" + (category == null ? "" : "    category: " + category + "\n")
        + (service == null ? "" : "    service: " + service + "\n");
  }

  private static final String RULES =
      rule("proc", ls("windows", "process_creation", null), "  sel:\n    Image|endswith: '\\evil.exe'\n  condition: sel")
          + rule("net", ls("windows", "network_connection", null), "  sel:\n    Image|endswith: '\\evil.exe'\n  condition: sel")
          + rule("win", ls("windows", null, null), "  sel:\n    Image|endswith: '\\evil.exe'\n  condition: sel")
          + rule("linux-proc", ls("linux", "process_creation", null), "  sel:\n    Image|endswith: '\\evil.exe'\n  condition: sel")
          + rule("vhdmp", ls("windows", null, "vhdmp"), "  sel:\n    Image|endswith: '\\evil.exe'\n  condition: sel")
          + rule("linux-file", ls("linux", "file_event", null), "  sel:\n    Image|endswith: '\\evil.exe'\n  condition: sel")
          + rule("aws", ls("aws", null, "cloudtrail"), "  sel:\n    Image|endswith: '\\evil.exe'\n  condition: sel")
          + rule("kw", ls("windows", "process_creation", null), "  keywords:\n    - 'mimikatz'\n  condition: keywords")
          + rule("kw-aws", ls("aws", null, "cloudtrail"), "  keywords:\n    - 'lazagne'\n  condition: keywords")
          + rule("no-anchor", ls("windows", "network_connection", null), "  sel:\n    Image: 'x'\n  condition: not sel");

  private static EngineFixture fixture() {
    return EngineFixture.of(LogsourceMapping.defaults(), RULES);
  }

  @Test
  void mappedRoutesRunOnlyOnTheirEntriesEvents() {
    EngineFixture f = fixture();
    String evil = "C:\\evil.exe";
    assertEquals(List.of("proc", "win"), f.titles(event("Channel", SYSMON, "EventID", 1, "Image", evil)));
    assertEquals(List.of("net", "win", "no-anchor"), f.titles(event("Channel", SYSMON, "EventID", "3", "Image", evil)));
    assertEquals(List.of("win"), f.titles(event("Channel", SYSMON, "EventID", 2, "Image", evil)));
    assertEquals(List.of("linux-proc"), f.titles(event("Channel", "linux-sysmon/operational", "EventID", 1, "Image", evil)));
    assertEquals(List.of("linux-file"), f.titles(event("Channel", "Linux-Sysmon/Operational", "EventID", 11, "Image", evil)));
    assertEquals(List.of("win", "vhdmp"), f.titles(event("Channel", "Microsoft-Windows-VHDMP/Operational", "Image", evil)));
  }

  @Test
  void unclaimedEventsRunOnlyUnmappedRules() {
    EngineFixture f = fixture();
    // product: windows alone is unmapped (the mapping has no product-only entry).
    assertEquals(List.of("win", "aws", "kw-aws"), f.titles(event("Image", "C:\\evil.exe", "X", "LaZagne mimikatz")));
    assertEquals(List.of("win", "aws"), f.titles(event("Channel", "Unknown", "EventID", 1, "Image", "C:\\evil.exe")));
    assertEquals(List.of("win", "aws"), f.titlesLookedUp(event("Channel", "Unknown", "Image", "C:\\evil.exe")));
  }

  @Test
  void keywordsOfShutRoutesAreNotSearched() {
    EngineFixture f = fixture();
    assertEquals(List.of("kw"), f.titles(event("Channel", SYSMON, "EventID", 1, "CommandLine", "run MIMIKATZ now")));
    assertEquals(List.of("kw"), f.titles(event("Channel", SYSMON, "EventID", 1, "Nested", Map.of("a", List.of("x mimikatz")))));
    assertEquals(List.of("no-anchor"), f.titles(event("Channel", SYSMON, "EventID", 3, "CommandLine", "MIMIKATZ lazagne")));
    assertEquals(List.of("kw-aws"), f.titles(event("CommandLine", "mimikatz lazagne")));
    assertEquals(List.of("kw-aws"), f.titlesLookedUp(event("CommandLine", List.of("mimikatz", "lazagne"))));
    assertEquals(List.of("kw"), f.titlesLookedUp(event("Channel", SYSMON, "EventID", 1, "CommandLine", "mimikatz")));
  }

  @Test
  void negatedRulesRunOnEveryEventOfTheirRoute() {
    EngineFixture f = fixture();
    assertEquals(List.of("no-anchor"), f.alwaysRun());
    assertEquals(List.of("no-anchor"), f.titles(event("Channel", SYSMON, "EventID", 3)));
    assertEquals(List.of(), f.titles(event("Channel", SYSMON, "EventID", 3, "Image", "X")));
    assertEquals(List.of(), f.titles(event("Channel", SYSMON, "EventID", 1)));
  }

  @Test
  void routingFieldsAreReadOnceAndStillMatchRules() {
    EngineFixture f = EngineFixture.of(LogsourceMapping.defaults(),
        rule("chan", ls("windows", null, "security"), "  sel:\n    Channel: 'Security'\n    EventID: 4624\n  condition: sel"));
    assertEquals(List.of("chan"), f.titles(event("Channel", "security", "EventID", 4624)));
    assertEquals(List.of("chan"), f.titlesLookedUp(event("Channel", "security", "EventID", 4624)));
    assertEquals(List.of(), f.titles(event("Channel", "security", "EventID", 4625)));
    assertEquals(List.of(), f.titles(event("Channel", "System", "EventID", 4624)));
    assertEquals(1, f.engine.stats().rules());
    assertEquals(1, f.engine.stats().routes());
  }

  @Test
  void anEngineOfMappedRulesReadsOnlyTheEntriesItsRoutesNeed() {
    String net = rule("net", ls("windows", "network_connection", null), "  sel:\n    Initiated: 'true'\n  condition: sel");
    EngineFixture mapped = EngineFixture.of(LogsourceMapping.defaults(), net);
    // Sysmon network connections and nothing else: one channel, one event id (and its text).
    assertEquals(1, mapped.engine.fieldsByName.get("Channel").folded.exactKeys);
    assertTrue(mapped.engine.stats().routingPredicates() <= 3, mapped.engine.stats().toString());
    assertEquals(List.of("net"), mapped.titles(event("Channel", SYSMON, "EventID", 3, "Initiated", "true")));
    assertEquals(List.of("net"), mapped.titlesLookedUp(event("Channel", SYSMON, "EventID", 3, "Initiated", "true")));
    assertEquals(List.of(), mapped.titles(event("Channel", SYSMON, "EventID", 1, "Initiated", "true")));
    assertEquals(List.of(), mapped.titles(event("Channel", "Security", "EventID", 3, "Initiated", "true")));
    assertEquals(List.of(), mapped.titles(event("Initiated", "true")));
    // An unmapped rule runs on unclaimed events only, so every entry decides again.
    EngineFixture withUnmapped = EngineFixture.of(LogsourceMapping.defaults(),
        net + rule("win", ls("windows", null, null), "  sel:\n    Initiated: 'true'\n  condition: sel"));
    assertTrue(withUnmapped.engine.fieldsByName.get("Channel").folded.exactKeys > 20);
    assertEquals(List.of("win"), withUnmapped.titles(event("Initiated", "true")));
    assertEquals(List.of("net", "win"), withUnmapped.titles(event("Channel", SYSMON, "EventID", 3, "Initiated", "true")));
    assertEquals(List.of("win"), withUnmapped.titles(event("Channel", "Security", "EventID", 4624, "Initiated", "true")));
  }

  @Test
  void gatesFollowTheRoutesOfTheRulesReadingAField() {
    EngineFixture f = fixture();
    FieldIndex image = f.engine.fieldsByName.get("Image");
    RouteTable.Gate gate = f.engine.gates[image.number];
    // Image is read by mapped rules and by unmapped ones, so it opens on unclaimed events.
    assertTrue(gate.unclaimed());
    for (FieldIndex routing : f.engine.routingFields) {
      assertTrue(routing.field.equals("Channel") || routing.field.equals("EventID"), routing.field);
    }
    assertEquals(2, f.engine.routingFields.length);
    assertEquals(2, f.engine.routes.words);
    assertEquals(2, f.engine.keywords.length);
  }

  @Test
  void aGateShutsWhenClaimedByAnotherEntry() {
    RouteTable.Gate g = new RouteTable.Gate(new long[] {0b10, 1L << 5}, false);
    assertTrue(g.opens(new long[] {0b10, 0}, true));
    assertTrue(g.opens(new long[] {0, 1L << 5}, true));
    assertFalse(g.opens(new long[] {0b01, 1L << 4}, true));
    assertFalse(g.opens(new long[] {0, 0}, false));
    assertTrue(new RouteTable.Gate(new long[] {0, 0}, true).opens(new long[] {0, 0}, false));
    assertEquals(new RouteTable.Gate(new long[] {0b10, 1L << 5}, false).key(), g.key());
    assertFalse(g.key().equals(new RouteTable.Gate(new long[] {0b10, 1L << 5}, true).key()));
  }

  @Test
  void aRouteNeedingTwoEntriesNeedsBoth() {
    LogsourceMapping mapping = LogsourceMapping.parse("""
        logsources:
          - logsource: {product: p, category: c}
            sources:
              - when: {A: 'a'}
          - logsource: {product: p, service: s}
            sources:
              - when: {B: 'b'}
              - when: {B: 2, C: ['c1', 'c2']}
        """, "test");
    EngineFixture f = EngineFixture.of(mapping,
        rule("both", ls("p", "c", "s"), "  sel:\n    F: 'x'\n  condition: sel")
            + rule("cat", ls("p", "c", null), "  sel:\n    F: 'x'\n  condition: sel")
            + rule("svc", ls("p", null, "s"), "  sel:\n    F: 'x'\n  condition: sel")
            + rule("prod", ls("p", null, null), "  sel:\n    F: 'x'\n  condition: sel")
            + rule("other", ls("q", null, null), "  sel:\n    F: 'x'\n  condition: sel"));
    assertEquals(List.of("both", "cat", "svc", "prod"), f.titles(event("A", "A", "B", "b", "F", "x")));
    assertEquals(List.of("cat", "prod"), f.titles(event("A", "a", "F", "x")));
    assertEquals(List.of("svc", "prod"), f.titles(event("B", "2", "C", "C2", "F", "x")));
    assertEquals(List.of("prod", "other"), f.titles(event("B", "2", "C", "c3", "F", "x")));
    assertEquals(List.of("prod", "other"), f.titles(event("F", "x")));
    assertEquals(List.of("both", "cat", "svc", "prod"), f.titlesLookedUp(event("A", "A", "B", "b", "F", "x")));
    assertEquals(5, f.engine.stats().routes());
    assertEquals(3, f.engine.stats().routingFields());
  }
}
