package io.sigmatch.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Whole rules: a logsource, 1–4 searches under tricky identifier names, one or two conditions. */
final class Rules {
  private Rules() {}

  static Gen<RuleSpec> rules() {
    return rules("");
  }

  /** Rules whose field names all start with {@code fieldPrefix}. */
  static Gen<RuleSpec> rules(String fieldPrefix) {
    return Memo.of(() -> {
      return Logsources.any().flatMap(ls -> rules(ls, FieldNames.of(ls).withPrefix(fieldPrefix)));
    }, "rules", fieldPrefix);
  }

  static Gen<RuleSpec> rules(Logsources.Spec logsource, FieldNames names) {
    return Memo.of(() -> {
      return Conditions.identifiers().flatMap(ids -> {
        List<Gen<SearchSpec>> searches = new ArrayList<>();
        ids.forEach(id -> searches.add(Searches.any(names)));
        Gen<List<ConditionSpec>> conditions = Gen.ints(0, 9)
            .flatMap(n -> Conditions.condition(ids, 3).list(n == 0 ? 2 : 1, n == 0 ? 2 : 1));
        return Gen.combine(Gen.combine(searches, l -> l), conditions, (s, c) -> {
          LinkedHashMap<String, SearchSpec> named = new LinkedHashMap<>();
          for (int i = 0; i < ids.size(); i++) {
            named.put(ids.get(i), s.get(i));
          }
          return new RuleSpec("rule", logsource, named, c);
        });
      });
    }, "rulesFor", logsource, names);
  }
}
