package io.sigmatch.properties;

import java.util.ArrayList;
import java.util.List;

/** Rule sets of 1–200 rules with ids {@code r0}, {@code r1}, …; mostly small, so a try stays cheap. */
final class RuleSets {
  private RuleSets() {}

  static Gen<RuleSetSpec> ruleSets() {
    return ruleSets(Rules.rules(), "r");
  }

  static Gen<RuleSetSpec> ruleSets(Gen<RuleSpec> rules, String idPrefix) {
    return ruleSets(rules, idPrefix, 200);
  }

  /** Mostly small sets keep a try cheap; about one in twenty is large (31 up to {@code max} rules). */
  static Gen<RuleSetSpec> ruleSets(Gen<RuleSpec> rules, String idPrefix, int max) {
    Gen<Integer> size = Gen.frequency(Gen.w(12, Gen.ints(1, Math.min(6, max))), Gen.w(6, Gen.ints(Math.min(7, max), Math.min(30, max))),
        Gen.w(max > 30 ? 1 : 0, Gen.ints(Math.min(31, max), max)));
    return size.flatMap(n -> rules.list(n, n)).map(l -> withIds(l, idPrefix));
  }

  static RuleSetSpec withIds(List<RuleSpec> rules, String idPrefix) {
    List<RuleSpec> out = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      out.add(rules.get(i).withId(idPrefix + i));
    }
    return new RuleSetSpec(out);
  }

  /** Sets of 1–12 rules whose items all come from one modifier family: dense coverage of each index. */
  static Gen<RuleSetSpec> singleFamily() {
    return Gen.of(ModifierChains.Family.class).flatMap(family -> singleFamilyRules(family).list(1, 12)
        .map(l -> withIds(l, "f")));
  }

  static Gen<RuleSpec> singleFamilyRules(ModifierChains.Family family) {
    return Logsources.any().flatMap(ls -> {
      FieldNames names = FieldNames.of(ls);
      Gen<ItemSpec> item = ModifierChains.family(family)
          .flatMap(chain -> names.forFamily(family).flatMap(f -> DetectionItems.item(chain, f, names)));
      Gen<SearchSpec> search = item.uniqueList(1, 3, ItemSpec::key).map(SearchSpec.MapSearch::new);
      return Conditions.identifiers().flatMap(ids -> search.list(ids.size(), ids.size())
          .flatMap(searches -> Conditions.condition(ids, 2).map(c -> {
            java.util.LinkedHashMap<String, SearchSpec> named = new java.util.LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
              named.put(ids.get(i), searches.get(i));
            }
            return new RuleSpec("rule", ls, named, List.of(c));
          })));
    });
  }
}
