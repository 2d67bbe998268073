package io.sigmatch.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A generated search identifier's value: a map of items, a list of alternatives, or keywords. */
sealed interface SearchSpec {

  /** Assignments that make the search true. */
  Gen<Map<String, Object>> hit();

  /** Assignments close to the search that make it false (or leave it alone). */
  Gen<Map<String, Object>> miss();

  /** The YAML under the identifier's key, at {@code indent} spaces; starts with a line break. */
  String yaml(String indent);

  /** A map: AND of its items. */
  record MapSearch(List<ItemSpec> items) implements SearchSpec {
    @Override
    public Gen<Map<String, Object>> hit() {
      return merged(items.stream().map(ItemSpec::hit).toList());
    }

    @Override
    public Gen<Map<String, Object>> miss() {
      return Gen.ints(0, items.size() - 1).flatMap(missing -> {
        List<Gen<Map<String, Object>>> parts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          parts.add(i == missing ? items.get(i).miss() : items.get(i).hit());
        }
        return merged(parts);
      });
    }

    @Override
    public String yaml(String indent) {
      StringBuilder b = new StringBuilder();
      for (ItemSpec item : items) {
        b.append('\n').append(indent).append(key(item.key())).append(": ").append(item.valuesYaml());
      }
      return b.toString();
    }

    @Override
    public String toString() {
      return items.toString();
    }
  }

  /** A list: OR of maps and keywords. */
  record ListSearch(List<SearchSpec> alternatives) implements SearchSpec {
    @Override
    public Gen<Map<String, Object>> hit() {
      return Gen.ints(0, alternatives.size() - 1).flatMap(i -> alternatives.get(i).hit());
    }

    @Override
    public Gen<Map<String, Object>> miss() {
      return merged(alternatives.stream().map(SearchSpec::miss).toList());
    }

    @Override
    public String yaml(String indent) {
      StringBuilder b = new StringBuilder();
      for (SearchSpec alternative : alternatives) {
        if (alternative instanceof MapSearch m) {
          String first = m.yaml(indent + "  ");
          // "- " takes the place of the first item's indentation.
          b.append('\n').append(indent).append("- ").append(first.substring(1 + indent.length() + 2));
        } else if (alternative instanceof Keywords k) {
          for (RuleValue v : k.item().values()) {
            b.append('\n').append(indent).append("- ").append(v.yaml());
          }
        }
      }
      return b.toString();
    }

    @Override
    public String toString() {
      return alternatives.toString();
    }
  }

  /** Plain keywords: a list of values (or one scalar) searched in every value of the event. */
  record Keywords(ItemSpec item, boolean scalar) implements SearchSpec {
    @Override
    public Gen<Map<String, Object>> hit() {
      return item.hit();
    }

    @Override
    public Gen<Map<String, Object>> miss() {
      return item.miss();
    }

    @Override
    public String yaml(String indent) {
      if (scalar && item.values().size() == 1) {
        return " " + item.values().get(0).yaml();
      }
      StringBuilder b = new StringBuilder();
      for (RuleValue v : item.values()) {
        b.append('\n').append(indent).append("- ").append(v.yaml());
      }
      return b.toString();
    }

    @Override
    public String toString() {
      return "keywords " + item.valuesYaml();
    }
  }

  /** A map key: plain when YAML reads it back as the same string, else single-quoted. */
  static String key(String key) {
    return key.matches("[A-Za-z][A-Za-z0-9_.|-]*") ? key : SigmaText.quote(key);
  }

  /** Combines assignment maps; a later assignment to a field wins. */
  static Gen<Map<String, Object>> merged(List<Gen<Map<String, Object>>> parts) {
    if (parts.isEmpty()) {
      return Gen.just(Map.of());
    }
    return Gen.combine(parts, maps -> {
      Map<String, Object> out = new LinkedHashMap<>();
      maps.forEach(out::putAll);
      return out;
    });
  }
}
