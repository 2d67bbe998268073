package io.sigmatch.rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@code detection} map into searches and conditions (semantics §2, §5). */
final class DetectionParser {
  private final LoaderSettings settings;
  private final Warnings warnings;

  DetectionParser(LoaderSettings settings, Warnings warnings) {
    this.settings = settings;
    this.warnings = warnings;
  }

  /**
   * @param detection the map under {@code detection} (or a filter's {@code filter}, less its
   *                  {@code rules})
   * @param path      its YAML path
   * @param ignored   keys that are not search identifiers here (a filter's {@code rules})
   */
  Detection parse(Object detection, String path, List<String> ignored) throws RuleRejection {
    if (!(detection instanceof Map<?, ?> map)) {
      throw new RuleRejection(path, "must be a map of search identifiers and a condition, not "
          + ModifierChain.describe(detection));
    }
    Map<String, Search> searches = new LinkedHashMap<>();
    Object condition = null;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = (String) e.getKey();
      String keyPath = path + "." + key;
      if (key.equals("condition")) {
        condition = e.getValue();
      } else if (key.equals("timeframe")) {
        warnings.add(keyPath, "'timeframe' is legacy and ignored; write a correlation rule for time windows");
      } else if (!ignored.contains(key)) {
        searches.put(key, search(e.getValue(), keyPath));
      }
    }
    if (searches.isEmpty()) {
      throw new RuleRejection(path, "has no search identifier");
    }
    List<String> names = new ArrayList<>(searches.keySet());
    List<String> texts = conditionTexts(condition, path + ".condition");
    List<Condition> conditions = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String condPath = path + ".condition" + (texts.size() > 1 || condition instanceof List ? "[" + i + "]" : "");
      conditions.add(ConditionParser.parse(texts.get(i), names, condPath, m -> warnings.add(condPath, m)));
    }
    return new Detection(searches, conditions, texts);
  }

  private static List<String> conditionTexts(Object condition, String path) throws RuleRejection {
    if (condition == null) {
      throw new RuleRejection(path, "the detection has no condition");
    }
    if (condition instanceof String s) {
      return List.of(s);
    }
    if (condition instanceof List<?> list && !list.isEmpty()) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof String s)) {
          throw new RuleRejection(path + "[" + i + "]", "a condition must be a string");
        }
        out.add(s);
      }
      return out;
    }
    throw new RuleRejection(path, "a condition must be a string or a list of strings");
  }

  private Search search(Object value, String path) throws RuleRejection {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        throw new RuleRejection(path, "an empty search identifier matches nothing; remove it or fill it");
      }
      return items(map, path);
    }
    if (value instanceof List<?> list) {
      List<Object> flat = new ArrayList<>();
      flatten(list, flat);
      if (flat.isEmpty()) {
        throw new RuleRejection(path, "an empty search identifier matches nothing; remove it or fill it");
      }
      if (flat.stream().noneMatch(o -> o instanceof Map)) {
        return new Search.AllOf(List.of(keywords(List.of(), flat, path)));
      }
      List<Search> alternatives = new ArrayList<>();
      for (int i = 0; i < flat.size(); i++) {
        Object o = flat.get(i);
        String itemPath = path + "[" + i + "]";
        if (o instanceof Map<?, ?> m) {
          if (m.isEmpty()) {
            throw new RuleRejection(itemPath, "an empty map matches nothing");
          }
          alternatives.add(items(m, itemPath));
        } else {
          alternatives.add(new Search.AllOf(List.of(keywords(List.of(), List.of(o), itemPath))));
        }
      }
      return alternatives.size() == 1 ? alternatives.get(0) : new Search.AnyOf(alternatives);
    }
    return new Search.AllOf(List.of(keywords(List.of(), List.of(value), path)));
  }

  private static void flatten(List<?> list, List<Object> out) {
    for (Object o : list) {
      if (o instanceof List<?> inner) {
        flatten(inner, out);
      } else {
        out.add(o);
      }
    }
  }

  private Search.AllOf items(Map<?, ?> map, String path) throws RuleRejection {
    List<DetectionItem> items = new ArrayList<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = (String) e.getKey();
      items.add(item(key, e.getValue(), path + "." + key));
    }
    return new Search.AllOf(items);
  }

  private DetectionItem item(String key, Object value, String path) throws RuleRejection {
    String[] parts = key.split("\\|", -1);
    String field = parts[0];
    List<String> modifiers = Arrays.asList(parts).subList(1, parts.length);
    List<Object> values = valueList(value, path);
    if (field.isEmpty()) {
      if (modifiers.isEmpty()) {
        throw new RuleRejection(path, "empty field name");
      }
      return keywords(modifiers, values, path);
    }
    ModifierChain chain = ModifierChain.parse(modifiers, false, path, settings, warnings);
    if (values.isEmpty()) {
      warnings.add(path, "an empty value list is read as null (field absent or null)");
      return new DetectionItem(field, modifiers, List.of(new ValueMatcher.IsNull()), false, chain.negated(), path);
    }
    List<ValueMatcher> matchers = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      matchers.add(chain.apply(values.get(i), values.size() == 1 && !(value instanceof List) ? path
          : path + "[" + i + "]"));
    }
    if (values.size() > 1 && values.contains(null)) {
      warnings.add(path, "null should have its own search identifier, not share a value list");
    }
    warnAll(chain, values.size(), path);
    return new DetectionItem(field, modifiers, matchers, chain.all(), chain.negated(), path);
  }

  private DetectionItem keywords(List<String> modifiers, List<Object> values, String path) throws RuleRejection {
    ModifierChain chain = ModifierChain.parse(modifiers, true, path, settings, warnings);
    if (values.isEmpty()) {
      throw new RuleRejection(path, "an empty keyword list matches nothing");
    }
    List<ValueMatcher> matchers = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v instanceof Map || v instanceof List) {
        throw new RuleRejection(path + "[" + i + "]", "a keyword must be a plain value");
      }
      matchers.add(chain.apply(v, values.size() == 1 ? path : path + "[" + i + "]"));
    }
    if (chain.all() && values.size() == 1) {
      warnings.add(path, "'all' with a single value has no effect");
    }
    return new DetectionItem(null, modifiers, matchers, chain.all(), chain.negated(), path);
  }

  private void warnAll(ModifierChain chain, int count, String path) {
    if (!chain.all()) {
      return;
    }
    if (count == 1) {
      warnings.add(path, "'all' with a single value has no effect");
    } else if (!chain.hasPosition()) {
      warnings.add(path, "'all' without 'contains' needs one field value to equal every value;"
          + " only a list-valued field can satisfy it");
    }
  }

  private static List<Object> valueList(Object value, String path) throws RuleRejection {
    if (value instanceof Map) {
      throw new RuleRejection(path, "a value must be a scalar or a list of scalars, not a map");
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Object o = list.get(i);
        if (o instanceof Map || o instanceof List) {
          throw new RuleRejection(path + "[" + i + "]", "a value list must hold scalars, not "
              + ModifierChain.describe(o));
        }
      }
      return new ArrayList<>(list);
    }
    List<Object> single = new ArrayList<>(1);
    single.add(value);
    return single;
  }
}
