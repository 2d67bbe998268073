package io.sigmatch.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed access to the top-level attributes of a rule document, with precise rejections. */
final class DocumentFields {
  private final Map<String, Object> doc;

  DocumentFields(Map<String, Object> doc) {
    this.doc = doc;
  }

  /** A scalar attribute as text (numbers, booleans and dates as written), or {@code null}. */
  String text(String key) throws RuleRejection {
    Object v = doc.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Map || v instanceof List) {
      throw new RuleRejection(key, "'" + key + "' must be a single value, not " + ModifierChain.describe(v));
    }
    return v.toString();
  }

  /** A required scalar attribute. */
  String requiredText(String key) throws RuleRejection {
    String s = text(key);
    if (s == null || s.isBlank()) {
      throw new RuleRejection(key, "'" + key + "' is required");
    }
    return s;
  }

  /** A list of scalars (a single scalar counts as a one-element list). */
  List<String> texts(String key) throws RuleRejection {
    Object v = doc.get(key);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Object o = list.get(i);
        if (o instanceof Map || o instanceof List) {
          throw new RuleRejection(key + "[" + i + "]", "must be a plain value");
        }
        if (o != null) {
          out.add(o.toString());
        }
      }
      return out;
    }
    if (v instanceof Map) {
      throw new RuleRejection(key, "'" + key + "' must be a list, not a map");
    }
    out.add(v.toString());
    return out;
  }

  /** The logsource map, checked. */
  Logsource logsource(String key) throws RuleRejection {
    Object v = doc.get(key);
    if (v == null) {
      throw new RuleRejection(key, "'" + key + "' is required");
    }
    if (!(v instanceof Map<?, ?> map)) {
      throw new RuleRejection(key, "'" + key + "' must be a map with category, product and/or service, not "
          + ModifierChain.describe(v));
    }
    String product = logsourceAttribute(map, "product", key);
    String category = logsourceAttribute(map, "category", key);
    String service = logsourceAttribute(map, "service", key);
    if (product == null && category == null && service == null) {
      throw new RuleRejection(key, "'" + key + "' needs at least one of category, product or service");
    }
    return new Logsource(product, category, service);
  }

  private static String logsourceAttribute(Map<?, ?> map, String name, String key) throws RuleRejection {
    Object v = map.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new RuleRejection(key + "." + name, "must be a string, not " + ModifierChain.describe(v));
    }
    return s;
  }

  Object get(String key) {
    return doc.get(key);
  }

  boolean has(String key) {
    return doc.containsKey(key);
  }
}
