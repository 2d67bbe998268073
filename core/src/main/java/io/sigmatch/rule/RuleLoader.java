package io.sigmatch.rule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads Sigma rules from files and folders. A rule that cannot load becomes an error
 * {@link Diagnostic} (file, rule id, YAML path, reason); every other rule still loads. Thread-safe;
 * reusable.
 *
 * <pre>{@code
 * RuleLoader loader = RuleLoader.builder()
 *     .placeholder("DomainControllers", List.of("DC1", "DC-*"))
 *     .build();
 * RuleSet set = loader.load(List.of(Path.of("rules")));
 * set.errors().forEach(d -> System.err.println(d));
 * }</pre>
 */
public final class RuleLoader {
  /** Files larger than this are rejected unread. */
  public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  private final LoaderSettings settings;

  private RuleLoader(LoaderSettings settings) {
    this.settings = settings;
  }

  /** A loader with no placeholders that rejects unresolved placeholders. */
  public static Builder builder() {
    return new Builder();
  }

  /** Loads every {@code .yml}/{@code .yaml} file under the given files and folders (recursively, sorted). */
  public RuleSet load(List<Path> paths) {
    Collector collector = new Collector();
    for (Path root : paths) {
      for (Path file : ruleFiles(root, collector)) {
        collector.file(file.toString(), read(file, collector));
      }
    }
    return collector.finish();
  }

  /** Loads rules from YAML text, naming it {@code source} in diagnostics. */
  public RuleSet loadText(String yaml, String source) {
    Collector collector = new Collector();
    collector.file(source, yaml);
    return collector.finish();
  }

  private static List<Path> ruleFiles(Path root, Collector collector) {
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    if (!Files.isDirectory(root)) {
      collector.error(root.toString(), null, "", "no such file or folder");
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yml") || p.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      collector.error(root.toString(), null, "", "cannot list the folder: " + e.getMessage());
      return List.of();
    }
  }

