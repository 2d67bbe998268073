package io.sigmatch.engine;

import io.sigmatch.rule.DetectionItem;
import io.sigmatch.rule.Search;
import io.sigmatch.rule.SigmaRule;
import io.sigmatch.rule.ValueMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lists a rule's indicators by compiling each of its values against a built engine's table. */
final class Indicators {
  private final RuleCompiler lookup;
  private final PredicateTable table;
  private final int[] ruleCounts;

  Indicators(RuleCompiler lookup, PredicateTable table, int[] ruleCounts) {
    this.lookup = lookup;
    this.table = table;
    this.ruleCounts = ruleCounts;
  }

  List<Indicator> of(SigmaRule rule) {
    List<Indicator> out = new ArrayList<>();
    for (Map.Entry<String, Search> e : rule.detection().searches().entrySet()) {
      search(e.getKey(), e.getValue(), out);
    }
    return out;
  }

  private void search(String identifier, Search s, List<Indicator> out) {
    if (s instanceof Search.AnyOf any) {
      any.alternatives().forEach(a -> search(identifier, a, out));
      return;
    }
    for (DetectionItem item : ((Search.AllOf) s).items()) {
      for (ValueMatcher m : item.values()) {
        List<Integer> predicates = new ArrayList<>();
        leaves(lookup.value(item, m), predicates);
        for (int p : predicates) {
          out.add(indicator(identifier, item, m, p));
        }
      }
    }
  }

  private Indicator indicator(String identifier, DetectionItem item, ValueMatcher m, int p) {
    String field = item.isKeyword() ? "" : item.field();
    if (p < 0) {
      return new Indicator(identifier, field, item.modifiers(), "unknown", String.valueOf(m), 0);
    }
    Predicate pred = table.get(p);
    return new Indicator(identifier, field, item.modifiers(), kind(pred), value(pred), ruleCounts[p]);
  }

  /** The predicates of a value's expression; the presence test of {@code null} is shown as {@code null} alone. */
  private void leaves(Expr e, List<Integer> out) {
    if (e instanceof Expr.Pred p) {
      out.add(p.predicate());
    } else if (e instanceof Expr.Not n) {
      leaves(n.operand(), out);
    } else if (e instanceof Expr.Or o) {
      boolean isNull = o.operands().size() == 2 && o.operands().get(0) instanceof Expr.Not;
      if (isNull) {
        leaves(o.operands().get(1), out);
      } else {
        o.operands().forEach(x -> leaves(x, out));
      }
    } else if (e instanceof Expr.And a) {
      a.operands().forEach(x -> leaves(x, out));
    }
  }

  private static String kind(Predicate p) {
    return switch (p.kind()) {
      case PRESENT -> "exists";
      case NULL_VALUE -> "null";
      case TEXT_EQUALS, NUMBER_EQUALS -> "eq";
      case TEXT_PREFIX -> "starts_with";
      case TEXT_SUFFIX -> "ends_with";
      case TEXT_CONTAINS -> "contains";
      case TEXT_ANY -> "any";
      case TEXT_GLOB -> "wildcard";
      case REGEX -> "re";
      case CIDR -> "cidr";
      case NUMBER_COMPARE -> ((ValueMatcher.NumberCompare) p.value()).comparison().modifier();
      case TIME_COMPARE -> {
        ValueMatcher.TimeCompare t = (ValueMatcher.TimeCompare) p.value();
        yield t.part().modifier() + "_" + t.comparison().modifier();
      }
      case FIELD_REF -> "fieldref_" + ((ValueMatcher.FieldRef) p.value()).position().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String value(Predicate p) {
    Object v = p.value();
    if (v instanceof java.math.BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof ValueMatcher.Regex r) {
      return r.regex();
    }
    if (v instanceof ValueMatcher.NumberCompare c) {
      return c.threshold().toPlainString();
    }
    if (v instanceof ValueMatcher.TimeCompare t) {
      return t.value().toPlainString();
    }
    if (v instanceof ValueMatcher.FieldRef f) {
      return f.field();
    }
    return String.valueOf(v);
  }
}
