package io.sigmatch.engine;

import io.sigmatch.event.Event;
import io.sigmatch.rule.ValueMatcher;
import io.sigmatch.value.CaseFold;
import io.sigmatch.value.ValueText;
import java.util.List;

/** The {@code fieldref} test: this value against another field's value (any element of a list). */
final class FieldRefs {
  private FieldRefs() {}

  static boolean holds(ValueMatcher.FieldRef f, String text, Object other) {
    if (other instanceof List<?> list) {
      for (Object element : list) {
        if (holds(f, text, element)) {
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
}
