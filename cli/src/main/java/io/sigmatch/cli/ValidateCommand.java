package io.sigmatch.cli;

import io.sigmatch.rule.Diagnostic;
import io.sigmatch.rule.RuleSet;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * Loads rules and reports each rejected rule and each warning. Unresolved {@code expand}
 * placeholders are warnings here unless {@code --unresolved-placeholders reject}: a rule is not
 * malformed for lacking site configuration.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check rules: one line per rejected rule, then warnings, then a count line.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin
  RuleOptions rules = new RuleOptions();

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    RuleSet set = rules.load(false);
    PrintWriter out = spec.commandLine().getOut();
    for (Diagnostic d : set.errors()) {
      out.println(d);
    }
    for (Diagnostic d : set.warnings()) {
      out.println("warning: " + d);
    }
    int loaded = set.rules().size() + set.correlations().size() + set.filters().size();
    out.println("loaded " + loaded + ", rejected " + set.errors().size() + ", warnings " + set.warnings().size());
    out.flush();
    return set.errors().isEmpty() ? 0 : 1;
  }
}
