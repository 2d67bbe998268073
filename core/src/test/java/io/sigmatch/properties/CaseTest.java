package io.sigmatch.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmatch.properties.ModifierChains.Chain;
import io.sigmatch.properties.ModifierChains.Family;
import io.sigmatch.rule.SigmaRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Case (semantics §3.2): changing the case of event values never changes a case-insensitive
 * predicate's verdict, and does change a {@code cased} one when letters differ; for both engines.
 * A case change maps each code point to its simple upper, lower or title case, which keeps its
 * simple case fold (checked for every code point); full mappings such as ß → SS are not case
 * changes under §3.2.
 */
class CaseTest {

  /** Chains whose verdict cannot depend on letter case: no cased, base64, time parts or case-sensitive re. */
  static boolean caseInsensitive(Chain c) {
    return !c.has("cased") && switch (c.family()) {
      case STRING, WINDASH, FIELDREF, EXPAND, NUMBER, COMPARE, BOOLEAN, NULL, EXISTS, CIDR -> true;
      case REGEX -> c.has("i") || c.has("ignorecase");
      case ENCODED, TIME -> false;
    };
  }

  static final List<Chain> INSENSITIVE = java.util.Arrays.stream(Family.values())
      .flatMap(f -> ModifierChains.chains(f).stream()).filter(CaseTest::caseInsensitive).toList();

