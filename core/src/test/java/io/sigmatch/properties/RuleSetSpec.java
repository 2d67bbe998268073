package io.sigmatch.properties;

import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.rule.SigmaRule;
import java.util.List;
import java.util.stream.Collectors;

/** Generated rules in load order, printed as one multi-document YAML text and loaded once. */
final class RuleSetSpec {
  private final List<RuleSpec> rules;
  private RuleSet loaded;

  RuleSetSpec(List<RuleSpec> rules) {
    this.rules = List.copyOf(rules);
  }

  List<RuleSpec> rules() {
    return rules;
  }

  String yaml() {
    return rules.stream().map(RuleSpec::yaml).collect(Collectors.joining("---\n"));
  }

  /** The loader's result; generated rules are legal, so errors mean a generator or loader bug. */
  synchronized RuleSet ruleSet() {
    if (loaded == null) {
      loaded = load(yaml());
    }
    return loaded;
  }

  List<SigmaRule> loadedRules() {
    return ruleSet().rules();
  }

  static RuleSet load(String yaml) {
    return RuleLoader.builder().placeholders(DetectionItems.PLACEHOLDERS).build().loadText(yaml, "generated.yml");
  }

  @Override
  public String toString() {
    return rules.size() + " rules:\n" + yaml();
  }
}
