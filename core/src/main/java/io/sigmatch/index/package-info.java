/**
 * Run-time index structures that answer "which predicates hold for this field value" in one pass
 * over the value.
 *
 * <p>Each structure comes as a pair, as in Lucene's {@code util.automaton}: a mutable
 * {@code ...Builder} collects keys with their payloads (predicate numbers, {@code >= 0}) in a
 * structure that is cheap to change, and its {@code build()} compiles them to an immutable,
 * array-based run-time class. The run-time classes are thread-safe, allocate nothing while
 * matching and report payloads to a {@link java.util.function.IntConsumer} in no particular order.
 * Keys and values arrive already case-folded (the tries can also read an unfolded value, folding
 * its ASCII chars with {@code CaseFold.foldAscii} as they walk); chars are compared exactly, as
 * UTF-16 code units.
 */
package io.sigmatch.index;
