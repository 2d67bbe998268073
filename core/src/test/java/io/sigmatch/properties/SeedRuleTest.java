package io.sigmatch.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.SigmaRule;
import io.sigmatch.testing.SharedData;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The seed rule {@code net_connection_win_msiexec_http.yml} on generated network events: it
 * matches exactly when {@code Initiated} is {@code 'true'} (any case, or the boolean),
 * {@code Image} ends with {@code \msiexec.exe} (any case), {@code DestinationPort} is 80 or 443
 * (a number or a numeric string such as "443" or "80.0"), and, with routing, the event is Sysmon
 * event 3 ({@code Channel} Microsoft-Windows-Sysmon/Operational, {@code EventID} 3). The expected
 * verdict is computed here from those words, for both engines.
 */
class SeedRuleTest {
  static final SigmaRule SEED = load();

  static SigmaRule load() {
    Path file = SharedData.repository().resolve("rules/windows/network_connection/net_connection_win_msiexec_http.yml");
    RuleSet set = RuleLoader.builder().build().load(List.of(file));
    if (!set.errors().isEmpty() || set.rules().size() != 1) {
      throw new IllegalStateException("seed rule did not load: " + set.diagnostics());
    }
    return set.rules().get(0);
  }

  static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";
  private static final Engines ROUTED = new Engines(List.of(SEED), Engines.mapping(true));
  private static final Engines UNROUTED = new Engines(List.of(SEED), Engines.mapping(false));

  static Gen<Object> initiated() {
    return Gen.frequency(
        Gen.w(6, Gen.of("true", "True", "TRUE", "tRuE", true)),
        Gen.w(3, Gen.of("false", false, "yes", "1", 1, " true", "true ", "truee", "", null, List.of("true"),
            List.of("false", "TRUE"), Absent.ABSENT)));
  }

  static Gen<Object> image() {
    Gen<String> dir = Gen.of("C:\\Windows\\System32", "c:\\windows\\syswow64", "D:\\x", "", "\\\\srv\\share");
    Gen<String> name = Gen.frequency(
        Gen.w(6, Gen.of("\\msiexec.exe", "\\MSIEXEC.EXE", "\\MsiExec.exe", "\\msiexec.EXE")),
        Gen.w(3, Gen.of("\\msiexec.exe.bak", "msiexec.exe", "/msiexec.exe", "\\msiexec.ex", "\\msiexec.exe ",
            "\\msiexec\u212A.exe", "\\m\u017Fiexec.exe", "\\xmsiexec.exe", "\\msiexec.exe\n")));
    return Gen.frequency(
        Gen.w(9, Gen.combine(dir, name, (d, n) -> (Object) (d + n))),
        Gen.w(1, Gen.of((Object) null, Absent.ABSENT, 80, List.of("C:\\a.exe", "C:\\b\\msiexec.exe"))));
  }

  static Gen<Object> port() {
    return Gen.frequency(
        Gen.w(6, Gen.of(80, 443, 80L, 443.0, new BigDecimal("80.00"), "80", "443", "80.0", "443.000", "+443", "8e1",
            "080", List.of(22, 443))),
        Gen.w(4, Gen.of(8080, 81, 442, "8080", "80 ", " 443", "0x50", "eighty", "", null, Absent.ABSENT, 80.5, "443a",
            List.of(22, 8443), true)));
  }

  static Gen<Map<String, Object>> routing() {
    return Gen.frequency(
        Gen.w(6, Gen.combine(Gen.of(SYSMON, SYSMON.toUpperCase(java.util.Locale.ROOT), "microsoft-windows-sysmon/operational"),
            Gen.of((Object) 3, "3", 3.0, 3L, List.of(1, 3)), (c, id) -> routingFields(c, id))),
        Gen.w(4, Gen.combine(Gen.of(SYSMON, "Security", "Microsoft-Windows-Sysmon/Operational ", (Object) Absent.ABSENT),
            Gen.of((Object) 1, 22, "03", "3.5", Absent.ABSENT, "three"), (c, id) -> routingFields(c, id))));
  }

  private static Map<String, Object> routingFields(Object channel, Object id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Channel", channel);
    m.put("EventID", id);
    return m;
  }

  @Provide
  Arbitrary<Map<String, Object>> networkEvents() {
    Gen<Map<String, Object>> gen = Gen.combine(routing(), initiated(), image(), port(), EventValues.noise(),
        (route, init, img, p, noise) -> {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("DestinationIp", noise);
          e.putAll(route);
          e.put("Initiated", init);
          e.put("Image", img);
          e.put("DestinationPort", p);
          e.values().removeIf(v -> v == Absent.ABSENT);
          return e;
        });
    return gen.arbitrary();
  }

  @Property
  void seedRuleMatchesExactlyAsDescribedWithRouting(@ForAll("networkEvents") Map<String, Object> event) {
    check(event, true);
  }

  @Property
  void seedRuleMatchesExactlyAsDescribedWithoutRouting(@ForAll("networkEvents") Map<String, Object> event) {
    check(event, false);
  }

  private static void check(Map<String, Object> event, boolean routing) {
    boolean expected = detection(event) && (!routing || routes(event));
    Statistics.label("expected").collect(expected ? "match" : "no match");
    Coverage.atLeast("expected", "match", 10.0);
    List<String> want = expected ? List.of(SEED.id()) : List.of();
    Engines engines = routing ? ROUTED : UNROUTED;
    assertEquals(want, engines.reference(event), "reference on " + Reports.event(event));
    assertEquals(want, engines.compiled(event), "compiled on " + Reports.event(event));
  }

  static boolean detection(Map<String, Object> e) {
    return any(e.get("Initiated"), v -> v instanceof Boolean b ? b : v instanceof String s && fold(s).equals("true"))
        && any(e.get("Image"), v -> v instanceof String s && fold(s).endsWith("\\msiexec.exe"))
        && any(e.get("DestinationPort"), v -> {
          BigDecimal n = number(v);
          return n != null && (n.compareTo(BigDecimal.valueOf(80)) == 0 || n.compareTo(BigDecimal.valueOf(443)) == 0);
        });
  }

  static boolean routes(Map<String, Object> e) {
    return any(e.get("Channel"), v -> v instanceof String s && fold(s).equals(fold(SYSMON)))
        && any(e.get("EventID"), v -> {
          BigDecimal n = number(v);
          return n != null && n.compareTo(BigDecimal.valueOf(3)) == 0;
        });
  }

  /** A field's value or any element of a list value satisfies the test; absent and null never do. */
  static boolean any(Object v, java.util.function.Predicate<Object> test) {
    if (v instanceof List<?> l) {
      return l.stream().anyMatch(x -> any(x, test));
    }
    return v != null && test.test(v);
  }

  /** Simple case folding per code point (semantics §3.2). */
  static String fold(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> b.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
    return b.toString();
  }

  /** A number, or text that is a decimal number: sign, digits, optional fraction and exponent, no spaces. */
  static BigDecimal number(Object v) {
    if (v instanceof Integer || v instanceof Long) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof Double d) {
      return BigDecimal.valueOf(d);
    }
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof String s && s.matches("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      return new BigDecimal(s);
    }
    return null;
  }
}