  private static String read(Path file, Collector collector) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        collector.error(file.toString(), null, "", "the file exceeds the limit of " + MAX_FILE_BYTES + " bytes");
        return null;
      }
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      collector.error(file.toString(), null, "", "the file is not UTF-8 text");
    } catch (IOException e) {
      collector.error(file.toString(), null, "", "cannot read the file: " + e.getMessage());
    }
    return null;
  }

  /** Gathers the documents of all files, then applies filters and correlations across them. */
  private final class Collector {
    final List<SigmaRule> rules = new ArrayList<>();
    final List<CorrelationRule> correlations = new ArrayList<>();
    final List<FilterRule> filters = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();

    void error(String file, String ruleId, String path, String message) {
      diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, file, ruleId, path, message));
    }

    void file(String file, String text) {
      if (text == null) {
        return;
      }
      for (YamlDocuments.Document doc : YamlDocuments.read(text)) {
        if (doc.failed()) {
          error(file, doc.ruleId(), doc.errorPath(), doc.error());
        } else if (doc.tree() != null) {
          document(file, doc.index(), doc.tree());
        }
      }
    }

    @SuppressWarnings("unchecked")
    private void document(String file, int index, Object tree) {
      if (!(tree instanceof Map<?, ?> map)) {
        error(file, null, "", "a rule document must be a map, not " + ModifierChain.describe(tree));
        return;
      }
      Map<String, Object> doc = (Map<String, Object>) map;
      String id = doc.get("id") instanceof String s ? s : null;
      List<Diagnostic> warnings = new ArrayList<>();
      Warnings sink = (path, message) ->
          warnings.add(new Diagnostic(Diagnostic.Severity.WARNING, file, id, path, message));
      try {
        DocumentFields f = new DocumentFields(doc);
        if (f.has("action")) {
          throw new RuleRejection("action", "legacy multi-document collections (action: global/reset/repeat)"
              + " are not supported; write each rule as a complete document");
        } else if (f.has("correlation")) {
          correlations.add(CorrelationParser.parse(file, index, f));
        } else if (f.has("filter")) {
          filters.add(filter(file, index, f, sink));
        } else if (f.has("detection")) {
          rules.add(rule(file, index, f, doc, sink));
        } else {
          throw new RuleRejection("detection", "the document has no detection, correlation or filter section"
              + caseHint(doc));
        }
        diagnostics.addAll(warnings);
      } catch (RuleRejection r) {
        error(file, id, r.path(), r.getMessage());
      }
    }

    /** Points out a key written with the wrong case, since keys are case-sensitive. */
    private String caseHint(Map<String, Object> doc) {
      for (String key : doc.keySet()) {
        for (String wanted : List.of("detection", "correlation", "filter")) {
          if (key.equalsIgnoreCase(wanted)) {
            return " (keys are case-sensitive: found '" + key + "', expected '" + wanted + "')";
          }
        }
      }
      return "";
    }

    private SigmaRule rule(String file, int index, DocumentFields f, Map<String, Object> doc, Warnings warnings)
        throws RuleRejection {
      String title = f.requiredText("title");
      if (title.length() > 256) {
        warnings.add("title", "the title is longer than 256 characters");
      }
      Logsource logsource = f.logsource("logsource");
      Detection detection = new DetectionParser(settings, warnings).parse(f.get("detection"), "detection", List.of());
      return new SigmaRule(file, index, f.text("id"), f.text("name"), title, f.text("status"), f.text("level"),
          f.text("description"), authors(f), f.text("date"), f.text("modified"), f.texts("tags"),
          f.texts("references"), f.texts("falsepositives"), logsource, detection, PlainValues.map(doc), true);
    }

    private String authors(DocumentFields f) throws RuleRejection {
      List<String> authors = f.texts("author");
      return authors.isEmpty() ? null : String.join(", ", authors);
    }

    private FilterRule filter(String file, int index, DocumentFields f, Warnings warnings) throws RuleRejection {
      String title = f.requiredText("title");
      Logsource logsource = f.logsource("logsource");
      if (!(f.get("filter") instanceof Map<?, ?> body)) {
        throw new RuleRejection("filter", "must be a map with rules, search identifiers and a condition");
      }
      Object rulesValue = body.get("rules");
      List<String> targets = new ArrayList<>();
      if (rulesValue instanceof List<?> list) {
        list.forEach(o -> targets.add(String.valueOf(o)));
      } else if (rulesValue instanceof String s && !s.equals("any")) {
        targets.add(s);
      } else if (rulesValue != null && !(rulesValue instanceof String)) {
        throw new RuleRejection("filter.rules", "must be a list of rule ids or names, or 'any'");
      }
      Detection detection = new DetectionParser(settings, warnings).parse(body, "filter", List.of("rules"));
      if (detection.conditions().size() != 1) {
        throw new RuleRejection("filter.condition", "a filter has exactly one condition");
      }
      return new FilterRule(file, index, f.text("id"), title, logsource, targets, detection);
    }

    RuleSet finish() {
      List<SigmaRule> filtered = new ArrayList<>(rules.size());
      for (SigmaRule r : rules) {
        filtered.add(FilterRewrite.apply(r, filters));
      }
      warnUnusedFilters(filtered);
      List<CorrelationRule> checked = checkCorrelations(filtered);
      Set<String> silent = new HashSet<>();
      for (CorrelationRule c : checked) {
        if (!c.generate()) {
          silent.addAll(c.rules());
        }
      }
      List<SigmaRule> out = new ArrayList<>(filtered.size());
      for (SigmaRule r : filtered) {
        boolean referenced = (r.id() != null && silent.contains(r.id())) || (r.name() != null && silent.contains(r.name()));
        out.add(referenced ? r.withGeneratesAlerts(false) : r);
      }
      return new RuleSet(out, checked, filters, diagnostics);
    }

    private void warnUnusedFilters(List<SigmaRule> loaded) {
      Set<String> known = new HashSet<>();
      loaded.forEach(r -> {
        if (r.id() != null) {
          known.add(r.id());
        }
        if (r.name() != null) {
          known.add(r.name());
        }
      });
      for (FilterRule f : filters) {
        for (String target : f.rules()) {
          if (!known.contains(target)) {
            diagnostics.add(new Diagnostic(Diagnostic.Severity.WARNING, f.source(), f.id(), "filter.rules",
                "the filter names '" + target + "', which is not a loaded rule"));
          }
        }
      }
    }

    private List<CorrelationRule> checkCorrelations(List<SigmaRule> loaded) {
      Map<String, Object> known = new HashMap<>();
      loaded.forEach(r -> {
        if (r.id() != null) {
          known.put(r.id(), r);
        }
        if (r.name() != null) {
          known.put(r.name(), r);
        }
      });
      correlations.forEach(c -> {
        if (c.id() != null) {
          known.put(c.id(), c);
        }
        if (c.name() != null) {
          known.put(c.name(), c);
        }
      });
      Map<String, CorrelationRule> ok = new LinkedHashMap<>();
      for (CorrelationRule c : correlations) {
        String missing = c.rules().stream().filter(r -> !known.containsKey(r)).findFirst().orElse(null);
        if (missing != null) {
          error(c.source(), c.id(), "correlation.rules", "the correlation names '" + missing
              + "', which is not a loaded rule or correlation");
        } else {
          ok.put(c.source() + "#" + c.document(), c);
        }
      }
      return new ArrayList<>(ok.values());
    }
  }

  /** Builds a {@link RuleLoader}. */
  public static final class Builder {
    private final Map<String, List<String>> placeholders = new HashMap<>();
    private boolean rejectUnresolved = true;

    private Builder() {}

    /** Values for the {@code expand} placeholder {@code %name%} (give the name without {@code %}). */
    public Builder placeholder(String name, List<String> values) {
      placeholders.put(name, List.copyOf(values));
      return this;
    }

    /** All placeholder values at once. */
    public Builder placeholders(Map<String, List<String>> values) {
      values.forEach(this::placeholder);
      return this;
    }

    /**
     * Whether a placeholder without values rejects its rule (the default, as the specification
     * asks) or matches anything, with a warning.
     */
    public Builder rejectUnresolvedPlaceholders(boolean reject) {
      this.rejectUnresolved = reject;
      return this;
    }

    public RuleLoader build() {
      return new RuleLoader(new LoaderSettings(placeholders, rejectUnresolved));
    }
  }
}
