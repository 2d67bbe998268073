package io.sigmatch.engine;

import io.sigmatch.event.Event;
import io.sigmatch.rule.ValueMatcher;
import io.sigmatch.value.CaseFold;
import io.sigmatch.value.ValueText;
import java.util.List;

/**
 * The {@code fieldref} test: this value's text against another field's text (any element of a
 * list), folded into the context's buffers unless cased. O(n·m) for {@code contains}.
 */
final class FieldRefs {
  private FieldRefs() {}

  static boolean holds(ValueMatcher.FieldRef f, CharSequence text, Object other, MatchContext ctx) {
    if (other instanceof List<?> list) {
      for (Object element : list) {
        if (holds(f, text, element, ctx)) {
          return true;
        }
      }
      return false;
    }
    String otherText = other == Event.ABSENT ? null : ValueText.render(other);
    if (otherText == null) {
      return false;
    }
    CharSequence a = f.cased() ? text : CaseFold.fold(text, ctx.refBuffer);
    CharSequence b = f.cased() ? otherText : CaseFold.fold(otherText, ctx.otherRefBuffer);
    return switch (f.position()) {
      case EQUALS -> a.length() == b.length() && regionEquals(a, 0, b);
      case CONTAINS -> indexOf(a, b) >= 0;
      case STARTS_WITH -> regionEquals(a, 0, b);
      case ENDS_WITH -> regionEquals(a, a.length() - b.length(), b);
    };
  }

  private static int indexOf(CharSequence a, CharSequence b) {
    for (int at = 0; at + b.length() <= a.length(); at++) {
      if (regionEquals(a, at, b)) {
        return at;
      }
    }
    return -1;
  }

  private static boolean regionEquals(CharSequence a, int at, CharSequence b) {
    if (at < 0 || at + b.length() > a.length()) {
      return false;
    }
    for (int i = 0; i < b.length(); i++) {
      if (a.charAt(at + i) != b.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
