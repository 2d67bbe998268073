package io.sigmatch.properties;

import java.util.List;

/** Search identifier values: maps of items, lists of maps, keyword lists, mixed lists. */
final class Searches {
  private Searches() {}

  static Gen<SearchSpec> any(FieldNames names) {
    return Memo.of(() -> {
      return Gen.frequency(
          Gen.w(12, map(names)),
          Gen.w(3, listOfMaps(names)),
          Gen.w(3, keywords(names)),
          Gen.w(1, mixed(names)));
    }, "search", names);
  }

  /** A map of 1–4 items with distinct keys; now and then a keyword item with modifiers ({@code '|all'}). */
  static Gen<SearchSpec.MapSearch> map(FieldNames names) {
    return Memo.of(() -> {
      Gen<ItemSpec> item = Gen.frequency(
          Gen.w(12, DetectionItems.any(names)),
          Gen.w(1, DetectionItems.keywordWithModifiers(names)));
      return item.uniqueList(1, 4, ItemSpec::key).map(SearchSpec.MapSearch::new);
    }, "mapSearch", names);
  }

  static Gen<SearchSpec> listOfMaps(FieldNames names) {
    return map(names).list(2, 3).map(l -> new SearchSpec.ListSearch(List.copyOf(l)));
  }

  static Gen<SearchSpec> keywords(FieldNames names) {
    return Gen.combine(DetectionItems.plainKeywords(names), Gen.of(true, false), SearchSpec.Keywords::new);
  }

  /** {@code ['foo', {B: 2}]}: a keyword alternative beside a map (pySigma accepts it; rare). */
  static Gen<SearchSpec> mixed(FieldNames names) {
    return Gen.combine(DetectionItems.plainKeywords(names), map(names), Gen.of(true, false), (k, m, first) -> new SearchSpec.ListSearch(first
            ? List.of(new SearchSpec.Keywords(k, false), m) : List.of(m, new SearchSpec.Keywords(k, false))));
  }
}
