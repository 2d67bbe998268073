package io.sigmatch.rule;

import java.util.List;

/**
 * One entry of a search identifier's map ({@code Field|mod1|mod2: values}), or a keyword list.
 *
 * <p>The item holds when its values hold (OR, or AND with {@code all}) for the field's value,
 * negated with {@code neq}. A keyword item ({@code field == null}) holds when its values hold for
 * some scalar value anywhere in the event.
 *
 * @param field     the field name, or {@code null} for a keyword item
 * @param modifiers the modifiers as written, in order
 * @param values    one matcher per rule value
 * @param all       values are AND-linked
 * @param negated   {@code neq}: the item is negated
 * @param path      the YAML path of the item, for messages
 */
public record DetectionItem(
    String field,
    List<String> modifiers,
    List<ValueMatcher> values,
    boolean all,
    boolean negated,
    String path) {

  public DetectionItem {
    modifiers = List.copyOf(modifiers);
    values = List.copyOf(values);
  }

  /** Whether this is a keyword (field-less) item. */
  public boolean isKeyword() {
    return field == null;
  }

  /** The key as written: {@code Field|mod1|mod2}. */
  public String key() {
    StringBuilder b = new StringBuilder(field == null ? "" : field);
    for (String m : modifiers) {
      b.append('|').append(m);
    }
    return b.toString();
  }
}
