package io.sigmatch.properties;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Events derived from a rule set so that a good share match: a target rule is picked, a truth
 * assignment of its identifiers that satisfies a condition is chosen, true identifiers get hit
 * values and false ones near misses or nothing; routing fields are set for the rule's logsource
 * (or another's, or left out); noise fields are mixed in; dotted names are sometimes nested.
 */
final class DerivedEvents {
  private DerivedEvents() {}

  /** Noise field names: some shared with rules, some never used by a rule. */
  static final List<String> NOISE_FIELDS = List.of("Message", "Payload", "Image", "CommandLine", "Hostname",
      "ProcessId", "Description", "Extra", "user", "destination");

  static Gen<Map<String, Object>> events(RuleSetSpec set) {
    List<RuleSpec> rules = set.rules();
    Gen<Map<String, Object>> targeted = Gen.ints(0, rules.size() - 1)
        .flatMap(i -> targeted(rules.get(i)));
    Gen<Map<String, Object>> two = Gen.combine(targeted, targeted, (a, b) -> {
      Map<String, Object> m = new LinkedHashMap<>(a);
      m.putAll(b);
      return m;
    });
    Gen<Map<String, Object>> noiseOnly = Gen.combine(noise(), Logsources.any().flatMap(DerivedEvents::routing), (n, r) -> {
          Map<String, Object> m = new LinkedHashMap<>(n);
          m.putAll(r);
          return m;
        });
    return Gen.frequency(Gen.w(16, targeted), Gen.w(2, two), Gen.w(1, noiseOnly))
        .flatMap(DerivedEvents::finish);
  }

  /** An event aimed at one rule. */
  static Gen<Map<String, Object>> targeted(RuleSpec rule) {
    Gen<Map<String, Object>> routing = Gen.frequency(
        Gen.w(14, routing(rule.logsource())),
        Gen.w(2, Logsources.any().flatMap(DerivedEvents::routing)),
        Gen.w(1, Gen.just(Map.of())));
    return Gen.combine(noise(), routing, Gen.longs(), (noise, route, seed) -> {
      Map<String, Boolean> truth = satisfying(rule, seed);
      List<Gen<Map<String, Object>>> parts = new ArrayList<>();
      parts.add(Gen.just(noise));
      parts.add(Gen.just(route));
      Random r = new Random(seed);
      for (Map.Entry<String, SearchSpec> e : rule.searches().entrySet()) {
        if (truth.get(e.getKey())) {
          parts.add(e.getValue().hit());
        } else if (r.nextBoolean()) {
          parts.add(e.getValue().miss());
        }
      }
      return SearchSpec.merged(parts);
    }).flatMap(g -> g);
  }

  /**
   * A truth assignment of the rule's identifiers that satisfies one of its conditions, found
   * among a few random ones; the last tried if none does.
   */
  static Map<String, Boolean> satisfying(RuleSpec rule, long seed) {
    Random r = new Random(seed);
    Map<String, Boolean> truth = new HashMap<>();
    for (int attempt = 0; attempt < 24; attempt++) {
      truth = new HashMap<>();
      for (String id : rule.searches().keySet()) {
        truth.put(id, r.nextInt(3) != 0);
      }
      if (rule.holds(truth)) {
        return truth;
      }
    }
    return truth;
  }

  /** The routing fields of a logsource, in the forms events carry them (numbers as text, lists, any case). */
  static Gen<Map<String, Object>> routing(Logsources.Spec logsource) {
    List<Map<String, Object>> choices = Logsources.routingChoices(logsource);
    if (choices.isEmpty()) {
      return Gen.just(Map.of());
    }
    return Gen.combine(Gen.of(choices), Gen.ints(0, 11), Gen.longs(), (fields, form, mode) -> {
          Map<String, Object> out = new LinkedHashMap<>();
          fields.forEach((k, v) -> out.put(k, routingValue(v, form, mode)));
          return out;
        });
  }

  private static Object routingValue(Object v, int form, long mode) {
    if (v instanceof BigDecimal n) {
      return switch (form) {
        case 0 -> n.toPlainString();
        case 1 -> n.doubleValue();
        case 2 -> List.of(n.intValue() + 100, n.intValue());
        case 3 -> n.longValue();
        default -> n.intValue();
      };
    }
    String s = (String) v;
    return form == 5 ? SigmaText.changeCase(s, mode) : form == 6 ? List.of("other", s) : s;
  }

  /** 0–3 noise fields. */
  static Gen<Map<String, Object>> noise() {
    return Memo.of(() -> {
      return Gen.combine(Gen.of(NOISE_FIELDS), EventValues.noise(), (k, v) -> Map.entry(k, v == null ? Absent.ABSENT : v))
          .list(0, 3).map(entries -> {
            Map<String, Object> m = new LinkedHashMap<>();
            entries.forEach(e -> m.put(e.getKey(), e.getValue() == Absent.ABSENT ? null : e.getValue()));
            return m;
          });
    }, "eventNoise");
  }

  /**
   * Applies the assignments: {@link Absent#ABSENT} removes a field; dotted names are nested
   * ({@code destination.ip} → {@code destination: {ip: …}}) by a coin toss; a field name now and
   * then gets another case (field names are case-sensitive, D1).
   */
  static Gen<Map<String, Object>> finish(Map<String, Object> assignments) {
    return Gen.combine(Gen.longs(), Gen.ints(0, 39), (seed, rename) -> {
      Random r = new Random(seed);
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : assignments.entrySet()) {
        if (e.getValue() == Absent.ABSENT) {
          continue;
        }
        String key = e.getKey();
        if (rename == 0 && !out.isEmpty()) {
          key = SigmaText.changeCase(key, seed);
        }
        int dot = key.indexOf('.');
        if (dot > 0 && r.nextBoolean()) {
          String head = key.substring(0, dot);
          String tail = key.substring(dot + 1);
          Object existing = out.get(head);
          if (existing == null && !out.containsKey(head)) {
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put(tail, e.getValue());
            out.put(head, nested);
            continue;
          }
          if (existing instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
            copy.put(tail, e.getValue());
            out.put(head, copy);
            continue;
          }
        }
        out.put(key, e.getValue());
      }
      return out;
    });
  }
}
