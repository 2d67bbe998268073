package io.sigmatch.cli;

import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.Logsource;
import io.sigmatch.rule.SigmaRule;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Says once per logsource that its rules have no mapping and so run on every event. */
final class RoutingNotes {
  private RoutingNotes() {}

  static void report(List<SigmaRule> rules, LogsourceMapping mapping, boolean routing, PrintWriter err) {
    if (!routing) {
      err.println("sigmatch: routing off: every rule runs on every event");
      return;
    }
    Map<String, Integer> unmapped = new TreeMap<>();
    for (SigmaRule r : rules) {
      Logsource ls = r.logsource();
      if (mapping.route(ls).unmapped()) {
        unmapped.merge(ls.toString(), 1, Integer::sum);
      }
    }
    unmapped.forEach((ls, n) -> err.println("sigmatch: no logsource mapping for " + ls + ": its " + n
        + (n == 1 ? " rule runs" : " rules run") + " on every event"));
  }
}
