package io.sigmatch.cli;

import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.routing.Route;
import io.sigmatch.rule.Logsource;
import io.sigmatch.rule.SigmaRule;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Says once per logsource that its rules have no mapping, and so run only on the events the
 * mapping does not claim (and on those of entries their logsource covers).
 */
final class RoutingNotes {
  private RoutingNotes() {}

  static void report(List<SigmaRule> rules, LogsourceMapping mapping, boolean routing, PrintWriter err) {
    if (!routing) {
      err.println("sigmatch: routing off: every rule runs on every event");
      return;
    }
    Map<String, Integer> unmapped = new TreeMap<>();
    Map<String, Integer> covering = new TreeMap<>();
    for (SigmaRule r : rules) {
      Logsource ls = r.logsource();
      Route route = mapping.route(ls);
      if (route.unmapped()) {
        unmapped.merge(ls.toString(), 1, Integer::sum);
        covering.put(ls.toString(), route.covering().size());
      }
    }
    unmapped.forEach((ls, n) -> err.println("sigmatch: no logsource mapping for " + ls + ": its " + n
        + (n == 1 ? " rule runs" : " rules run") + " only on events the mapping does not claim"
        + (covering.get(ls) == 0 ? "" : " and on those of the " + covering.get(ls) + " entries it covers")));
  }
}
