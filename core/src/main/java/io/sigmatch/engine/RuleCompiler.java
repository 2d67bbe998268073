package io.sigmatch.engine;

import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.Condition;
import io.sigmatch.rule.DetectionItem;
import io.sigmatch.rule.Search;
import io.sigmatch.rule.SigmaRule;
import io.sigmatch.rule.ValueMatcher;
import io.sigmatch.value.CaseFold;
import io.sigmatch.value.SigmaPattern;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns each rule's detection, and each logsource mapping entry, into an {@link Expr} over numbered
 * predicates. Every value matcher becomes predicates whose meaning is exactly the reference
 * evaluator's: absent-sensitive matchers ({@code null}, {@code exists: false}) become negations of
 * {@code PRESENT}, so every predicate holds only for a present value.
 */
final class RuleCompiler {
  private final PredicateTable table;
  private final boolean lookupOnly;
  private int rule = -1;

  /** A compiler that adds predicates to {@code table}. */
  RuleCompiler(PredicateTable table) {
    this(table, false);
  }

  /**
   * @param lookupOnly only look predicates up (a predicate the table lacks becomes number -1):
   *                   lets a built engine describe a rule without changing its table
   */
  RuleCompiler(PredicateTable table, boolean lookupOnly) {
    this.table = table;
    this.lookupOnly = lookupOnly;
  }

  /** The rule's matching condition: any of its conditions. */
  Expr compile(SigmaRule r, int ruleIndex) {
    rule = ruleIndex;
    List<Expr> conditions = new ArrayList<>();
    for (Condition c : r.detection().conditions()) {
      conditions.add(condition(c, r.detection().searches()));
    }
    return Expr.or(conditions);
  }

  /** A mapping entry's condition: one of its sources (field equalities) holds. */
  Expr entry(LogsourceMapping.Entry entry) {
    rule = -1;
    List<Expr> sources = new ArrayList<>();
    for (LogsourceMapping.Source source : entry.sources()) {
      List<Expr> fields = new ArrayList<>();
      for (Map.Entry<String, List<Object>> w : source.when().entrySet()) {
        List<Expr> values = new ArrayList<>();
        for (Object v : w.getValue()) {
          values.add(v instanceof BigDecimal n
              ? pred(w.getKey(), Predicate.Kind.NUMBER_EQUALS, n.stripTrailingZeros(), false)
              : pred(w.getKey(), Predicate.Kind.TEXT_EQUALS, CaseFold.fold((String) v), false));
        }
        fields.add(Expr.or(values));
      }
      sources.add(Expr.and(fields));
    }
    return Expr.or(sources);
  }

  private Expr condition(Condition c, Map<String, Search> searches) {
    if (c instanceof Condition.Ref r) {
      return search(searches.get(r.identifier()));
    }
    if (c instanceof Condition.Not n) {
      return Expr.not(condition(n.operand(), searches));
    }
    if (c instanceof Condition.And a) {
      return Expr.and(a.operands().stream().map(o -> condition(o, searches)).toList());
    }
    if (c instanceof Condition.Or o) {
      return Expr.or(o.operands().stream().map(x -> condition(x, searches)).toList());
    }
    Condition.Selector s = (Condition.Selector) c;
    List<Expr> operands = s.identifiers().stream().map(id -> search(searches.get(id))).toList();
    return s.all() ? Expr.and(operands) : Expr.or(operands);
  }

  private Expr search(Search s) {
    if (s instanceof Search.AllOf all) {
      return Expr.and(all.items().stream().map(this::item).toList());
    }
    return Expr.or(((Search.AnyOf) s).alternatives().stream().map(this::search).toList());
  }

  /** The expression of one value of an item, for describing rules. */
  Expr value(DetectionItem item, ValueMatcher m) {
    return value(item.isKeyword() ? "" : item.field(), m);
  }

  private Expr item(DetectionItem item) {
    String field = item.isKeyword() ? "" : item.field();
    List<Expr> values = new ArrayList<>();
    for (ValueMatcher m : item.values()) {
      values.add(value(field, m));
    }
    Expr linked = item.all() ? Expr.and(values) : Expr.or(values);
    return item.negated() ? Expr.not(linked) : linked;
  }

  private Expr value(String field, ValueMatcher m) {
    if (m instanceof ValueMatcher.Exists e) {
      Expr present = pred(field, Predicate.Kind.PRESENT, "", false);
      return e.present() ? present : Expr.not(present);
    }
    if (m instanceof ValueMatcher.IsNull) {
      return Expr.or(List.of(Expr.not(pred(field, Predicate.Kind.PRESENT, "", false)),
          pred(field, Predicate.Kind.NULL_VALUE, "", false)));
    }
    if (m instanceof ValueMatcher.AnyOf any) {
      return Expr.or(any.alternatives().stream().map(a -> value(field, a)).toList());
    }
    if (m instanceof ValueMatcher.Text t) {
      return text(field, t.comparable(), t.cased());
    }
    if (m instanceof ValueMatcher.NumberEquals n) {
      return pred(field, Predicate.Kind.NUMBER_EQUALS, n.value().stripTrailingZeros(), false);
    }
    if (m instanceof ValueMatcher.BooleanEquals b) {
      // A boolean holds for a boolean or for the text true/false in any case: exactly the folded
      // text equality, so rules writing 'true' and true share one predicate.
      return pred(field, Predicate.Kind.TEXT_EQUALS, b.value() ? "true" : "false", false);
    }
    if (m instanceof ValueMatcher.Regex r) {
      return pred(field, Predicate.Kind.REGEX, r, false);
    }
    if (m instanceof ValueMatcher.Cidr c) {
      return pred(field, Predicate.Kind.CIDR, c, false);
    }
    if (m instanceof ValueMatcher.NumberCompare c) {
      return pred(field, Predicate.Kind.NUMBER_COMPARE, c, false);
    }
    if (m instanceof ValueMatcher.TimeCompare t) {
      return pred(field, Predicate.Kind.TIME_COMPARE, t, false);
    }
    return pred(field, Predicate.Kind.FIELD_REF, m, false);
  }

  private Expr text(String field, SigmaPattern p, boolean cased) {
    String core = p.core();
    return switch (p.shape()) {
      case EXACT -> pred(field, Predicate.Kind.TEXT_EQUALS, core, cased);
      case PREFIX -> pred(field, Predicate.Kind.TEXT_PREFIX, core, cased);
      case SUFFIX -> pred(field, Predicate.Kind.TEXT_SUFFIX, core, cased);
      case CONTAINS -> core.isEmpty() ? pred(field, Predicate.Kind.TEXT_ANY, "", false)
          : pred(field, Predicate.Kind.TEXT_CONTAINS, core, cased);
      case COMPLEX -> pred(field, Predicate.Kind.TEXT_GLOB, p, cased);
    };
  }

  private Expr pred(String field, Predicate.Kind kind, Object value, boolean cased) {
    Predicate p = new Predicate(field, kind, value, cased);
    return new Expr.Pred(lookupOnly ? table.find(p) : table.intern(p, rule));
  }
}
