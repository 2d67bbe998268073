package io.sigmatch.rule;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and checks a correlation document (semantics §6.2); references are checked by the loader. */
final class CorrelationParser {
  private static final Set<String> TYPES = Set.of("event_count", "value_count", "temporal", "temporal_ordered",
      "value_sum", "value_avg", "value_percentile", "value_median");
  private static final Set<String> OPERATORS = Set.of("gt", "gte", "lt", "lte", "eq", "neq");
  private static final Pattern TIMESPAN = Pattern.compile("([0-9]+)([smhdwMy])");

  private CorrelationParser() {}

  static CorrelationRule parse(String source, int document, DocumentFields f) throws RuleRejection {
    String title = f.requiredText("title");
    if (!(f.get("correlation") instanceof Map<?, ?> raw)) {
      throw new RuleRejection("correlation", "must be a map with type, rules, timespan and condition");
    }
    @SuppressWarnings("unchecked")
    DocumentFields c = new DocumentFields((Map<String, Object>) raw);
    String type = c.requiredText("type");
    if (!TYPES.contains(type)) {
      throw new RuleRejection("correlation.type", "unknown correlation type '" + type + "'; expected one of "
          + new java.util.TreeSet<>(TYPES));
    }
    List<String> rules = c.texts("rules");
    if (rules.isEmpty()) {
      throw new RuleRejection("correlation.rules", "a correlation must name at least one rule");
    }
    List<String> groupBy = c.texts("group-by");
    Duration timespan = timespan(c.requiredText("timespan"));
    Map<String, Object> condition = condition(type, c.get("condition"));
    Map<String, Map<String, String>> aliases = aliases(c.get("aliases"));
    Object generate = c.get("generate");
    if (generate != null && !(generate instanceof YamlBoolean)) {
      throw new RuleRejection("correlation.generate", "must be true or false");
    }
    return new CorrelationRule(source, document, f.text("id"), f.text("name"), title, f.text("level"),
        f.text("status"), type, rules, groupBy, timespan, condition, aliases,
        generate != null && ((YamlBoolean) generate).value());
  }

  private static Duration timespan(String text) throws RuleRejection {
    Matcher m = TIMESPAN.matcher(text);
    if (!m.matches()) {
      throw new RuleRejection("correlation.timespan", "'" + text + "' is not a timespan like 10m, 1h, 2d");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      case "w" -> Duration.ofDays(7 * n);
      case "M" -> Duration.ofDays(30 * n);
      default -> Duration.ofDays(365 * n);
    };
  }

  private static Map<String, Object> condition(String type, Object raw) throws RuleRejection {
    boolean temporal = type.startsWith("temporal");
    if (raw == null) {
      if (temporal) {
        return Map.of();
      }
      throw new RuleRejection("correlation.condition", "a " + type + " correlation needs a condition");
    }
    if (!(raw instanceof Map<?, ?> map)) {
      throw new RuleRejection("correlation.condition", "must be a map such as {gte: 3}");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    int operators = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = (String) e.getKey();
      Object v = e.getValue();
      if (OPERATORS.contains(key)) {
        if (!(v instanceof YamlNumber n) || n.value() == null) {
          throw new RuleRejection("correlation.condition." + key, "needs a number");
        }
        operators++;
        out.put(key, n.value());
      } else if (key.equals("field")) {
        out.put(key, v instanceof List<?> l ? List.copyOf(l.stream().map(String::valueOf).toList()) : String.valueOf(v));
      } else if (key.equals("percentile")) {
        out.put(key, v instanceof YamlNumber n ? n.value() : v);
      } else {
        throw new RuleRejection("correlation.condition." + key, "unknown condition key '" + key + "'");
      }
    }
    if (operators == 0 || operators > 2) {
      throw new RuleRejection("correlation.condition", "needs one comparison (gt, gte, lt, lte, eq or neq)");
    }
    if (type.startsWith("value_") && !out.containsKey("field")) {
      throw new RuleRejection("correlation.condition", "a " + type + " correlation needs 'field'");
    }
    return out;
  }

  private static Map<String, Map<String, String>> aliases(Object raw) throws RuleRejection {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    if (!(raw instanceof Map<?, ?> map)) {
      throw new RuleRejection("correlation.aliases", "must be a map alias → {rule: field}");
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof Map<?, ?> perRule)) {
        throw new RuleRejection("correlation.aliases." + e.getKey(), "must map rule names to field names");
      }
      Map<String, String> fields = new LinkedHashMap<>();
      perRule.forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
      out.put(String.valueOf(e.getKey()), Map.copyOf(fields));
    }
    return out;
  }
}
