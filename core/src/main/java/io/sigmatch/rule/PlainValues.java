package io.sigmatch.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the parser's typed YAML tree into plain, unmodifiable Java values for callers. */
final class PlainValues {
  private PlainValues() {}

  static Map<String, Object> map(Map<?, ?> in) {
    Map<String, Object> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
    return Collections.unmodifiableMap(out);
  }

  static Object plain(Object v) {
    if (v instanceof Map<?, ?> m) {
      return map(m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(o -> out.add(plain(o)));
      return Collections.unmodifiableList(out);
    }
    if (v instanceof YamlNumber n) {
      return n.value() == null ? n.text() : n.value();
    }
    if (v instanceof YamlBoolean b) {
      return b.value();
    }
    if (v instanceof YamlTimestamp t) {
      return t.text();
    }
    return v;
  }
}
