package io.sigmatch.cli;

import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine.Option;

/** Options shared by the commands that load rules. */
final class RuleOptions {
  @Option(names = "--rules", paramLabel = "PATH", description = "Rule file or folder (recursive); repeatable.")
  List<Path> rules = new ArrayList<>();

  @Option(names = "--placeholders", paramLabel = "FILE",
      description = "YAML map of expand placeholder values: name: [value, ...].")
  Path placeholders;

  @Option(names = "--unresolved-placeholders", paramLabel = "reject|match-any",
      description = "A placeholder without values rejects its rule (default) or matches anything.")
  String unresolved;

  @Option(names = "--logsources", paramLabel = "FILE",
      description = "Logsource mapping replacing the bundled Windows one.")
  Path logsources;

  @Option(names = "--no-routing", description = "Run every rule on every event, whatever its logsource.")
  boolean noRouting;

  /** The rule paths given, or the shipped rules. */
  List<Path> rulePaths() {
    return rules.isEmpty() ? List.of(Defaults.rules()) : rules;
  }

  RuleSet load(boolean rejectUnresolvedByDefault) throws IOException {
    RuleLoader.Builder b = RuleLoader.builder();
    Path file = placeholders != null ? placeholders : rules.isEmpty() ? Defaults.placeholders() : null;
    if (file != null) {
      b.placeholders(readPlaceholders(file));
    }
    boolean reject = unresolved == null ? rejectUnresolvedByDefault : switch (unresolved) {
      case "reject" -> true;
      case "match-any" -> false;
      default -> throw new IllegalArgumentException("--unresolved-placeholders takes reject or match-any");
    };
    b.rejectUnresolvedPlaceholders(reject);
    return b.build().load(rulePaths());
  }

  LogsourceMapping mapping() throws IOException {
    if (noRouting) {
      return LogsourceMapping.none();
    }
    return logsources == null ? LogsourceMapping.defaults() : LogsourceMapping.load(logsources);
  }

  static Map<String, List<String>> readPlaceholders(Path file) throws IOException {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(file + ": expected a map name: [values]");
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      List<String> values = new ArrayList<>();
      if (e.getValue() instanceof List<?> list) {
        list.forEach(v -> values.add(String.valueOf(v)));
      } else {
        values.add(String.valueOf(e.getValue()));
      }
      out.put(String.valueOf(e.getKey()), values);
    }
    return out;
  }
}
