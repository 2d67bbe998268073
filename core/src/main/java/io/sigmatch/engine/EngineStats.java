package io.sigmatch.engine;

import java.util.List;

/**
 * What an {@link Engine} holds, for {@code sigmatch stats} and tuning.
 *
 * @param rules               compiled rules
 * @param fields              fields with an index that rules ask about (keywords count as one field)
 * @param predicates          rule predicates after merging equal ones
 * @param predicatesUnmerged  rule predicates before merging
 * @param routingFields       fields asked about only by logsource routing
 * @param routingPredicates   predicates used only by logsource routing
 * @param routes              distinct logsource routes
 * @param alwaysRun           rules without an anchor, run on every event of their logsource
 * @param checks              wildcard and regex checks (guarded or not)
 * @param unguardedChecks     checks run on every value of their field
 * @param compileNanos        time to compile
 * @param perField            index sizes per field, largest first
 */
public record EngineStats(
    int rules, int fields, int predicates, int predicatesUnmerged, int routingFields, int routingPredicates,
    int routes, int alwaysRun, int checks, int unguardedChecks, long compileNanos, List<FieldStats> perField) {

  public EngineStats {
    perField = List.copyOf(perField);
  }

  /**
   * Index sizes of one field.
   *
   * @param field       the field ({@code <keywords>} for keyword search)
   * @param equalities  equality keys (text and numbers)
   * @param prefixes    prefix-trie keys
   * @param suffixes    suffix-trie keys
   * @param needles     automaton needles (contains needles and guard literals)
   * @param regexes     regular expressions
   * @param networks    CIDR networks
   * @param other       other predicates (presence, null, booleans, thresholds, time, field references, globs)
   */
  public record FieldStats(String field, int equalities, int prefixes, int suffixes, int needles, int regexes,
      int networks, int other) {
    /** All predicates answered by this field's index. */
    public int total() {
      return equalities + prefixes + suffixes + needles + regexes + networks + other;
    }
  }
}
