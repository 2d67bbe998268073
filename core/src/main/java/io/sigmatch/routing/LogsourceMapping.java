package io.sigmatch.routing;

import io.sigmatch.event.Event;
import io.sigmatch.rule.Logsource;
import io.sigmatch.value.CaseFold;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Which events a rule's logsource stands for (semantics §1.4). Events carry no logsource, so each
 * logsource is mapped to conditions on fields they do carry ({@code Channel}, {@code EventID}).
 *
 * <p>For a rule, every entry whose logsource attributes all equal the rule's applies, and for
 * each of them one of its sources must hold. A rule whose category or service no applicable entry
 * sets, or with no applicable entry at all, is unmapped: it runs on the events the mapping does
 * not {@link #claims claim}, and on those of entries that cover its logsource ({@link Route}).
 *
 * <pre>{@code
 * LogsourceMapping mapping = LogsourceMapping.defaults();  // Windows: Sysmon, Security, …
 * Route r = mapping.route(new Logsource("windows", "network_connection", null));
 * r.admits(event);  // Channel Microsoft-Windows-Sysmon/Operational and EventID 3
 * }</pre>
 *
 * <p>The file format is that of the bundled {@code io/sigmatch/routing/logsources.yml}.
 */
public final class LogsourceMapping {
  private static final String DEFAULT_RESOURCE = "logsources.yml";

  private final List<Entry> entries;

  private LogsourceMapping(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** One logsource and the event sources that make it. */
  public record Entry(Logsource logsource, String title, List<Source> sources) {
    public Entry {
      sources = List.copyOf(sources);
    }
  }

  /**
   * One event source: all of {@code when} must hold.
   *
   * @param provider   the provider, for people
   * @param eventTitle what the event is, for people
   * @param when       field → accepted values (case-folded String, or BigDecimal), OR-linked per field
   */
  public record Source(String provider, String eventTitle, Map<String, List<Object>> when) {
    public Source {
      Map<String, List<Object>> copy = new LinkedHashMap<>();
      when.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      when = java.util.Collections.unmodifiableMap(copy);
    }
  }

  /** The bundled Windows mapping. */
  public static LogsourceMapping defaults() {
    try (InputStream in = LogsourceMapping.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled logsource mapping missing: " + DEFAULT_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the bundled logsource mapping", e);
    }
  }

  /** A mapping with no entries: every rule runs on every event. */
  public static LogsourceMapping none() {
    return new LogsourceMapping(List.of());
  }

  /** Reads a mapping file in the bundled format. */
  public static LogsourceMapping load(Path file) throws IOException {
    return parse(Files.readString(file), file.toString());
  }

  /**
   * Reads a mapping from YAML text.
   *
   * @throws IllegalArgumentException naming the source and the entry when the text is malformed
   */
  public static LogsourceMapping parse(String yaml, String source) {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    if (!(root instanceof Map<?, ?> map) || !(map.get("logsources") instanceof List<?> list)) {
      throw new IllegalArgumentException(source + ": expected a map with a 'logsources' list");
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      entries.add(entry(list.get(i), source + ": logsources[" + i + "]"));
    }
    return new LogsourceMapping(entries);
  }

  private static Entry entry(Object raw, String where) {
    if (!(raw instanceof Map<?, ?> m) || !(m.get("logsource") instanceof Map<?, ?> ls)
        || !(m.get("sources") instanceof List<?> sources) || sources.isEmpty()) {
      throw new IllegalArgumentException(where + ": needs 'logsource' (a map) and 'sources' (a non-empty list)");
    }
    Logsource logsource = new Logsource(text(ls.get("product")), text(ls.get("category")), text(ls.get("service")));
    List<Source> out = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      if (!(sources.get(i) instanceof Map<?, ?> s) || !(s.get("when") instanceof Map<?, ?> when) || when.isEmpty()) {
        throw new IllegalArgumentException(where + ".sources[" + i + "]: needs a non-empty 'when' map");
      }
      Map<String, List<Object>> conditions = new LinkedHashMap<>();
      for (Map.Entry<?, ?> w : when.entrySet()) {
        List<Object> values = new ArrayList<>();
        for (Object v : w.getValue() instanceof List<?> l ? l : List.of(w.getValue())) {
          values.add(value(v, where + ".sources[" + i + "].when." + w.getKey()));
        }
        conditions.put(String.valueOf(w.getKey()), values);
      }
      out.add(new Source(text(s.get("provider")), text(s.get("event_title")), conditions));
    }
    return new Entry(logsource, text(m.get("title")), out);
  }

  private static Object value(Object v, String where) {
    if (v instanceof String s) {
      return CaseFold.fold(s);
    }
    if (v instanceof Integer || v instanceof Long) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    throw new IllegalArgumentException(where + ": a value must be a string or an integer");
  }

  private static String text(Object o) {
    return o == null ? null : String.valueOf(o);
  }

  /** All entries, in file order. */
  public List<Entry> entries() {
    return entries;
  }

  /** The events a rule with this logsource runs on. */
  public Route route(Logsource rule) {
    List<Entry> applicable = new ArrayList<>();
    List<Entry> covering = new ArrayList<>();
    boolean category = false;
    boolean service = false;
    for (Entry e : entries) {
      if (e.logsource().containedIn(rule)) {
        applicable.add(e);
        category |= e.logsource().category() != null;
        service |= e.logsource().service() != null;
      }
      if (rule.containedIn(e.logsource())) {
        covering.add(e);
      }
    }
    boolean unmapped = applicable.isEmpty()
        || (rule.category() != null && !category)
        || (rule.service() != null && !service);
    return unmapped ? new Route(rule, List.of(), covering, entries) : new Route(rule, applicable, List.of(), List.of());
  }

  /**
   * Whether some source of some entry holds for {@code event}: the mapping knows its logsource,
   * so unmapped rules run on it only where a covering entry says so ({@link Route}).
   */
  public boolean claims(Event event) {
    return Route.anyHolds(entries, event);
  }
}
