package io.sigmatch.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies filters to a rule at load time (semantics §6.1, D20): a filter applies when it names the
 * rule (or names none) and the rule's logsource is at least as specific as the filter's; its
 * searches are copied in under a private prefix and every condition becomes
 * {@code (condition) and (filter condition)}.
 */
final class FilterRewrite {
  private FilterRewrite() {}

  static SigmaRule apply(SigmaRule rule, List<FilterRule> filters) {
    SigmaRule out = rule;
    for (int k = 0; k < filters.size(); k++) {
      FilterRule f = filters.get(k);
      boolean named = f.rules().isEmpty() || (rule.id() != null && f.rules().contains(rule.id()))
          || (rule.name() != null && f.rules().contains(rule.name()));
      if (named && f.logsource().containedIn(rule.logsource())) {
        out = out.withDetection(merge(out.detection(), f, "_filter" + k + "_"));
      }
    }
    return out;
  }

  private static Detection merge(Detection d, FilterRule f, String prefix) {
    Map<String, Search> searches = new LinkedHashMap<>(d.searches());
    f.detection().searches().forEach((name, s) -> searches.put(prefix + name, s));
    Condition extra = rename(f.detection().conditions().get(0), prefix);
    List<Condition> conditions = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < d.conditions().size(); i++) {
      conditions.add(new Condition.And(List.of(d.conditions().get(i), extra)));
      texts.add("(" + d.conditionTexts().get(i) + ") and (" + f.detection().conditionTexts().get(0) + ")");
    }
    return new Detection(searches, conditions, texts);
  }

  private static Condition rename(Condition c, String prefix) {
    if (c instanceof Condition.Ref r) {
      return new Condition.Ref(prefix + r.identifier());
    }
    if (c instanceof Condition.Not n) {
      return new Condition.Not(rename(n.operand(), prefix));
    }
    if (c instanceof Condition.And a) {
      return new Condition.And(a.operands().stream().map(o -> rename(o, prefix)).toList());
    }
    if (c instanceof Condition.Or o) {
      return new Condition.Or(o.operands().stream().map(x -> rename(x, prefix)).toList());
    }
    Condition.Selector s = (Condition.Selector) c;
    return new Condition.Selector(s.all(), s.pattern(), s.identifiers().stream().map(i -> prefix + i).toList());
  }
}
