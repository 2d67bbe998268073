package io.sigmatch.properties;

import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.routing.Route;
import io.sigmatch.rule.Logsource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The logsources generated rules use: a few routed Windows ones (process_creation = Sysmon 1,
 * network_connection = Sysmon 3, service security = Channel Security, …), a routed Linux one,
 * and unmapped ones that run on every event. Each has the field names its rules favour.
 */
final class Logsources {
  private Logsources() {}

  /** A logsource with its favoured fields. */
  record Spec(String product, String category, String service, List<String> fields) {
    Logsource logsource() {
      return new Logsource(product, category, service);
    }

    String yaml() {
      StringBuilder b = new StringBuilder("logsource:");
      if (product != null) {
        b.append("\n  product: ").append(product);
      }
      if (category != null) {
        b.append("\n  category: ").append(category);
      }
      if (service != null) {
        b.append("\n  service: ").append(service);
      }
      return b.toString();
    }

    @Override
    public String toString() {
      return logsource().toString();
    }
  }

  static final List<String> COMMON = List.of("UtcTime", "Computer", "Data", "Count", "Score", "Enabled", "Message",
      "Payload", "destination.ip", "process.command_line", "user.name", "c-uri", "Field With Space", "EventID");

  static final List<Spec> ALL = List.of(
      new Spec("windows", "process_creation", null, List.of("Image", "CommandLine", "ParentImage",
          "ParentCommandLine", "User", "OriginalFileName", "IntegrityLevel", "Hashes", "CurrentDirectory")),
      new Spec("windows", "network_connection", null, List.of("Image", "DestinationIp", "DestinationPort",
          "SourceIp", "Initiated", "DestinationHostname", "Protocol")),
      new Spec("windows", null, "security", List.of("TargetUserName", "SubjectUserName", "LogonType", "IpAddress",
          "WorkstationName", "Status", "ServiceName", "TicketEncryption")),
      new Spec("windows", "file_event", null, List.of("Image", "TargetFilename", "User")),
      new Spec("windows", "dns_query", null, List.of("QueryName", "Image", "QueryResults")),
      new Spec("windows", null, "powershell", List.of("ScriptBlockText", "Payload", "ContextInfo")),
      new Spec("linux", "process_creation", null, List.of("Image", "CommandLine", "User", "CurrentDirectory")),
      new Spec("windows", null, null, List.of("Image", "CommandLine", "Message")),
      new Spec(null, "proxy", null, List.of("c-uri", "c-useragent", "cs-host", "r-dns")),
      new Spec("linux", null, "auditd", List.of("type", "exe", "comm", "a0")));

  static Gen<Spec> any() {
    return Gen.of(ALL);
  }

  /** The routing field assignments of one source of each mapping entry of the logsource, or none if unmapped. */
  static List<Map<String, Object>> routingChoices(Spec spec) {
    return ROUTING.computeIfAbsent(spec, Logsources::computeRoutingChoices);
  }

  private static final LogsourceMapping DEFAULTS = LogsourceMapping.defaults();
  private static final Map<Spec, List<Map<String, Object>>> ROUTING = new java.util.concurrent.ConcurrentHashMap<>();

  private static List<Map<String, Object>> computeRoutingChoices(Spec spec) {
    Route route = DEFAULTS.route(spec.logsource());
    List<Map<String, Object>> out = new ArrayList<>();
    if (route.unmapped()) {
      return out;
    }
    // One assignment per combination is enough here: take each source of the first entry, merged
    // with the first source of every other entry.
    LogsourceMapping.Entry first = route.entries().get(0);
    for (LogsourceMapping.Source s : first.sources()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      put(fields, s);
      for (int i = 1; i < route.entries().size(); i++) {
        put(fields, route.entries().get(i).sources().get(0));
      }
      out.add(java.util.Collections.unmodifiableMap(fields));
    }
    return List.copyOf(out);
  }

  private static void put(Map<String, Object> fields, LogsourceMapping.Source s) {
    s.when().forEach((k, v) -> fields.put(k, v.get(0)));
  }
}
