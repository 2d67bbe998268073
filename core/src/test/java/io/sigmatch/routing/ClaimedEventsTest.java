package io.sigmatch.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmatch.engine.Engine;
import io.sigmatch.event.MapEvent;
import io.sigmatch.reference.ReferenceEvaluator;
import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.SigmaRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Semantics §1.4 with the bundled mapping: a rule runs on an event only when the event's
 * logsource satisfies the rule's. An event the mapping claims (a Sysmon process creation) has a
 * known logsource, so rules of other products and of categories the mapping lacks stay silent on
 * it; an event the mapping does not claim has an unknown one, and only the rules whose logsource
 * the mapping cannot place run on it. Every case is checked on the reference and the engine.
 */
class ClaimedEventsTest {
  private static final String TEMPLATE = """
      title: %s
      id: %s
      logsource:
      %s
      detection:
          selection:
              CommandLine|contains: 'whoami'
          condition: selection
      """;

  private static final Map<String, String> RULES = new LinkedHashMap<>();

  static {
    RULES.put("windows process creation", "    product: windows\n    category: process_creation");
    RULES.put("linux process creation", "    product: linux\n    category: process_creation");
    RULES.put("linux auditd", "    product: linux\n    service: auditd");
    RULES.put("windows only", "    product: windows");
    RULES.put("proxy", "    category: proxy");
    RULES.put("windows unknown category", "    product: windows\n    category: no_such_category");
  }

  private static List<SigmaRule> rules() {
    StringBuilder yaml = new StringBuilder();
    int n = 0;
    for (var r : RULES.entrySet()) {
      yaml.append(n == 0 ? "" : "---\n").append(String.format(TEMPLATE, r.getKey(),
          String.format("00000000-0000-0000-0000-%012d", ++n), r.getValue().replace("\n", "\n")));
    }
    RuleSet set = RuleLoader.builder().build().loadText(yaml.toString(), "claimed-events.yml");
    assertEquals(List.of(), set.errors());
    assertEquals(RULES.size(), set.rules().size());
    return set.rules();
  }

  private static List<String> both(Map<String, Object> fields) {
    List<SigmaRule> rules = rules();
    MapEvent event = new MapEvent(fields);
    List<String> reference = ReferenceEvaluator.create(rules, LogsourceMapping.defaults()).evaluate(event)
        .stream().map(SigmaRule::title).toList();
    Engine engine = Engine.builder().rules(rules).logsources(LogsourceMapping.defaults()).build();
    List<String> compiled = engine.match(event, engine.newContext()).stream().map(SigmaRule::title).toList();
    assertEquals(reference, compiled, "engine and reference disagree");
    return reference;
  }

  @Test
  void aClaimedSysmonEventRunsOnlyTheRulesItsLogsourceSatisfies() {
    assertEquals(List.of("windows process creation", "windows only"), both(Map.of(
        "Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", 1, "CommandLine", "whoami /all")));
  }

  @Test
  void anEventNoMappingEntryClaimsRunsTheRulesTheMappingCannotPlace() {
    assertEquals(List.of("linux auditd", "windows only", "proxy", "windows unknown category"),
        both(Map.of("CommandLine", "whoami")));
  }

  /** The {@code service: sysmon} entry claims the whole channel, whatever the event id. */
  @Test
  void aSysmonEventOfNoMappedCategoryIsStillAWindowsSysmonEvent() {
    assertEquals(List.of("windows only"), both(Map.of(
        "Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", 255, "CommandLine", "whoami")));
  }

  @Test
  void withoutAMappingEveryRuleRunsOnEveryEvent() {
    List<SigmaRule> rules = rules();
    MapEvent event = new MapEvent(Map.of(
        "Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", 1, "CommandLine", "whoami"));
    assertEquals(RULES.size(), ReferenceEvaluator.create(rules, LogsourceMapping.none()).evaluate(event).size());
    Engine engine = Engine.builder().rules(rules).logsources(LogsourceMapping.none()).build();
    assertEquals(RULES.size(), engine.match(event, engine.newContext()).size());
  }

  @Test
  void aRouteSaysWhichEntriesCoverAnUnmappedLogsource() {
    LogsourceMapping mapping = LogsourceMapping.defaults();
    Route windowsOnly = mapping.route(new io.sigmatch.rule.Logsource("windows", null, null));
    Route proxy = mapping.route(new io.sigmatch.rule.Logsource(null, "proxy", null));
    assertEquals(true, windowsOnly.unmapped());
    assertEquals(true, windowsOnly.covering().stream().allMatch(e -> "windows".equals(e.logsource().product())));
    assertEquals(false, windowsOnly.covering().isEmpty());
    assertEquals(List.of(), proxy.covering());
  }
}
