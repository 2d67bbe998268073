package io.sigmatch.rule;

import java.util.List;
import java.util.Map;

/**
 * What the caller decides about loading: placeholder values for {@code expand} and what to do
 * with a placeholder that has none.
 *
 * @param placeholders         name (without {@code %}) → values, each read as a Sigma string
 * @param rejectUnresolved     reject a rule whose placeholder has no value; otherwise the
 *                             placeholder matches anything ({@code *}), as pySigma's wildcard
 *                             placeholder transformation does
 */
record LoaderSettings(Map<String, List<String>> placeholders, boolean rejectUnresolved) {
  LoaderSettings {
    placeholders = Map.copyOf(placeholders);
  }
}
