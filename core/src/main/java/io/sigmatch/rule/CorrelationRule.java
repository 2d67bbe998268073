package io.sigmatch.rule;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Sigma correlation rule (semantics §6.2), parsed and validated. sigmatch evaluates events one at
 * a time; deciding a correlation needs a stateful correlator over the matches of its rules, which
 * is not part of this release. Correlations are reported by {@link RuleSet#correlations()}, never
 * dropped.
 *
 * @param source    the file
 * @param document  the YAML document index
 * @param id        or {@code null}
 * @param name      or {@code null}
 * @param title     the title
 * @param level     or {@code null}
 * @param status    or {@code null}
 * @param type      {@code event_count}, {@code value_count}, {@code temporal}, …
 * @param rules     referenced rule ids or names
 * @param groupBy   group-by fields
 * @param timespan  the window
 * @param condition the condition map ({@code gte: 3}, {@code field: …}), as written
 * @param aliases   alias → (rule → field)
 * @param generate  whether the referenced rules also alert on their own
 */
public record CorrelationRule(
    String source,
    int document,
    String id,
    String name,
    String title,
    String level,
    String status,
    String type,
    List<String> rules,
    List<String> groupBy,
    Duration timespan,
    Map<String, Object> condition,
    Map<String, Map<String, String>> aliases,
    boolean generate) {

  public CorrelationRule {
    rules = List.copyOf(rules);
    groupBy = List.copyOf(groupBy);
  }
}
