package io.sigmatch.rule;

import io.sigmatch.value.SigmaPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code windash} modifier: every {@code -} or {@code /} at the start of a word (no word
 * character before it, a word character after it: pySigma's {@code \B[-/]\b}) becomes each of
 * the five Windows dashes, giving 5<sup>n</sup> alternatives for n such positions.
 *
 * <p>A wildcard next to a dash counts as a word boundary, as pySigma reads each literal part on
 * its own.
 */
final class Windash {
  static final String DASHES = "-/\u2013\u2014\u2015";

  private Windash() {}

  static List<SigmaPattern> variants(SigmaPattern pattern, String path) throws RuleRejection {
    List<SigmaPattern.Builder> results = new ArrayList<>();
    results.add(SigmaPattern.builder());
    for (SigmaPattern.Token t : pattern.tokens()) {
      if (t.kind() != SigmaPattern.Token.Kind.LITERAL) {
        results.forEach(b -> b.add(t));
        continue;
      }
      String text = t.text();
      int last = 0;
      for (int i = 0; i < text.length(); i++) {
        if (isWordStartDash(text, i)) {
          String before = text.substring(last, i);
          List<SigmaPattern.Builder> next = new ArrayList<>(results.size() * DASHES.length());
          for (SigmaPattern.Builder b : results) {
            SigmaPattern prefix = b.literal(before).build();
            for (int d = 0; d < DASHES.length(); d++) {
              next.add(SigmaPattern.builder().addAll(prefix).literal(String.valueOf(DASHES.charAt(d))));
            }
          }
          if (next.size() > ModifierChain.MAX_ALTERNATIVES) {
            throw new RuleRejection(path, "windash expands the value to more than "
                + ModifierChain.MAX_ALTERNATIVES + " alternatives");
          }
          results = next;
          last = i + 1;
        }
      }
      String rest = text.substring(last);
      results.forEach(b -> b.literal(rest));
    }
    List<SigmaPattern> out = new ArrayList<>(results.size());
    results.forEach(b -> out.add(b.build()));
    return out;
  }

  private static boolean isWordStartDash(String text, int i) {
    char c = text.charAt(i);
    if (c != '-' && c != '/') {
      return false;
    }
    boolean wordBefore = i > 0 && isWord(text.codePointBefore(i));
    boolean wordAfter = i + 1 < text.length() && isWord(text.codePointAt(i + 1));
    return !wordBefore && wordAfter;
  }

  private static boolean isWord(int cp) {
    return Character.isLetterOrDigit(cp) || cp == '_';
  }
}
