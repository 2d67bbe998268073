package io.sigmatch.engine;

import io.sigmatch.index.NeedleAutomatonBuilder;
import io.sigmatch.index.PrefixTrieBuilder;
import io.sigmatch.index.SuffixTrieBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects one field's text predicates of one case mode, then builds its {@link TextIndex}. */
final class TextIndexBuilder {
  private final Map<String, List<Integer>> exact = new LinkedHashMap<>();
  private final PrefixTrieBuilder prefixes = new PrefixTrieBuilder();
  private final SuffixTrieBuilder suffixes = new SuffixTrieBuilder();
  private final NeedleAutomatonBuilder needles = new NeedleAutomatonBuilder();
  private int prefixCount;
  private int suffixCount;
  private int needleCount;
  private int shortestNeedle = Integer.MAX_VALUE;
  private boolean needlesWithinLines = true;

  void exact(String key, int predicate) {
    exact.computeIfAbsent(key, k -> new ArrayList<>()).add(predicate);
  }

  void prefix(String key, int predicate) {
    prefixes.add(key, predicate);
    prefixCount++;
  }

  void suffix(String key, int predicate) {
    suffixes.add(key, predicate);
    suffixCount++;
  }

  void needle(String needle, int payload) {
    needles.add(needle, payload);
    needleCount++;
    shortestNeedle = Math.min(shortestNeedle, needle.length());
    needlesWithinLines &= needle.indexOf('\n') < 0;
  }

  boolean isEmpty() {
    return exact.isEmpty() && prefixCount == 0 && suffixCount == 0 && needleCount == 0;
  }

  TextIndex build() {
    if (isEmpty()) {
      return null;
    }
    return new TextIndex(exact.isEmpty() ? null : new ExactTextTable(exact),
        prefixCount == 0 ? null : prefixes.build(),
        suffixCount == 0 ? null : suffixes.build(),
        needleCount == 0 ? null : needles.build(),
        exact.size(), prefixCount, suffixCount, needleCount, needleCount == 0 ? 0 : shortestNeedle,
        needlesWithinLines);
  }
}
