package io.sigmatch.properties;

import java.util.List;

/**
 * Conditions over a rule's identifiers: and/or/not, parentheses, {@code 1 of}/{@code any of}/
 * {@code all of} with wildcard patterns and {@code them}. Selectors always name at least one
 * identifier (D15), by the test side's reading of §5.2 ({@code _} identifiers only for patterns
 * that start with {@code _}).
 */
final class Conditions {
  private Conditions() {}

  /**
   * Identifier names, some of them tricky for a lexer: prefixed by reserved words
   * ({@code notable}, {@code android}, {@code oneself}, {@code them1}, {@code of_x}), with
   * {@code -}, upper case, or a leading {@code _}.
   */
  static final List<String> IDENTIFIERS = List.of("selection", "selection_1", "selection_2", "sel", "sel-x",
      "filter_main", "filter_optional", "filter-1", "_aux", "_helper", "keywords", "notable", "android",
      "oneself", "anything", "allowed", "them1", "of_x", "x1", "Selection", "sel_them");

  static Gen<List<String>> identifiers() {
    return Memo.of(() -> {
      return Gen.of(IDENTIFIERS).uniqueList(1, 4, id -> id)
          .filter(ids -> ids.stream().anyMatch(id -> !id.startsWith("_")));
    }, "identifiers");
  }

  static Gen<ConditionSpec> condition(List<String> ids, int depth) {
    return Memo.of(() -> {
      Gen<ConditionSpec> leaf = Gen.frequency(
          Gen.w(5, Gen.of(ids).map(ConditionSpec.Ref::new)),
          Gen.w(2, selector(ids)));
      if (depth == 0) {
        return leaf;
      }
      Gen<ConditionSpec> sub = Gen.lazy(() -> condition(ids, depth - 1));
      return Gen.frequency(
          Gen.w(4, leaf),
          Gen.w(2, sub.map(ConditionSpec.Not::new)),
          Gen.w(2, sub.list(2, 3).map(ConditionSpec.And::new)),
          Gen.w(2, sub.list(2, 3).map(ConditionSpec.Or::new)),
          Gen.w(1, sub.map(ConditionSpec.Paren::new)));
    }, "condition", ids, depth);
  }

  static Gen<ConditionSpec> selector(List<String> ids) {
    return Memo.of(() -> {
      return Gen.combine(Gen.of("1", "any", "all"), Gen.of(ids), Gen.ints(0, 4),
              Gen.ints(0, 30), Gen.ints(0, 30), (q, target, form, a, b) -> {
            String pattern = switch (form) {
              case 0 -> "them";
              case 1 -> target;
              case 2 -> target.substring(0, a % (target.length() + 1)) + "*";
              case 3 -> "*" + target.substring(a % (target.length() + 1));
              default -> {
                int from = a % (target.length() + 1);
                int to = from + b % (target.length() - from + 1);
                yield "*" + target.substring(from, to) + "*";
              }
            };
            List<String> matched = matched(pattern, ids);
            return matched.isEmpty() ? new ConditionSpec.Ref(target) : new ConditionSpec.Selector(q, pattern, matched);
          });
    }, "selector", ids);
  }

  static List<String> matched(String pattern, List<String> ids) {
    if (pattern.equals("them")) {
      return ids.stream().filter(id -> !id.startsWith("_")).toList();
    }
    String regex = java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q");
    return ids.stream()
        .filter(id -> id.matches(regex) && (pattern.startsWith("_") || !id.startsWith("_")))
        .toList();
  }
}
