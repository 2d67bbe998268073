package io.sigmatch.reference;

import io.sigmatch.event.Event;
import io.sigmatch.rule.DetectionItem;
import io.sigmatch.rule.Search;
import io.sigmatch.rule.SigmaRule;
import io.sigmatch.rule.ValueMatcher;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Why a rule matched an event: for each search identifier that holds, each rule value that made
 * its item hold, with the event value it held for. Computed with the reference semantics
 * ({@link ReferenceEvaluator}, item by item and value by value), so it costs a few times a plain
 * evaluation of the rule: call it for rules that already matched, not on the hot path.
 *
 * <pre>{@code
 * // Initiated: 'true', Image|endswith: '\msiexec.exe', DestinationPort: [80, 443]
 * for (MatchEvidence.Hit h : MatchEvidence.of(rule, event)) {
 *   System.out.println(h.identifier() + " " + h.field() + " " + h.modifiers() + " " + h.value() + " <- " + h.eventValue());
 * }
 * // selection Initiated [] true <- true
 * // selection Image [endswith] \msiexec.exe <- C:\Windows\System32\msiexec.exe
 * // selection DestinationPort [] 443 <- 443
 * }</pre>
 *
 * <p>What is reported per item:
 * <ul>
 *   <li>a plain item: each of its values that holds (with {@code all}: every value);
 *   <li>a {@code neq} item (it holds because its values do not): each value that does not hold;
 *   <li>a list-valued field: the element the value held for; a keyword: the scalar it was found in;
 *   <li>{@code null} / {@code exists} on an absent field: an event value of {@code null}.
 * </ul>
 * Of a search identifier that is a list of maps, only the maps that hold are reported. Identifiers
 * that do not hold are not reported; identifiers that hold are, whatever the condition does with
 * them (a filter that held under {@code not} in one condition may be reported when another
 * condition matched).
 */
public final class MatchEvidence {
  private MatchEvidence() {}

  /**
   * One rule value that held.
   *
   * @param identifier the search identifier
   * @param field      the field, or {@code null} for a keyword
   * @param modifiers  the item's modifiers as written (includes {@code neq}, {@code all})
   * @param value      the rule value as written in the rule ({@code \msiexec.exe}, {@code 443});
   *                   the value as loaded when the text is not at hand (e.g. filter-added items)
   * @param matcher    the loaded matcher that held, after modifiers: the pattern ({@code *\msiexec.exe}),
   *                   the windash / base64offset / expand alternative, the regex, the network, …
   * @param eventValue the event value it held for: a string, number, boolean, or {@code null} when
   *                   the field is absent or null (for a {@code neq} or {@code exists} item it may
   *                   also be a list or map: the whole field value)
   */
  public record Hit(String identifier, String field, List<String> modifiers, String value, String matcher,
      Object eventValue) {
    public Hit {
      modifiers = List.copyOf(modifiers);
    }
  }

  /** The evidence for {@code rule} on {@code event}; empty when no search identifier holds. */
  public static List<Hit> of(SigmaRule rule, Event event) {
    List<Hit> out = new ArrayList<>();
    for (Map.Entry<String, Search> e : rule.detection().searches().entrySet()) {
      if (ReferenceEvaluator.searchHolds(rule, e.getKey(), event)) {
        search(rule, e.getKey(), e.getValue(), event, out);
      }
    }
    return out;
  }

