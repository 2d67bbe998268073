package io.sigmatch.cli;

import io.sigmatch.engine.Engine;
import io.sigmatch.engine.Indicator;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.routing.Route;
import io.sigmatch.reference.MatchEvidence;
import io.sigmatch.rule.DetectionItem;
import io.sigmatch.rule.Logsource;
import io.sigmatch.rule.SigmaRule;
import io.sigmatch.rule.ValueMatcher;
import io.sigmatch.value.CaseFold;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * What {@code sigmatch explain} shows about one rule: its metadata, ATT&amp;CK coverage from its
 * tags, the events its logsource is routed to, its YAML, and its indicators with corpus counts.
 * Rendered by {@link RulePageText} and {@link RulePageJson}.
 *
 * @param rule        the rule
 * @param corpusRules how many rules the engine (and so the corpus counts) covers
 * @param attack      ATT&amp;CK references in the tags
 * @param coverage    the events the rule runs on
 * @param yaml        the rule's document as written (or re-dumped when the file cannot be read)
 * @param indicators  what the rule looks for, with corpus counts
 */
record RulePage(SigmaRule rule, int corpusRules, Attack attack, Coverage coverage, String yaml,
    List<Indicator> indicators) {

  /** ATT&amp;CK tactic names as they appear in {@code attack.<tactic>} tags. */
  static final Set<String> TACTICS = Set.of("reconnaissance", "resource-development", "initial-access",
      "execution", "persistence", "privilege-escalation", "defense-evasion", "stealth", "credential-access",
      "discovery", "lateral-movement", "collection", "command-and-control", "exfiltration", "impact");

  /**
   * ATT&amp;CK references: tactic names, technique ids ({@code T1218.007}), group ids ({@code G0007}),
   * software ids ({@code S0002}), and {@code attack.*} tags that are none of these.
   */
  record Attack(List<String> tactics, List<String> techniques, List<String> groups, List<String> software,
      List<String> other) {

    static Attack of(List<String> tags) {
      Set<String> tactics = new LinkedHashSet<>();
      Set<String> techniques = new LinkedHashSet<>();
      Set<String> groups = new LinkedHashSet<>();
      Set<String> software = new LinkedHashSet<>();
      Set<String> other = new LinkedHashSet<>();
      for (String tag : tags) {
        String t = tag.toLowerCase(Locale.ROOT);
        if (!t.startsWith("attack.")) {
          continue;
        }
        String name = t.substring("attack.".length());
        if (TACTICS.contains(name)) {
          tactics.add(name);
        } else if (name.matches("t\\d{4}(\\.\\d{3})?")) {
          techniques.add(name.toUpperCase(Locale.ROOT));
        } else if (name.matches("g\\d{4}")) {
          groups.add(name.toUpperCase(Locale.ROOT));
        } else if (name.matches("s\\d{4}")) {
          software.add(name.toUpperCase(Locale.ROOT));
        } else {
          other.add(tag.substring("attack.".length()));
        }
      }
      return new Attack(List.copyOf(tactics), List.copyOf(techniques), List.copyOf(groups), List.copyOf(software),
          List.copyOf(other));
    }

    /** The ATT&amp;CK page of a technique, group or software id. */
    static String url(String id) {
      return switch (id.charAt(0)) {
        case 'T' -> "https://attack.mitre.org/techniques/" + id.replace('.', '/') + "/";
        case 'G' -> "https://attack.mitre.org/groups/" + id + "/";
        case 'S' -> "https://attack.mitre.org/software/" + id + "/";
        default -> "";
      };
    }
  }

  /**
   * The events the rule runs on.
   *
   * @param routing  false when routing is off ({@code --no-routing})
   * @param entries  the applicable mapping entries; empty when unmapped or routing is off
   * @param covering when unmapped: the number of entries whose events the rule also runs on
   *                 (those of a {@code product: windows} rule: every Windows entry)
   */
  record Coverage(boolean routing, List<CoverageEntry> entries, int covering) {
    boolean everyEvent() {
      return !routing;
    }

    boolean unmapped() {
      return routing && entries.isEmpty();
    }

    /** Why no entry lists the rule's events, or {@code null} when some do. */
    String reason() {
      if (!routing) {
        return "routing off: runs on every event";
      }
      if (!entries.isEmpty()) {
        return null;
      }
      return "unmapped: runs on the events no mapping entry claims"
          + (covering == 0 ? "" : ", and on those of the " + covering + " entries its logsource covers");
    }
  }

  /** One applicable mapping entry. */
  record CoverageEntry(Logsource logsource, String title, List<CoverageSource> sources) {}

  /**
   * One event source of an entry.
   *
   * @param eventIds   the accepted {@code EventID}s
   * @param channels   the accepted {@code Channel}s
   * @param conditions every {@code when} field with its accepted values (including the two above)
   */
  record CoverageSource(String provider, String eventTitle, List<String> eventIds, List<String> channels,
      Map<String, List<String>> conditions) {}

  /**
   * Builds the page.
   *
   * @param engine      the engine over the corpus (with {@code rule} in it, for its own count)
   * @param mapping     the routing in force
   * @param routing     false for {@code --no-routing}
   * @param logsources  the mapping file given, or {@code null} for the bundled one (for display case)
   */
  static RulePage build(SigmaRule rule, Engine engine, int corpusRules, LogsourceMapping mapping, boolean routing,
      Path logsources) {
    List<Indicator> indicators = new ArrayList<>(new LinkedHashSet<>(engine.indicators(rule)));
    return new RulePage(rule, corpusRules, Attack.of(rule.tags()), coverage(rule, mapping, routing, logsources),
        yaml(rule), List.copyOf(indicators));
  }

  /**
   * The values of an item as written in the rule (strings, {@link BigDecimal}s, booleans,
   * {@code null}), or, for items the rule text does not hold (added by a filter), the loaded
   * matchers as text.
   */
  static List<Object> values(SigmaRule rule, String identifier, DetectionItem item) {
    List<Object> written = MatchEvidence.writtenValues(rule, identifier, item);
    if (written != null) {
      return written;
    }
    List<Object> out = new ArrayList<>();
    for (ValueMatcher m : item.values()) {
      out.add(m instanceof ValueMatcher.Text t ? t.pattern().toString()
          : m instanceof ValueMatcher.NumberEquals n ? n.value()
          : m instanceof ValueMatcher.BooleanEquals b ? (Object) b.value()
          : m instanceof ValueMatcher.IsNull ? null
          : String.valueOf(m));
    }
    return out;
  }

  static Coverage coverage(SigmaRule rule, LogsourceMapping mapping, boolean routing, Path logsources) {
    Route route = mapping.route(rule.logsource());
    if (route.unmapped()) {
      return new Coverage(routing, List.of(), route.covering().size());
    }
    Map<String, String> display = displayCase(logsources);
    List<CoverageEntry> entries = new ArrayList<>();
    for (LogsourceMapping.Entry e : route.entries()) {
      List<CoverageSource> sources = new ArrayList<>();
      for (LogsourceMapping.Source s : e.sources()) {
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        s.when().forEach((field, values) -> conditions.put(field, values.stream()
            .map(v -> v instanceof BigDecimal n ? n.toPlainString() : display.getOrDefault(v, String.valueOf(v)))
            .toList()));
        sources.add(new CoverageSource(s.provider(), s.eventTitle(), conditions.getOrDefault("EventID", List.of()),
            conditions.getOrDefault("Channel", List.of()), conditions));
      }
      entries.add(new CoverageEntry(e.logsource(), e.title(), sources));
    }
    return new Coverage(routing, entries, 0);
  }

  /**
   * The mapping's strings as written, by folded text: the loaded mapping keeps only folded values
   * ({@code microsoft-windows-sysmon/operational}), which are right for matching but not for people.
   */
  private static Map<String, String> displayCase(Path logsources) {
    Map<String, String> out = new HashMap<>();
    try {
      String text;
      if (logsources != null) {
        text = Files.readString(logsources);
      } else {
        try (InputStream in = LogsourceMapping.class.getResourceAsStream("logsources.yml")) {
          if (in == null) {
            return out;
          }
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      collectStrings(new Yaml(new SafeConstructor(new LoaderOptions())).load(text), out);
    } catch (IOException | RuntimeException e) {
      // display only: fall back to the folded values
    }
    return out;
  }

  private static void collectStrings(Object node, Map<String, String> out) {
    if (node instanceof Map<?, ?> m) {
      m.values().forEach(v -> collectStrings(v, out));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collectStrings(v, out));
    } else if (node instanceof String s) {
      out.putIfAbsent(CaseFold.fold(s), s);
    }
  }

  /**
   * The rule's YAML document as written in its file (the whole file for a single-document file,
   * comments included); a re-dump of {@link SigmaRule#body()} when the file cannot be read.
   */
  static String yaml(SigmaRule rule) {
    String text = null;
    try {
      Path file = Path.of(rule.source());
      if (Files.isRegularFile(file)) {
        text = documentText(Files.readString(file), rule.document());
      }
    } catch (IOException | RuntimeException e) {
      text = null;
    }
    return text != null ? text : dump(rule.body());
  }

  /** Document {@code index} of {@code file} as written, or {@code null} when it cannot be cut out. */
  static String documentText(String file, int index) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    List<Node> nodes = new ArrayList<>();
    Iterator<Node> it = yaml.composeAll(new StringReader(file)).iterator();
    while (it.hasNext()) {
      nodes.add(it.next());
    }
    if (index < 0 || index >= nodes.size() || nodes.get(index) == null) {
      return null;
    }
    if (nodes.size() == 1) {
      return stripEnd(file);
    }
    Node node = nodes.get(index);
    String[] lines = file.split("\n", -1);
    int first = node.getStartMark().getLine();
    int last = node.getEndMark().getLine();
    if (node.getEndMark().getColumn() == 0) {
      last--;
    }
    if (first < 0 || last >= lines.length || last < first) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (int i = first; i <= last; i++) {
      b.append(lines[i]).append('\n');
    }
    return stripEnd(b.toString());
  }

  private static String stripEnd(String s) {
    return s.replaceAll("[\\s]+$", "");
  }

  /** Block-style YAML of a rule body; numbers as plain numbers. */
  static String dump(Map<String, Object> body) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(4);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(120);
    return stripEnd(new Yaml(new Representer(options), options).dump(plain(body)));
  }

  private static Object plain(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, plain(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(RulePage::plain).toList();
    }
    if (v instanceof BigDecimal d) {
      BigDecimal s = d.stripTrailingZeros();
      if (s.scale() <= 0 && s.precision() - s.scale() <= 18) {
        return s.longValueExact();
      }
      return d.doubleValue();
    }
    return v;
  }
}