  static Gen<RuleSpec> insensitiveRules() {
    return Logsources.any().flatMap(ls -> {
      FieldNames names = FieldNames.of(ls);
      Gen<ItemSpec> item = Gen.frequency(
          Gen.w(10, Gen.of(INSENSITIVE).flatMap(chain -> names.forFamily(chain.family())
              .flatMap(f -> DetectionItems.item(chain, f, names)))),
          Gen.w(1, DetectionItems.keyword(List.of("all"), names)));
      Gen<SearchSpec> search = Gen.frequency(
          Gen.w(5, item.uniqueList(1, 3, ItemSpec::key).map(SearchSpec.MapSearch::new)),
          Gen.w(1, Gen.combine(DetectionItems.plainKeywords(names), Gen.bools(), SearchSpec.Keywords::new)));
      return Conditions.identifiers().flatMap(ids -> search.list(ids.size(), ids.size())
          .flatMap(searches -> Conditions.condition(ids, 2).map(c -> {
            LinkedHashMap<String, SearchSpec> named = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
              named.put(ids.get(i), searches.get(i));
            }
            return new RuleSpec("rule", ls, named, List.of(c));
          })));
    });
  }

  @Provide
  Arbitrary<Case> insensitiveCases() {
    return Case.cases(RuleSets.ruleSets(insensitiveRules(), "c", 12), 6).arbitrary();
  }

  @Property
  void caseChangesKeepCaseInsensitiveVerdicts(@ForAll("insensitiveCases") Case c, @ForAll long mode) {
    Engines engines = new Engines(c.rules(), Engines.mapping(true));
    // RE2's (?i) folds by Unicode simple case folding, under which dotted İ and dotless ı have no
    // case partner; every other comparison folds them to i (see ShrunkCounterexamplesTest). Rules
    // with re|i therefore get case changes that leave those two letters alone.
    boolean regex = c.set().yaml().contains("|re|");
    for (Map<String, Object> e : c.events()) {
      Map<String, Object> changed = regex ? changeCaseExceptDottedI(e, mode) : changeCase(e, mode);
      List<String> before = engines.reference(e);
      Statistics.label("verdict").collect(before.isEmpty() ? "no match" : "match");
      Statistics.label("values changed").collect(!changed.equals(e));
      assertEquals(before, engines.reference(changed), "reference, " + Reports.event(e) + " -> " + Reports.event(changed));
      assertEquals(engines.compiled(e), engines.compiled(changed), "compiled, " + Reports.event(e) + " -> " + Reports.event(changed));
    }
  }

  /** Every string value (in lists and nested maps too) with its code points' case changed; names kept. */
  @SuppressWarnings("unchecked")
  static <T> T changeCase(T value, long mode) {
    if (value instanceof String s) {
      return (T) SigmaText.changeCase(s, mode ^ s.hashCode());
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(changeCase(x, mode + 1)));
      return (T) out;
    }
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, changeCase(v, mode + 7)));
      return (T) out;
    }
    return value;
  }

  static <T> T changeCaseExceptDottedI(T value, long mode) {
    T changed = changeCase(value, mode);
    return restoreDottedI(value, changed);
  }

  /** Puts back İ and ı (and what they were changed into) at their positions. */
  @SuppressWarnings("unchecked")
  private static <T> T restoreDottedI(T original, T changed) {
    if (original instanceof String s && changed instanceof String t) {
      int[] a = s.codePoints().toArray();
      int[] b = t.codePoints().toArray();
      for (int i = 0; i < a.length; i++) {
        if (a[i] == 0x130 || a[i] == 0x131) {
          b[i] = a[i];
        }
      }
      return (T) new String(b, 0, b.length);
    }
    if (original instanceof List<?> l && changed instanceof List<?> m) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < l.size(); i++) {
        out.add(restoreDottedI(l.get(i), m.get(i)));
      }
      return (T) out;
    }
    if (original instanceof Map<?, ?> l && changed instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      l.forEach((k, v) -> out.put(k, restoreDottedI(v, m.get(k))));
      return (T) out;
    }
    return changed;
  }

  /** A cased item, its value, and a case variant of the value that differs in some letter. */
  record CasedCase(String key, String literal, String variant, boolean fieldref, boolean keyword) {
    String rule(boolean cased) {
      String k = cased ? key : key.replace("|cased", "").isEmpty() ? "|contains" : key.replace("|cased", "");
      String value = fieldref ? "'Other'" : SigmaText.quote(SigmaText.escape(literal));
      return "title: cased\nid: cased\nlogsource:\n  product: windows\ndetection:\n  sel:\n    "
          + SigmaText.quote(k) + ": " + value + "\n  condition: sel\n";
    }

    Map<String, Object> event(String text) {
      Map<String, Object> e = new LinkedHashMap<>();
      if (fieldref) {
        e.put("Other", literal);
      }
      e.put(keyword ? "Message" : "Field", text);
      return e;
    }
  }

  @Provide
  Arbitrary<CasedCase> casedCases() {
    Gen<String> key = Gen.of("Field|cased", "Field|cased|contains", "Field|contains|cased", "Field|startswith|cased",
        "Field|cased|endswith", "Field|fieldref|cased", "Field|fieldref|contains|cased", "|cased", "|all|cased");
    Gen<String> literal = SigmaValues.text(12).filter(t -> !t.isEmpty() && !t.contains("\n"));
    Gen<CasedCase> gen = Gen.combine(key, literal, Gen.longs(), (k, l, mode) -> {
      String variant = SigmaText.changeCase(l, mode);
      return new CasedCase(k, l, variant, k.contains("fieldref"), k.startsWith("|"));
    }).filter(c -> !c.variant().equals(c.literal()));
    return gen.arbitrary();
  }

  @Property
  void caseChangesBreakCasedMatches(@ForAll("casedCases") CasedCase c) {
    SigmaRule cased = load(c.rule(true));
    SigmaRule folded = load(c.rule(false));
    for (SigmaRule rule : List.of(cased, folded)) {
      Engines engines = new Engines(List.of(rule), Engines.mapping(false));
      boolean isCased = rule == cased;
      Map<String, Object> same = c.event(c.literal());
      Map<String, Object> other = c.event(c.variant());
      String what = (isCased ? "cased " : "case-insensitive ") + c.key() + " '" + c.literal() + "' vs '" + c.variant() + "'";
      assertEquals(List.of("cased"), engines.reference(same), "reference, same case, " + what);
      assertEquals(List.of("cased"), engines.compiled(same), "compiled, same case, " + what);
      List<String> expected = isCased ? List.of() : List.of("cased");
      assertEquals(expected, engines.reference(other), "reference, other case, " + what);
      assertEquals(expected, engines.compiled(other), "compiled, other case, " + what);
    }
  }

  static SigmaRule load(String yaml) {
    var set = RuleSetSpec.load(yaml);
    assertEquals(List.of(), set.errors(), yaml);
    return set.rules().get(0);
  }
}
