package io.sigmatch.routing;

import io.sigmatch.event.Event;
import io.sigmatch.rule.Logsource;
import io.sigmatch.value.CaseFold;
import io.sigmatch.value.NumericText;
import io.sigmatch.value.ValueText;
import java.math.BigDecimal;
import java.util.List;

/**
 * The events a rule logsource runs on (semantics §1.4: the event's logsource, derived by the
 * mapping, must satisfy the rule's).
 *
 * <p>A mapped route ({@code entries} not empty) admits an event when, for each entry, one of its
 * sources holds. An unmapped route has no entries: the mapping cannot tell which events it stands
 * for, so it admits every event the mapping does not claim (no source of any entry holds: the
 * event's logsource is unknown), and of the claimed events those of a {@code covering} entry,
 * whose logsource has every attribute the rule sets ({@code product: windows} covers
 * Sysmon's process creation). A Linux or cloud rule thus never runs on a Sysmon event, and with
 * an empty mapping every rule runs on every event.
 *
 * <p>Values compare as Sigma equality does: strings ignoring case, numbers numerically (an
 * event's {@code "3"} equals a mapping's {@code 3}); a list-valued event field holds when an
 * element does.
 *
 * @param logsource the rule logsource routed
 * @param entries   the applicable mapping entries, all of which must hold; empty when unmapped
 * @param covering  when unmapped: the entries whose events satisfy the logsource
 * @param mapping   the mapping's entries, which decide whether an event is claimed
 */
public record Route(Logsource logsource, List<LogsourceMapping.Entry> entries,
    List<LogsourceMapping.Entry> covering, List<LogsourceMapping.Entry> mapping) {
  public Route {
    entries = List.copyOf(entries);
    covering = List.copyOf(covering);
    mapping = List.copyOf(mapping);
  }

  /** Whether no mapping entry applies, so the rule runs on the events the mapping does not claim. */
  public boolean unmapped() {
    return entries.isEmpty();
  }

  /** Whether a rule with this logsource runs on {@code event}. */
  public boolean admits(Event event) {
    return admits(event, unmapped() && anyHolds(mapping, event));
  }

  /**
   * Whether a rule with this logsource runs on {@code event}, given whether the mapping claims
   * it ({@link LogsourceMapping#claims}); lets a caller decide that once per event.
   */
  public boolean admits(Event event, boolean claimed) {
    if (unmapped()) {
      return !claimed || anyHolds(covering, event);
    }
    for (LogsourceMapping.Entry entry : entries) {
      if (!holds(entry, event)) {
        return false;
      }
    }
    return true;
  }

  static boolean anyHolds(List<LogsourceMapping.Entry> entries, Event event) {
    for (LogsourceMapping.Entry entry : entries) {
      if (holds(entry, event)) {
        return true;
      }
    }
    return false;
  }

  private static boolean holds(LogsourceMapping.Entry entry, Event event) {
    for (LogsourceMapping.Source source : entry.sources()) {
      if (holds(source, event)) {
        return true;
      }
    }
    return false;
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
