package io.sigmatch.rule;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.sigmatch.index.CaseFoldedRanges;
import io.sigmatch.index.RepetitionSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code re} modifier: the value is an RE2 regular expression, found anywhere in the field
 * value (semantics §4.2, D8). {@code startswith}/{@code endswith} anchor it, {@code contains} is a
 * no-op, {@code i}/{@code m}/{@code s} set flags, {@code expand} inserts placeholder values into
 * the expression text. RE2/J runs in time linear in the value's length. A case-insensitive
 * regex that folds a code point RE2/J's folding never finishes on is rejected before it is
 * compiled ({@link CaseFoldedRanges}), and so is one whose nested counted repetitions RE2/J
 * would multiply out into a program too large to compile ({@link RepetitionSize}).
 */
final class RegexValues {
  private RegexValues() {}

  static ValueMatcher build(String raw, List<Modifier> modifiers, String path, LoaderSettings settings)
      throws RuleRejection {
    int flags = 0;
    boolean starts = false;
    boolean ends = false;
    for (Modifier m : modifiers) {
      switch (m) {
        case I -> flags |= Pattern.CASE_INSENSITIVE;
        case M -> flags |= Pattern.MULTILINE;
        case S -> flags |= Pattern.DOTALL;
        case STARTSWITH -> starts = true;
        case ENDSWITH -> ends = true;
        default -> { }
      }
    }
    List<String> sources = modifiers.contains(Modifier.EXPAND)
        ? Placeholders.expandVerbatim(raw, path, settings) : List.of(raw);
    List<ValueMatcher> out = new ArrayList<>(sources.size());
    for (String source : sources) {
      String regex = source;
      if (starts) {
        regex = "^(?:" + regex + ")";
      }
      if (ends) {
        regex = "(?:" + regex + ")$";
      }
      int stranded = CaseFoldedRanges.firstStranded(regex, (flags & Pattern.CASE_INSENSITIVE) != 0);
      if (stranded >= 0) {
        throw new RuleRejection(path, CaseFoldedRanges.explain(stranded));
      }
      long size = RepetitionSize.estimate(regex);
      if (size > RepetitionSize.LIMIT) {
        throw new RuleRejection(path, repetitionMessage(size));
      }
      try {
        out.add(new ValueMatcher.Regex(regex, flags, Pattern.compile(regex, flags)));
      } catch (PatternSyntaxException e) {
        throw new RuleRejection(path, "invalid regular expression (RE2 syntax: no look-around, no"
            + " back-references): " + e.getMessage());
      }
    }
    return out.size() == 1 ? out.get(0) : new ValueMatcher.AnyOf(out);
  }

  private static String repetitionMessage(long size) {
    return String.format(Locale.ROOT, "nested counted repetitions expand the regular expression to"
        + " about %,d instructions (limit %,d): RE2/J multiplies the counts out, so it would take"
        + " minutes and gigabytes to compile it; use + or * or smaller counts", size,
        RepetitionSize.LIMIT);
  }
}
