package io.sigmatch.engine;

/**
 * One test of one field value: {@code (field, kind, canonical value, cased)}. Equal predicates of
 * different rules are merged into one number by {@link PredicateTable}, so the engine tests each
 * once per event.
 *
 * @param field the field name; {@code ""} for keyword predicates, which test every scalar value
 * @param kind  what is tested
 * @param value the canonical operand: folded text (unless cased), a {@link java.math.BigDecimal}
 *              without trailing zeros, a pattern, a regex matcher, …; {@code ""} when none
 * @param cased text compared case-sensitively
 */
record Predicate(String field, Kind kind, Object value, boolean cased) {

  /** Kinds of predicate; the field index answers each kind with its own structure. */
  enum Kind {
    /** The field is present (null counts). */
    PRESENT,
    /** The value is null, or a list holding null. */
    NULL_VALUE,
    /** The text equals the operand. Hash table. */
    TEXT_EQUALS,
    /** The text starts with the operand. Prefix trie. */
    TEXT_PREFIX,
    /** The text ends with the operand. Suffix trie. */
    TEXT_SUFFIX,
    /** The text contains the operand. Needle automaton. */
    TEXT_CONTAINS,
    /** The value has text ({@code *}). */
    TEXT_ANY,
    /** The text matches a pattern with inner wildcards; guarded by its longest literal. */
    TEXT_GLOB,
    /** Numeric equality. Hash table. */
    NUMBER_EQUALS,
    /** A regular expression is found in the text; guarded by a required literal when there is one. */
    REGEX,
    /** The text is an IP address in a network. CIDR trie. */
    CIDR,
    /** The value read as a number compares with a threshold. Sorted thresholds. */
    NUMBER_COMPARE,
    /** A time part of the text compares with a number. */
    TIME_COMPARE,
    /** The text relates to another field's text. */
    FIELD_REF
  }
}
