package io.sigmatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sigmatch.engine.Engine;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.Diagnostic;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.SigmaRule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints the page of one rule: metadata, ATT&amp;CK coverage, event coverage, YAML, stages and
 * indicators with their corpus counts (how many loaded rules look for the same field, kind and
 * value). The rule is named by id (or name, or an unambiguous id prefix) among the loaded rules,
 * or given as a file, which is then counted with the corpus.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Show a rule's page: metadata, ATT&CK and event coverage, YAML, stages, indicators with corpus counts.")
final class ExplainCommand implements Callable<Integer> {
  @Mixin
  RuleOptions rules = new RuleOptions();

  @Parameters(index = "0", paramLabel = "RULE-ID|RULE-FILE",
      description = "A rule id (or name, or unambiguous id prefix) among the loaded rules, or a rule file.")
  String target;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "text (default) or json (one object).")
  String format;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("text") && !format.equals("json")) {
      err.println("sigmatch: --format takes text or json, not '" + format + "'");
      err.flush();
      return 2;
    }
    RuleSet set = rules.load(true);
    List<SigmaRule> corpus = new ArrayList<>(set.rules());
    SigmaRule rule;
    Path file = Path.of(target);
    if (Files.isRegularFile(file)) {
      rule = fromFile(file, corpus, err);
      if (rule == null) {
        err.flush();
        return 2;
      }
    } else {
      rule = byId(target, corpus, set, err);
      if (rule == null) {
        err.flush();
        return 2;
      }
    }
    LogsourceMapping mapping = rules.mapping();
    Engine engine = Engine.builder().rules(corpus).logsources(mapping).build();
    RulePage page = RulePage.build(rule, engine, corpus.size(), mapping, !rules.noRouting,
        rules.noRouting ? null : rules.logsources);
    if (format.equals("json")) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(RulePageJson.of(page)));
    } else {
      RulePageText.write(page, out);
    }
    out.flush();
    err.flush();
    return 0;
  }

  /** The rule in {@code file}, added to the corpus unless the corpus already has it. */
  private SigmaRule fromFile(Path file, List<SigmaRule> corpus, PrintWriter err) throws IOException {
    RuleOptions single = new RuleOptions();
    single.rules = List.of(file);
    single.placeholders = rules.placeholders != null ? rules.placeholders
        : rules.rules.isEmpty() ? Defaults.placeholders() : null;
    single.unresolved = rules.unresolved;
    RuleSet own = single.load(true);
    if (own.rules().isEmpty()) {
      err.println("sigmatch: " + file + ": no detection rule loaded from it");
      own.errors().forEach(d -> err.println("sigmatch: rejected: " + d));
      return null;
    }
    if (own.rules().size() > 1) {
      err.println("sigmatch: " + file + " holds " + own.rules().size()
          + " detection rules; showing the first (name another by its id)");
    }
    SigmaRule rule = own.rules().get(0);
    for (SigmaRule r : corpus) {
      if (sameRule(r, rule)) {
        return r;
      }
    }
    corpus.add(rule);
    return rule;
  }

  private static boolean sameRule(SigmaRule a, SigmaRule b) {
    if (a.id() != null && b.id() != null) {
      return a.id().equals(b.id());
    }
    return a.document() == b.document()
        && Path.of(a.source()).toAbsolutePath().normalize().equals(Path.of(b.source()).toAbsolutePath().normalize());
  }

  /** The rule with this id, else name, else the one id starting with it; {@code null} after a message. */
  private SigmaRule byId(String wanted, List<SigmaRule> corpus, RuleSet set, PrintWriter err) {
    List<SigmaRule> exact = corpus.stream().filter(r -> wanted.equalsIgnoreCase(r.id())).toList();
    if (exact.isEmpty()) {
      exact = corpus.stream().filter(r -> wanted.equals(r.name())).toList();
    }
    if (exact.isEmpty() && wanted.length() >= 4) {
      exact = corpus.stream().filter(r -> r.id() != null
          && r.id().toLowerCase(java.util.Locale.ROOT).startsWith(wanted.toLowerCase(java.util.Locale.ROOT))).toList();
      if (exact.size() > 1) {
        err.println("sigmatch: '" + wanted + "' is the start of " + exact.size() + " rule ids: "
            + String.join(", ", exact.stream().limit(5).map(SigmaRule::id).toList())
            + (exact.size() > 5 ? ", …" : ""));
        return null;
      }
    }
    if (exact.size() > 1) {
      err.println("sigmatch: " + exact.size() + " loaded rules have the id " + wanted + "; showing the one from "
          + exact.get(0).source());
    }
    if (!exact.isEmpty()) {
      return exact.get(0);
    }
    List<Diagnostic> rejected = set.errors().stream().filter(d -> wanted.equalsIgnoreCase(d.ruleId())).toList();
    if (!rejected.isEmpty()) {
      err.println("sigmatch: rule " + wanted + " was rejected when loading:");
      rejected.forEach(d -> err.println("sigmatch:   " + d));
      return null;
    }
    err.println("sigmatch: no rule '" + wanted + "' among the " + corpus.size() + " rules loaded from "
        + String.join(", ", rules.rulePaths().stream().map(Path::toString).toList())
        + (wanted.contains("/") || wanted.endsWith(".yml") || wanted.endsWith(".yaml") ? " (and no such file)" : ""));
    return null;
  }
}
