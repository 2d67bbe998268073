package io.sigmatch.engine;

import io.sigmatch.index.CidrTrieBuilder;
import io.sigmatch.index.NumericThresholdsBuilder;
import io.sigmatch.index.RegexDfa;
import io.sigmatch.rule.ValueMatcher;
import io.sigmatch.value.SigmaPattern;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts one field's predicates into the structures that answer them, then builds the
 * {@link FieldIndex}. Wildcard patterns with inner stars and regular expressions become
 * {@link Check}s, guarded by a literal in the needle automaton where one exists.
 */
final class FieldIndexBuilder {
  private final String field;
  private final int number;
  private final int predicateCount;
  private final List<Check> checks;
  private final List<com.google.re2j.Pattern> regexes;
  private int present = -1;
  private int nullValue = -1;
  private final TextIndexBuilder folded = new TextIndexBuilder();
  private final TextIndexBuilder cased = new TextIndexBuilder();
  private final List<Integer> anyText = new ArrayList<>();
  private final List<Integer> unguarded = new ArrayList<>();
  private final Map<BigDecimal, List<Integer>> numbers = new LinkedHashMap<>();
  private NumericThresholdsBuilder thresholds;
  private CidrTrieBuilder networks;
  private int networkCount;
  private final List<ValueMatcher.TimeCompare> times = new ArrayList<>();
  private final List<Integer> timePredicates = new ArrayList<>();
  private final List<ValueMatcher.FieldRef> fieldRefs = new ArrayList<>();
  private final List<Integer> fieldRefPredicates = new ArrayList<>();

  FieldIndexBuilder(String field, int number, int predicateCount, List<Check> checks,
      List<com.google.re2j.Pattern> regexes) {
    this.field = field;
    this.number = number;
    this.predicateCount = predicateCount;
    this.checks = checks;
    this.regexes = regexes;
  }

  void add(int id, Predicate p) {
    TextIndexBuilder text = p.cased() ? cased : folded;
    switch (p.kind()) {
      case PRESENT -> present = id;
      case NULL_VALUE -> nullValue = id;
      case TEXT_EQUALS -> text.exact((String) p.value(), id);
      case TEXT_PREFIX -> text.prefix((String) p.value(), id);
      case TEXT_SUFFIX -> text.suffix((String) p.value(), id);
      case TEXT_CONTAINS -> text.needle((String) p.value(), id);
      case TEXT_ANY -> anyText.add(id);
      case TEXT_GLOB -> {
        SigmaPattern pattern = (SigmaPattern) p.value();
        guard(new Check.Glob(id, pattern, p.cased()), pattern.core(), text);
      }
      case REGEX -> {
        ValueMatcher.Regex r = (ValueMatcher.Regex) p.value();
        RunLength run = RunLength.of(r.regex(), r.flags());
        if (run != null) {
          guard(new Check.Run(id, run), null, folded);
        } else if (ClassSequence.of(r.regex(), r.flags()) != null) {
          regexes.add(r.compiled());
          guard(new Check.Sequence(id, ClassSequence.of(r.regex(), r.flags()), regexes.size() - 1),
              RegexGuard.requiredLiteral(r.regex()), folded);
        } else {
          regexes.add(r.compiled());
          int longest = RegexLength.anchoredBothEnds(r.regex(), r.flags())
              ? RegexLength.maximum(r.regex()) : RegexLength.UNBOUNDED;
          guard(new Check.Regex(id, regexes.size() - 1, RegexLength.minimum(r.regex()), longest,
              RegexDfa.compile(r.regex(), r.flags())),
              RegexGuard.requiredLiteral(r.regex()), folded);
        }
      }
      case NUMBER_EQUALS -> numbers.computeIfAbsent((BigDecimal) p.value(), k -> new ArrayList<>()).add(id);
      case CIDR -> {
        ValueMatcher.Cidr c = (ValueMatcher.Cidr) p.value();
        if (networks == null) {
          networks = new CidrTrieBuilder();
        }
        networks.add(c.address(), c.prefixLength(), id);
        networkCount++;
      }
      case NUMBER_COMPARE -> {
        ValueMatcher.NumberCompare c = (ValueMatcher.NumberCompare) p.value();
        if (thresholds == null) {
          thresholds = new NumericThresholdsBuilder();
        }
        thresholds.add(c.threshold(), io.sigmatch.index.Comparison.valueOf(c.comparison().name()), id);
      }
      case TIME_COMPARE -> {
        times.add((ValueMatcher.TimeCompare) p.value());
        timePredicates.add(id);
      }
      case FIELD_REF -> {
        fieldRefs.add((ValueMatcher.FieldRef) p.value());
        fieldRefPredicates.add(id);
      }
    }
  }

  private void guard(Check check, String literal, TextIndexBuilder text) {
    checks.add(check);
    int k = checks.size() - 1;
    if (literal == null || literal.isEmpty()) {
      unguarded.add(k);
    } else {
      text.needle(literal, predicateCount + k);
    }
  }

  FieldIndex build() {
    return new FieldIndex(field, number, present, nullValue, folded.build(), cased.build(), ints(anyText),
        ints(unguarded), numbers.isEmpty() ? null : new NumberTable(numbers),
        thresholds == null ? null : thresholds.build(),
        networks == null ? null : networks.build(), networkCount,
        times.toArray(new ValueMatcher.TimeCompare[0]), ints(timePredicates),
        fieldRefs.toArray(new ValueMatcher.FieldRef[0]), ints(fieldRefPredicates));
  }

  private static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
