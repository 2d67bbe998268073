package io.sigmatch.engine;

import io.sigmatch.index.NeedleAutomaton;
import io.sigmatch.index.PrefixTrie;
import io.sigmatch.index.SuffixTrie;

/**
 * The text predicates of one field in one case mode (folded or cased): equality table, prefix
 * trie, suffix trie, and one needle automaton holding both the {@code contains} needles and the
 * guard literals of wildcard patterns and regular expressions. One pass of each over the value.
 *
 * <p>Needle payloads below {@code predicateCount} are predicates; those above are guards: payload
 * {@code predicateCount + k} asks the context to run check {@code k}.
 */
final class TextIndex {
  final ExactTextTable exact;
  final PrefixTrie prefixes;
  final SuffixTrie suffixes;
  final NeedleAutomaton needles;
  final int exactKeys;
  final int prefixKeys;
  final int suffixKeys;
  final int needleCount;
  /** The length of the shortest needle; 0 without needles. */
  final int shortestNeedle;
  /** Whether no needle holds a line break, so a text's needles may be found line by line. */
  final boolean needlesWithinLines;

  TextIndex(ExactTextTable exact, PrefixTrie prefixes, SuffixTrie suffixes, NeedleAutomaton needles,
      int exactKeys, int prefixKeys, int suffixKeys, int needleCount, int shortestNeedle,
      boolean needlesWithinLines) {
    this.exact = exact;
    this.prefixes = prefixes;
    this.suffixes = suffixes;
    this.needles = needles;
    this.exactKeys = exactKeys;
    this.prefixKeys = prefixKeys;
    this.suffixKeys = suffixKeys;
    this.needleCount = needleCount;
    this.shortestNeedle = shortestNeedle;
    this.needlesWithinLines = needlesWithinLines;
  }

  /** Whether the index holds only needles (and the checks they guard). */
  boolean needlesOnly() {
    return exact == null && prefixes == null && suffixes == null && needles != null;
  }

  /**
   * For a folded index without needles: matches the case fold of {@code value} while reading
   * {@code value} itself, so a value is not folded whole for a table lookup and a walk of its last
   * few chars. Returns false when it met a char above 0x7F; the caller then folds the value and
   * calls {@link #match}, which sets again what this set (setting is idempotent).
   */
  boolean matchFoldingAscii(String value, MatchContext ctx) {
    if (exact != null) {
      int[] hits = exact.getFoldingAscii(value);
      if (hits == ExactTextTable.NOT_ASCII) {
        return false;
      }
      if (hits != null) {
        for (int p : hits) {
          ctx.set(p);
        }
      }
    }
    return (prefixes == null || prefixes.matchPrefixesFoldingAscii(value, ctx.setter))
        && (suffixes == null || suffixes.matchSuffixesFoldingAscii(value, ctx.setter));
  }

  /**
   * Whether the needles of {@code value}, when its fold is its ASCII lower case, are found line by
   * line through the context's {@link LineMemo}: no needle holds a break, and the value has one
   * and a long line.
   */
  boolean findsByLine(String value, MatchContext ctx) {
    return needlesWithinLines && ctx.lines != null && LineMemo.splits(value);
  }

  /** Sets the predicates that hold for {@code text} and queues the guarded checks it hits. */
  void match(CharSequence text, MatchContext ctx) {
    if (exact != null) {
      int[] hits = exact.get(text);
      if (hits != null) {
        for (int p : hits) {
          ctx.set(p);
        }
      }
    }
    if (prefixes != null) {
      prefixes.matchPrefixes(text, ctx.setter);
    }
    if (suffixes != null) {
      suffixes.matchSuffixes(text, ctx.setter);
    }
    if (needles != null) {
      if (text instanceof FoldedText f) {
        String raw = f.asciiSource();
        if (raw != null && findsByLine(raw, ctx)) {
          ctx.lines.matchNeedles(needles, raw, f.buffer(), ctx.needleSink);
        } else {
          needles.matchNeedles(f.buffer(), f.length(), ctx.needleSink);
        }
      } else {
        needles.matchNeedles(text, ctx.needleSink);
      }
    }
  }
}
