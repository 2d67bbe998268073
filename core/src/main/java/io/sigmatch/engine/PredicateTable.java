package io.sigmatch.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers predicates, merging equal ones across rules, and counts how many rules use each (the
 * corpus count of an indicator). Rules are compiled one after the other, so a rule is counted
 * once per predicate by remembering the last rule that asked.
 */
final class PredicateTable {
  private final Map<Predicate, Integer> numbers = new HashMap<>();
  private final List<Predicate> predicates = new ArrayList<>();
  private int[] lastRule = new int[64];
  private int[] ruleCounts = new int[64];
  private int requests;

  /** The number of {@code p}, new or merged; {@code rule} is the rule that uses it, or -1. */
  int intern(Predicate p, int rule) {
    requests++;
    Integer n = numbers.get(p);
    if (n == null) {
      n = predicates.size();
      numbers.put(p, n);
      predicates.add(p);
      if (n == lastRule.length) {
        lastRule = java.util.Arrays.copyOf(lastRule, n * 2);
        ruleCounts = java.util.Arrays.copyOf(ruleCounts, n * 2);
      }
      lastRule[n] = -1;
    }
    if (rule >= 0 && lastRule[n] != rule) {
      lastRule[n] = rule;
      ruleCounts[n]++;
    }
    return n;
  }

  /** The number of {@code p}, or -1 when no rule uses it. */
  int find(Predicate p) {
    Integer n = numbers.get(p);
    return n == null ? -1 : n;
  }

  int size() {
    return predicates.size();
  }

  /** How many predicates were asked for before merging. */
  int requested() {
    return requests;
  }

  Predicate get(int n) {
    return predicates.get(n);
  }

  /** The predicates, numbered by position. */
  List<Predicate> all() {
    return predicates;
  }

  /** Per predicate, the number of distinct rules that use it. */
  int[] ruleCounts() {
    return java.util.Arrays.copyOf(ruleCounts, predicates.size());
  }
}
