package io.sigmatch.rule;

import java.util.List;

/**
 * What a load produced: the detection rules (filters already applied), correlations and filters,
 * and a diagnostic for every rejected rule and every warning.
 *
 * <pre>{@code
 * RuleSet set = RuleLoader.builder().build().load(List.of(Path.of("rules")));
 * set.errors().forEach(System.err::println);
 * }</pre>
 *
 * @param rules        loaded detection rules
 * @param correlations loaded correlation rules
 * @param filters      loaded filters
 * @param diagnostics  errors and warnings, in load order
 */
public record RuleSet(
    List<SigmaRule> rules, List<CorrelationRule> correlations, List<FilterRule> filters,
    List<Diagnostic> diagnostics) {

  public RuleSet {
    rules = List.copyOf(rules);
    correlations = List.copyOf(correlations);
    filters = List.copyOf(filters);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Rejections. */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
  }

  /** Warnings. */
  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).toList();
  }
}
