package io.sigmatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.event.MapEvent;
import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.SigmaRule;
import io.sigmatch.testing.SharedData;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The msiexec seed rule compiles to three fields and four predicates, anchored on its Image suffix,
 * which is all the engine reads of an event whose image is another.
 */
class SeedRuleEngineTest {
  private static final String SEED = "rules/windows/network_connection/net_connection_win_msiexec_http.yml";

  private static Engine engine() {
    RuleSet set = RuleLoader.builder().build().load(List.of(SharedData.repository().resolve(SEED)));
    assertEquals(List.of(), set.errors());
    return Engine.builder().rules(set.rules()).build();
  }

  @Test
  void compilesToThreeFieldsAndFourPredicates() {
    EngineStats s = engine().stats();
    assertEquals(1, s.rules());
    assertEquals(3, s.fields());
    assertEquals(4, s.predicates());
    assertEquals(0, s.alwaysRun());
    Set<String> fields = s.perField().stream().map(EngineStats.FieldStats::field).collect(Collectors.toSet());
    assertEquals(Set.of("Initiated", "Image", "DestinationPort", "Channel", "EventID"), fields);
  }

  @Test
  void isAnchoredOnTheImageSuffixAlone() {
    Engine e = engine();
    int anchors = 0;
    for (int p = 0; p < e.predicateCount; p++) {
      if (e.anchorStart[p + 1] > e.anchorStart[p]) {
        anchors++;
        assertEquals(0, e.anchoredRules[e.anchorStart[p]]);
        assertEquals("Image", e.table.get(p).field());
      }
    }
    assertEquals(1, anchors);
    FieldIndex image = e.fieldsByName.get("Image");
    assertTrue(image.folded.suffixKeys == 1 && image.folded.exactKeys == 0);
    assertEquals(2, e.fieldsByName.get("DestinationPort").numbers.size());
    assertEquals(1, e.fieldsByName.get("Initiated").folded.exactKeys);
  }

  @Test
  void matchesSysmonNetworkEventsOfMsiexecOnHttpPorts() {
    Engine e = engine();
    MatchContext ctx = e.newContext();
    Map<String, Object> base = httpsConnectionOf("C:\\Windows\\System32\\MSIEXEC.EXE");
    List<SigmaRule> hit = e.match(new MapEvent(base), ctx);
    assertEquals(1, hit.size());
    assertEquals("frack113", hit.get(0).author());
    assertEquals(1, e.match(new MapEvent(with(base, "DestinationPort", 80)), ctx).size());
    assertEquals(0, e.match(new MapEvent(with(base, "DestinationPort", "8443")), ctx).size());
    assertEquals(0, e.match(new MapEvent(with(base, "Initiated", "false")), ctx).size());
    assertEquals(0, e.match(new MapEvent(with(base, "EventID", 1)), ctx).size());
    assertEquals(0, e.match(new MapEvent(with(base, "Image", "C:\\x\\msiexecx.exe")), ctx).size());
  }

  @Test
  void readsOnlyTheImageOfAnEventWhoseImageIsNotMsiexec() {
    Engine e = engine();
    MatchContext ctx = e.newContext();
    Map<String, Object> msiexec = httpsConnectionOf("C:\\Windows\\System32\\msiexec.exe");
    List<String> read = new java.util.ArrayList<>();
    assertEquals(0, e.match(new ReadLog(httpsConnectionOf("C:\\Windows\\System32\\svchost.exe"), read), ctx).size());
    assertEquals(List.of("Image"), read);
    read.clear();
    assertEquals(1, e.match(new ReadLog(msiexec, read), ctx).size());
    assertEquals(Set.of("Image", "Channel", "EventID", "Initiated", "DestinationPort"), Set.copyOf(read));
    assertEquals(5, read.size());
  }

  /** An event over a map that notes each field the engine reads. */
  private record ReadLog(Map<String, Object> fields, List<String> read) implements io.sigmatch.event.Event {
    @Override
    public Object get(String field) {
      read.add(field);
      return fields.containsKey(field) ? fields.get(field) : ABSENT;
    }

    @Override
    public void forEachScalar(java.util.function.Consumer<Object> visitor) {
      fields.values().forEach(visitor);
    }
  }

  /** A Sysmon network connection that {@code image} initiated to port 443. */
  private static Map<String, Object> httpsConnectionOf(String image) {
    return Map.of("Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", 3, "Image", image,
        "Initiated", "true", "DestinationPort", "443");
  }

  private static Map<String, Object> with(Map<String, Object> m, String k, Object v) {
    Map<String, Object> copy = new java.util.HashMap<>(m);
    copy.put(k, v);
    return copy;
  }
}
