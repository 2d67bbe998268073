package io.sigmatch.properties;

import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.SigmaRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reduces one rule while a failure persists, by editing its document ({@link SigmaRule#body()}):
 * the condition replaced by one identifier (or its negation), searches, items, values and list
 * alternatives dropped, lists of one value made scalars, logsource attributes dropped. Every
 * candidate is printed with {@link RuleYamlPrinter}, loaded again, and kept only if it loads
 * cleanly and still fails.
 */
final class RuleMinimizer {
  private RuleMinimizer() {}

  static SigmaRule minimize(SigmaRule rule, Predicate<SigmaRule> stillFails) {
    SigmaRule current = rule;
    int size = RuleYamlPrinter.print(rule).length();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Map<String, Object> candidate : candidates(current.body())) {
        // Only strictly shorter rules count as progress, so the search ends (and does not flip a
        // condition between 'x' and 'not x').
        int candidateSize = RuleYamlPrinter.print(candidate).length();
        if (candidateSize >= size) {
          continue;
        }
        SigmaRule reloaded = load(candidate);
        if (reloaded != null && stillFails.test(reloaded)) {
          current = reloaded;
          size = candidateSize;
          progress = true;
          break;
        }
      }
    }
    return current;
  }

  static SigmaRule load(Map<String, Object> body) {
    RuleSet set = RuleSetSpec.load(RuleYamlPrinter.print(body));
    return set.errors().isEmpty() && set.rules().size() == 1 ? set.rules().get(0) : null;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> candidates(Map<String, Object> body) {
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, Object> detection = (Map<String, Object>) body.get("detection");
    List<String> ids = detection.keySet().stream().filter(k -> !k.equals("condition")).toList();
    // A simpler condition.
    for (String id : ids) {
      for (String cond : List.of(id, "not " + id)) {
        if (!cond.equals(detection.get("condition"))) {
          out.add(with(body, List.of("detection", "condition"), cond));
        }
      }
    }
    // Fewer searches, items, values.
    for (String id : ids) {
      out.add(without(body, List.of("detection", id)));
    }
    for (String id : ids) {
      collect(body, List.of("detection", id), detection.get(id), out);
    }
    Object logsource = body.get("logsource");
    if (logsource instanceof Map<?, ?> ls && ls.size() > 1) {
      for (Object k : ls.keySet()) {
        out.add(without(body, List.of("logsource", String.valueOf(k))));
      }
    }
    return out;
  }

  private static void collect(Map<String, Object> body, List<Object> path, Object node, List<Map<String, Object>> out) {
    if (node instanceof Map<?, ?> m) {
      if (m.size() > 1) {
        for (Object k : m.keySet()) {
          out.add(without(body, append(path, k)));
        }
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        collect(body, append(path, e.getKey()), e.getValue(), out);
      }
    } else if (node instanceof List<?> l) {
      if (l.size() == 1) {
        out.add(with(body, path, l.get(0)));
      }
      if (l.size() > 1) {
        for (int i = 0; i < l.size(); i++) {
          out.add(without(body, append(path, i)));
        }
      }
      for (int i = 0; i < l.size(); i++) {
        collect(body, append(path, i), l.get(i), out);
      }
    }
  }

  private static List<Object> append(List<?> path, Object step) {
    List<Object> out = new ArrayList<>(path);
    out.add(step);
    return out;
  }

  private static Map<String, Object> with(Map<String, Object> body, List<?> path, Object value) {
    return edit(body, path, value, false);
  }

  private static Map<String, Object> without(Map<String, Object> body, List<?> path) {
    return edit(body, path, null, true);
  }

  /** A deep copy of {@code body} with the node at {@code path} replaced or removed. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> edit(Map<String, Object> body, List<?> path, Object value, boolean remove) {
    Map<String, Object> copy = (Map<String, Object>) deepCopy(body);
    Object parent = copy;
    for (int i = 0; i < path.size() - 1; i++) {
      Object step = path.get(i);
      parent = parent instanceof Map<?, ?> m ? m.get(step) : ((List<?>) parent).get((Integer) step);
    }
    Object last = path.get(path.size() - 1);
    if (parent instanceof Map<?, ?> m) {
      if (remove) {
        m.remove(last);
      } else {
        ((Map<Object, Object>) m).put(last, value);
      }
    } else {
      List<Object> l = (List<Object>) parent;
      if (remove) {
        l.remove((int) (Integer) last);
      } else {
        l.set((Integer) last, value);
      }
    }
    return copy;
  }

  private static Object deepCopy(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, deepCopy(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(deepCopy(x)));
      return out;
    }
    return v;
  }
}
