package io.sigmatch.rule;

import java.util.List;

/**
 * A Sigma filter (meta rule, semantics §6.1): extra conditions added at load time to the rules
 * it names whose logsource fits.
 *
 * @param source    the file
 * @param document  the YAML document index
 * @param id        or {@code null}
 * @param title     the title
 * @param logsource the rules it may apply to must have this logsource (or a more specific one)
 * @param rules     rule ids or names; empty means any rule
 * @param detection its searches and its one condition
 */
public record FilterRule(
    String source, int document, String id, String title, Logsource logsource, List<String> rules,
    Detection detection) {
  public FilterRule {
    rules = List.copyOf(rules);
  }
}
