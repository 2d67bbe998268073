package io.sigmatch.rule;

import java.util.List;

/**
 * The value of a search identifier: a map of items (AND) or a list of alternatives (OR).
 *
 * <pre>{@code
 * // sel: [{Image|endswith: '\a.exe'}, {Description|contains: 'Test'}]
 * new Search.AnyOf(List.of(new Search.AllOf(List.of(item1)), new Search.AllOf(List.of(item2))))
 * }</pre>
 */
public sealed interface Search {

  /** A map: every item holds. */
  record AllOf(List<DetectionItem> items) implements Search {
    public AllOf {
      items = List.copyOf(items);
    }
  }

  /** A list: some alternative holds. */
  record AnyOf(List<Search> alternatives) implements Search {
    public AnyOf {
      alternatives = List.copyOf(alternatives);
    }
  }
}
