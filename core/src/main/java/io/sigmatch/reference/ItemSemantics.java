package io.sigmatch.reference;

import io.sigmatch.event.Event;
import io.sigmatch.index.CidrTrie;
import io.sigmatch.rule.DetectionItem;
import io.sigmatch.rule.ValueMatcher;
import io.sigmatch.value.CaseFold;
import io.sigmatch.value.NumericText;
import io.sigmatch.value.ValueText;
import java.math.BigDecimal;
import java.util.List;

/**
 * Whether one detection item holds for an event, read straight from semantics §2.3–§4.
 *
 * <ul>
 *   <li>A field item reads the field once; each value matcher holds when it holds for the value,
 *       or for some element of a list value; values are OR-linked ({@code all}: AND), then
 *       {@code neq} negates.
 *   <li>An absent or null field satisfies only {@code null} and {@code exists}.
 *   <li>A keyword item's value holds when it holds for some scalar anywhere in the event.
 * </ul>
 */
final class ItemSemantics {
  private ItemSemantics() {}

  static boolean holds(DetectionItem item, Event event) {
    boolean result = item.all();
    for (ValueMatcher m : item.values()) {
      boolean h = item.isKeyword() ? anyScalar(m, event) : holds(m, event.get(item.field()), event);
      if (item.all() && !h) {
        result = false;
        break;
      }
      if (!item.all() && h) {
        result = true;
        break;
      }
    }
    return item.negated() != result;
  }

  private static boolean anyScalar(ValueMatcher m, Event event) {
    boolean[] found = {false};
    event.forEachScalar(v -> {
      if (!found[0] && holds(m, v, event)) {
        found[0] = true;
      }
    });
    return found[0];
  }

  static boolean holds(ValueMatcher m, Object value, Event event) {
    if (m instanceof ValueMatcher.Exists e) {
      return (value != Event.ABSENT) == e.present();
    }
    if (m instanceof ValueMatcher.AnyOf any) {
      for (ValueMatcher alternative : any.alternatives()) {
        if (holds(alternative, value, event)) {
          return true;
        }
      }
      return false;
    }
    if (value == Event.ABSENT) {
      return m instanceof ValueMatcher.IsNull;
    }
    if (value instanceof List<?> list) {
      for (Object element : list) {
        if (holds(m, element, event)) {
          return true;
        }
      }
      return false;
    }
    if (value == null) {
      return m instanceof ValueMatcher.IsNull;
    }
    String text = ValueText.render(value);
    if (text == null) {
      return false;
    }
    return scalar(m, value, text, event);
  }

  private static boolean scalar(ValueMatcher m, Object value, String text, Event event) {
    if (m instanceof ValueMatcher.Text t) {
      return t.comparable().matches(t.cased() ? text : CaseFold.fold(text));
    }
    if (m instanceof ValueMatcher.NumberEquals n) {
      BigDecimal v = NumericText.of(value);
      return v != null && v.compareTo(n.value()) == 0;
    }
    if (m instanceof ValueMatcher.BooleanEquals b) {
      if (value instanceof Boolean bool) {
        return bool == b.value();
      }
      return value instanceof String && CaseFold.fold(text).equals(b.value() ? "true" : "false");
    }
    if (m instanceof ValueMatcher.Regex r) {
      return r.compiled().matcher(text).find();
    }
    if (m instanceof ValueMatcher.Cidr c) {
      return inNetwork(c, text);
    }
    if (m instanceof ValueMatcher.NumberCompare c) {
      BigDecimal v = NumericText.of(value);
      return v != null && c.comparison().holds(v, c.threshold());
    }
    if (m instanceof ValueMatcher.TimeCompare t) {
      int part = value instanceof String ? t.part().of(text) : -1;
      return part >= 0 && t.comparison().holds(BigDecimal.valueOf(part), t.value());
    }
    if (m instanceof ValueMatcher.FieldRef f) {
      return fieldRef(f, text, event.get(f.field()));
    }
    return false;
  }

  private static boolean fieldRef(ValueMatcher.FieldRef f, String text, Object other) {
    if (other instanceof List<?> list) {
      for (Object element : list) {
        if (fieldRef(f, text, element)) {
          return true;
        }
      }
      return false;
    }
    String otherText = other == Event.ABSENT ? null : ValueText.render(other);
    if (otherText == null) {
      return false;
    }
    String a = f.cased() ? text : CaseFold.fold(text);
    String b = f.cased() ? otherText : CaseFold.fold(otherText);
    return switch (f.position()) {
      case EQUALS -> a.equals(b);
      case CONTAINS -> a.contains(b);
      case STARTS_WITH -> a.startsWith(b);
      case ENDS_WITH -> a.endsWith(b);
    };
  }

  private static boolean inNetwork(ValueMatcher.Cidr network, String text) {
    byte[] address = new byte[16];
    int family = CidrTrie.parseAddress(text, address);
    byte[] net = network.address();
    if (family != net.length) {
      return false;
    }
    for (int bit = 0; bit < network.prefixLength(); bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((net[bit / 8] & mask) != (address[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
