package io.sigmatch.engine;

import java.util.List;

/**
 * One thing a rule looks for: a field, a kind of test and a value, with the number of loaded
 * rules that look for the same thing (a high count marks a widely used indicator, 1 one specific
 * to this rule). Values compare as the matcher compares them: case-insensitive text is shown
 * folded, numbers canonically.
 *
 * <pre>{@code
 * for (Indicator i : engine.indicators(rule)) System.out.println(i.field() + " " + i.kind() + " " + i.value() + " " + i.corpusCount());
 * // Image ends_with \msiexec.exe 12
 * }</pre>
 *
 * @param identifier  the search identifier it belongs to ({@code selection}, …)
 * @param field       the field; {@code ""} for keywords
 * @param modifiers   the item's modifier chain as written
 * @param kind        {@code eq}, {@code contains}, {@code starts_with}, {@code ends_with}, {@code wildcard},
 *                    {@code any}, {@code re}, {@code cidr}, {@code gt}/{@code gte}/{@code lt}/{@code lte},
 *                    {@code <part>}{@code _}{@code <comparison>} for time parts, {@code fieldref},
 *                    {@code exists}, {@code null}
 * @param value       the compared value
 * @param corpusCount loaded rules (this one included) with the same field, kind and value
 */
public record Indicator(String identifier, String field, List<String> modifiers, String kind, String value,
    int corpusCount) {
  public Indicator {
    modifiers = List.copyOf(modifiers);
  }
}
