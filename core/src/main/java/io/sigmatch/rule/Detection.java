package io.sigmatch.rule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's {@code detection}: named searches and one or more conditions over them. The rule
 * matches when any condition holds.
 *
 * @param searches       search identifiers in file order
 * @param conditions     parsed conditions
 * @param conditionTexts the conditions as written
 */
public record Detection(Map<String, Search> searches, List<Condition> conditions, List<String> conditionTexts) {
  public Detection {
    searches = Collections.unmodifiableMap(new LinkedHashMap<>(searches));
    conditions = List.copyOf(conditions);
    conditionTexts = List.copyOf(conditionTexts);
  }
}