  /**
   * The values of {@code item} as written in the rule document ({@link SigmaRule#body()}): strings,
   * {@link BigDecimal}s, booleans, {@code null}; one per {@link DetectionItem#values()} entry. Returns
   * {@code null} when they cannot be found there (items a filter added, or a body that does not
   * hold the item).
   *
   * @param identifier the search identifier {@code item} belongs to
   */
  public static List<Object> writtenValues(SigmaRule rule, String identifier, DetectionItem item) {
    String prefix = "detection." + identifier;
    String path = item.path();
    if (path == null || !path.startsWith(prefix) || !(rule.body().get("detection") instanceof Map<?, ?> d)
        || !d.containsKey(identifier)) {
      return null;
    }
    Object node = d.get(identifier);
    String rest = path.substring(prefix.length());
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0 || !(node instanceof List<?> list)) {
        return null;
      }
      List<Object> flat = new ArrayList<>();
      flatten(list, flat);
      int index;
      try {
        index = Integer.parseInt(rest.substring(1, close));
      } catch (NumberFormatException e) {
        return null;
      }
      if (index < 0 || index >= flat.size()) {
        return null;
      }
      node = flat.get(index);
      rest = rest.substring(close + 1);
    }
    if (rest.startsWith(".")) {
      String key = rest.substring(1);
      if (!(node instanceof Map<?, ?> m) || !m.containsKey(key) || !key.equals(item.key())) {
        return null;
      }
      node = m.get(key);
    } else if (!rest.isEmpty()) {
      return null;
    }
    List<Object> values = new ArrayList<>();
    if (node instanceof List<?> list) {
      flatten(list, values);
    } else if (!(node instanceof Map)) {
      values.add(node);
    }
    return values.size() == item.values().size() ? Collections.unmodifiableList(values) : null;
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

  private static void search(SigmaRule rule, String identifier, Search s, Event event, List<Hit> out) {
    if (s instanceof Search.AnyOf any) {
      for (Search alternative : any.alternatives()) {
        if (ReferenceEvaluator.holds(alternative, event)) {
          search(rule, identifier, alternative, event, out);
        }
      }
      return;
    }
    for (DetectionItem item : ((Search.AllOf) s).items()) {
      item(rule, identifier, item, event, out);
    }
  }

  private static void item(SigmaRule rule, String identifier, DetectionItem item, Event event, List<Hit> out) {
    List<Object> written = writtenValues(rule, identifier, item);
    for (int i = 0; i < item.values().size(); i++) {
      ValueMatcher m = item.values().get(i);
      String value = written != null ? text(written.get(i)) : describe(m);
      if (item.negated()) {
        if (!holds(item, m, event)) {
          Object v = item.isKeyword() ? Event.ABSENT : event.get(item.field());
          out.add(new Hit(identifier, item.field(), item.modifiers(), value, describe(m),
              v == Event.ABSENT ? null : v));
        }
        continue;
      }
      if (!holds(item, m, event)) {
        continue;
      }
      Object witness = witness(item, m, event);
      Event at = witness == NONE ? event : item.isKeyword() ? new OneScalar(event, witness)
          : new OneField(event, item.field(), witness);
      out.add(new Hit(identifier, item.field(), item.modifiers(), value, matcherThatHeld(item, m, at),
          witness == NONE || witness == Event.ABSENT ? null : witness));
    }
  }

  /** Whether value {@code m} of {@code item}, alone and not negated, holds. */
  private static boolean holds(DetectionItem item, ValueMatcher m, Event event) {
    return ItemSemantics.holds(new DetectionItem(item.field(), item.modifiers(), List.of(m), false, false,
        item.path()), event);
  }

  private static final Object NONE = new Object();

  /** The scalar (or field value) {@code m} held for; {@link #NONE} when it cannot be singled out. */
  private static Object witness(DetectionItem item, ValueMatcher m, Event event) {
    if (item.isKeyword()) {
      Object[] found = {NONE};
      event.forEachScalar(s -> {
        if (found[0] == NONE && holds(item, m, new OneScalar(event, s))) {
          found[0] = s;
        }
      });
      return found[0];
    }
    Object v = event.get(item.field());
    if (!(v instanceof List<?> list) || m instanceof ValueMatcher.Exists) {
      return v;
    }
    List<Object> elements = new ArrayList<>();
    flatten(list, elements);
    for (Object e : elements) {
      if (holds(item, m, new OneField(event, item.field(), e))) {
        return e;
      }
    }
    return v;
  }

  /** The matcher, or for a group of alternatives the alternative that held at {@code event}. */
  private static String matcherThatHeld(DetectionItem item, ValueMatcher m, Event event) {
    if (m instanceof ValueMatcher.AnyOf any) {
      for (ValueMatcher a : any.alternatives()) {
        if (holds(item, a, event)) {
          return matcherThatHeld(item, a, event);
        }
      }
    }
    return describe(m);
  }

  /** A rule value as written: the text of a string, number or boolean; {@code null} as {@code null}. */
  private static String text(Object written) {
    if (written instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(written);
  }

  /** A loaded matcher in words close to the rule's: patterns in Sigma syntax, numbers as written. */
  static String describe(ValueMatcher m) {
    if (m instanceof ValueMatcher.Text t) {
      return t.pattern().toString();
    }
    if (m instanceof ValueMatcher.AnyOf any) {
      List<String> parts = new ArrayList<>();
      any.alternatives().forEach(a -> parts.add(describe(a)));
      return String.join(" | ", parts);
    }
    if (m instanceof ValueMatcher.NumberEquals n) {
      return n.text();
    }
    if (m instanceof ValueMatcher.BooleanEquals b) {
      return String.valueOf(b.value());
    }
    if (m instanceof ValueMatcher.IsNull) {
      return "null";
    }
    if (m instanceof ValueMatcher.Exists e) {
      return String.valueOf(e.present());
    }
    if (m instanceof ValueMatcher.Regex r) {
      return r.regex();
    }
    if (m instanceof ValueMatcher.Cidr c) {
      return c.network();
    }
    if (m instanceof ValueMatcher.NumberCompare c) {
      return c.threshold().toPlainString();
    }
    if (m instanceof ValueMatcher.TimeCompare t) {
      return t.value().toPlainString();
    }
    if (m instanceof ValueMatcher.FieldRef f) {
      return f.field();
    }
    return String.valueOf(m);
  }

  /** The event with one field's value replaced: tests a single element of a list value. */
  private record OneField(Event event, String field, Object value) implements Event {
    @Override
    public Object get(String name) {
      return name.equals(field) ? value : event.get(name);
    }

    @Override
    public void forEachScalar(Consumer<Object> visitor) {
      event.forEachScalar(visitor);
    }

    @Override
    public boolean forEachField(BiConsumer<String, Object> visitor) {
      return false;
    }
  }

  /** The event seen by keyword search as one scalar: finds the scalar a keyword was found in. */
  private record OneScalar(Event event, Object scalar) implements Event {
    @Override
    public Object get(String name) {
      return event.get(name);
    }

    @Override
    public void forEachScalar(Consumer<Object> visitor) {
      visitor.accept(scalar);
    }
  }
}
