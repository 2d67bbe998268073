package io.sigmatch.properties;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A generated detection item ({@code Field|mod1|mod2: values}; {@code field} empty for a keyword
 * item) with two ways to derive event fields from it: {@code hit} assignments that make the item
 * true and {@code miss} assignments that are close to it but make it false. Derived values are
 * aimed, not guaranteed: the differential properties never trust them, they only raise the share
 * of events that match.
 *
 * @param field     field name, or "" for a keyword item
 * @param modifiers modifiers in order
 * @param values    the values; {@code single} renders a one-element list as a scalar
 * @param single    render the only value as a scalar instead of a list
 * @param hits      field assignments (value {@link Absent#ABSENT} removes a field) that satisfy the item
 * @param misses    near-miss assignments
 */
record ItemSpec(String field, List<String> modifiers, List<RuleValue> values, boolean single,
    Supplier<Gen<Map<String, Object>>> hits, Supplier<Gen<Map<String, Object>>> misses) {

  ItemSpec {
    hits = hits instanceof Lazy ? hits : Lazy.of(hits);
    misses = misses instanceof Lazy ? misses : Lazy.of(misses);
  }

  Gen<Map<String, Object>> hit() {
    return hits.get();
  }

  Gen<Map<String, Object>> miss() {
    return misses.get();
  }

  String key() {
    StringBuilder b = new StringBuilder(field);
    modifiers.forEach(m -> b.append('|').append(m));
    return b.toString();
  }

  boolean isKeyword() {
    return field.isEmpty();
  }

  /** The value part in YAML flow style. */
  String valuesYaml() {
    if (single && values.size() == 1) {
      return values.get(0).yaml();
    }
    return values.stream().map(RuleValue::yaml).collect(Collectors.joining(", ", "[", "]"));
  }

  @Override
  public String toString() {
    return key() + ": " + valuesYaml();
  }
}
