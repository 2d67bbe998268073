package io.sigmatch.routing;

import io.sigmatch.event.Event;
import io.sigmatch.rule.Logsource;
import io.sigmatch.value.CaseFold;
import io.sigmatch.value.NumericText;
import io.sigmatch.value.ValueText;
import java.math.BigDecimal;
import java.util.List;

/**
 * The event conditions of one rule logsource: for each entry, one of its sources holds. A route
 * without entries admits every event ({@link #unmapped()}).
 *
 * <p>Values compare as Sigma equality does: strings ignoring case, numbers numerically (an
 * event's {@code "3"} equals a mapping's {@code 3}); a list-valued event field holds when an
 * element does.
 *
 * @param logsource the rule logsource routed
 * @param entries   the applicable mapping entries; empty when unmapped
 */
public record Route(Logsource logsource, List<LogsourceMapping.Entry> entries) {
  public Route {
    entries = List.copyOf(entries);
  }

  static Route everyEvent(Logsource logsource) {
    return new Route(logsource, List.of());
  }

  /** Whether no mapping applies, so the rule runs on every event. */
  public boolean unmapped() {
    return entries.isEmpty();
  }

  /** Whether a rule with this logsource runs on {@code event}. */
  public boolean admits(Event event) {
    for (LogsourceMapping.Entry entry : entries) {
      boolean any = false;
      for (LogsourceMapping.Source source : entry.sources()) {
        if (holds(source, event)) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  /** Whether every {@code when} field of {@code source} has an accepted value in {@code event}. */
  public static boolean holds(LogsourceMapping.Source source, Event event) {
    for (var w : source.when().entrySet()) {
      if (!fieldHolds(event.get(w.getKey()), w.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean fieldHolds(Object value, List<Object> accepted) {
    if (value instanceof List<?> list) {
      for (Object element : list) {
        if (fieldHolds(element, accepted)) {
          return true;
        }
      }
      return false;
    }
    for (Object a : accepted) {
      if (a instanceof BigDecimal number) {
        BigDecimal v = NumericText.of(value);
        if (v != null && v.compareTo(number) == 0) {
          return true;
        }
      } else {
        String text = ValueText.render(value);
        if (text != null && CaseFold.fold(text).equals(a)) {
          return true;
        }
      }
    }
    return false;
  }
}
