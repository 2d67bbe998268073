package io.sigmatch.properties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated detection rule: logsource, named searches and one or more conditions, printed as
 * YAML text for the loader.
 */
record RuleSpec(String id, Logsources.Spec logsource, LinkedHashMap<String, SearchSpec> searches,
    List<ConditionSpec> conditions) {

  RuleSpec withId(String newId) {
    return new RuleSpec(newId, logsource, searches, conditions);
  }

  String yaml() {
    StringBuilder b = new StringBuilder();
    b.append("title: 'Generated ").append(id).append("'\n");
    b.append("id: ").append(id).append('\n');
    b.append("status: test\n");
    b.append(logsource.yaml()).append('\n');
    b.append("detection:\n");
    for (Map.Entry<String, SearchSpec> e : searches.entrySet()) {
      b.append("  ").append(e.getKey()).append(':').append(e.getValue().yaml("    ")).append('\n');
    }
    if (conditions.size() == 1) {
      b.append("  condition: ").append(SigmaText.quote(conditions.get(0).render())).append('\n');
    } else {
      b.append("  condition:\n");
      conditions.forEach(c -> b.append("    - ").append(SigmaText.quote(c.render())).append('\n'));
    }
    b.append("level: low\n");
    return b.toString();
  }

  /** Whether the rule holds when exactly the identifiers in {@code truth} with value true hold. */
  boolean holds(Map<String, Boolean> truth) {
    return conditions.stream().anyMatch(c -> c.eval(truth));
  }

  @Override
  public String toString() {
    return "\n" + yaml();
  }
}
