package io.sigmatch.properties;

import io.sigmatch.properties.ModifierChains.Chain;
import io.sigmatch.properties.ModifierChains.Family;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Detection items of every modifier family, each with derived hits and near misses. One method
 * per family; {@link #item} dispatches on the chain.
 */
final class DetectionItems {
  private DetectionItems() {}

  /** Placeholder values for {@code expand} (Sigma strings, wildcards active), given to the loader. */
  static final Map<String, List<String>> PLACEHOLDERS = Map.of(
      "Admins", List.of("adm_*", "root"),
      "DomainControllers", List.of("DC1", "DC-*"),
      "Hosts", List.of("web?", "db\\*x"),
      "Plain", List.of("alpha", "beta"));

  /** An item with a random legal chain on a field from {@code names}. */
  static Gen<ItemSpec> any(FieldNames names) {
    return Memo.of(() -> {
      return ModifierChains.any().flatMap(chain -> names.forFamily(chain.family()).flatMap(field ->
          item(chain, field, names)));
    }, "anyItem", names);
  }

  static Gen<ItemSpec> item(Chain chain, String field, FieldNames names) {
    return Memo.of(() -> {
      return switch (chain.family()) {
        case STRING -> strings(chain, field, false);
        case WINDASH -> strings(chain, field, true);
        case ENCODED -> encoded(chain, field);
        case REGEX -> regex(chain, field);
        case CIDR -> cidr(chain, field);
        case NUMBER -> numbers(chain, field);
        case COMPARE -> comparisons(chain, field);
        case BOOLEAN -> booleans(chain, field);
        case NULL -> nulls(chain, field);
        case EXISTS -> exists(chain, field);
        case TIME -> timeParts(chain, field);
        case FIELDREF -> names.any().filter(f -> !f.equals(field)).flatMap(other -> fieldRef(chain, field, other));
        case EXPAND -> expand(chain, field);
      };
    }, "item", chain, field, names);
  }

  // ---------------------------------------------------------------- assignments

  static Map<String, Object> one(String field, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(field, value);
    return m;
  }

  static Gen<Map<String, Object>> assign(String field, Gen<?> value) {
    return value.map(v -> one(field, v));
  }

  /** Mostly the value itself; sometimes a list holding it (D5), possibly nested. */
  static Gen<Object> maybeList(Gen<?> value) {
    return Gen.frequency(
        Gen.w(10, value.map(v -> (Object) v)),
        Gen.w(1, Gen.combine(value, EventValues.noise(), (v, n) -> (Object) listOf(n, v))),
        Gen.w(1, value.map(v -> (Object) List.of(List.of(v)))));
  }

  static List<Object> listOf(Object... values) {
    List<Object> out = new ArrayList<>();
    for (Object v : values) {
      out.add(v);
    }
    return out;
  }

  /** Values that make most matchers false: absent, null, a map, an empty list, another type. */
  static Gen<Object> blank() {
    return Gen.of(Absent.ABSENT, (Object) null, Map.of("k", "v"), List.of(), 0, false, "");
  }

  static String position(Chain chain) {
    boolean contains = chain.has("contains") || (chain.has("startswith") && chain.has("endswith"));
    return contains ? "contains" : chain.has("startswith") ? "startswith" : chain.has("endswith") ? "endswith" : null;
  }

  /** Surrounds matched text with noise where the position modifier leaves room. */
  static Gen<String> wrap(Gen<String> core, String position) {
    if (position == null) {
      return core;
    }
    Gen<String> noise = SigmaValues.text(6);
    return Gen.combine(noise, core, noise, (a, c, b) -> switch (position) {
      case "contains" -> a + c + b;
      case "startswith" -> c + b;
      default -> a + c;
    });
  }

  private static ItemSpec spec(String field, Chain chain, List<RuleValue> values, boolean single,
      Supplier<Gen<Map<String, Object>>> hit, Supplier<Gen<Map<String, Object>>> miss) {
    return new ItemSpec(field, chain.modifiers(), values, single, hit, miss);
  }

  /** Swaps hit and miss for {@code neq}, which negates the whole item (D14). */
  private static ItemSpec negatable(String field, Chain chain, List<RuleValue> values, boolean single,
      Supplier<Gen<Map<String, Object>>> hit, Supplier<Gen<Map<String, Object>>> miss) {
    return chain.has("neq") ? spec(field, chain, values, single, miss, hit) : spec(field, chain, values, single, hit, miss);
  }

  private static Gen<Integer> count(Chain chain) {
    return chain.has("all") ? Gen.ints(2, 3) : Gen.ints(1, 4);
  }

  private static Gen<Boolean> singles() {
    return Gen.of(true, false);
  }

  /** Picks one of the values' derivations. */
  private static <T> Gen<Object> pickOne(List<T> values, java.util.function.Function<T, Gen<?>> derive) {
    return Gen.ints(0, values.size() - 1).flatMap(i -> derive.apply(values.get(i)).map(v -> (Object) v));
  }

  /** For {@code all}: a list with one derivation per value, each possibly satisfied by another element (D5). */
  private static <T> Gen<Object> eachOne(List<T> values, java.util.function.Function<T, Gen<?>> derive) {
    List<Gen<Object>> parts = new ArrayList<>();
    values.forEach(v -> parts.add(derive.apply(v).map(x -> (Object) x)));
    return Gen.combine(parts, l -> (Object) new ArrayList<>(l));
  }

  // ---------------------------------------------------------------- families

  /** Plain, wildcard and position values, cased or not; windash values when {@code windash}. */
  static Gen<ItemSpec> strings(Chain chain, String field, boolean windash) {
    boolean cased = chain.has("cased");
    String pos = position(chain);
    Gen<String> raw = windash ? windashValue() : SigmaValues.pattern();
    return Gen.combine(count(chain).flatMap(n -> raw.list(n, n)), singles(), (raws, single) -> {
      List<RuleValue> values = raws.stream().map(RuleValue::str).toList();
      java.util.function.Function<String, Gen<?>> inst =
          r -> wrap(SigmaValues.instance(SigmaText.tokens(r), cased, windash), pos);
      Supplier<Gen<Object>> matching = () -> chain.has("all") && "contains".equals(pos)
          ? wrap(Gen.combine(raws.stream().map(r -> SigmaValues.instance(SigmaText.tokens(r), cased, windash)).toList(), l -> String.join(" ", l)), pos).map(v -> (Object) v)
          : chain.has("all") ? eachOne(raws, inst) : maybeList(pickOne(raws, inst));
      Supplier<Gen<Object>> near = () -> Gen.frequency(
          Gen.w(6, pickOne(raws, r -> wrap(SigmaValues.nearMiss(r, cased), pos))),
          Gen.w(cased ? 3 : 0, pickOne(raws, r -> wrap(SigmaValues.instance(r, true)
              .map(s -> SigmaText.changeCase(s, 0x5555_5555_5555_5555L)), pos))),
          Gen.w(2, blank()),
          Gen.w(1, pickOne(raws, r -> SigmaValues.nearMiss(r, cased).list(1, 2))));
      return negatable(field, chain, values, single, () -> assign(field, matching.get()), () -> assign(field, near.get()));
    });
  }

  /** A value with dashes at word starts (and sometimes one inside a word), e.g. {@code ' -enc '}. */
  static Gen<String> windashValue() {
    return Memo.of(() -> {
      Gen<String> word = Gen.strings("abkszABKSZ019_", 1, 4);
      Gen<String> flag = Gen.combine(Gen.of(" ", "", "\"", "("), Gen.of("-", "/"), word, (a, d, w) -> a + d + w);
      Gen<String> inWord = word.map(w -> "some-" + w);
      return Gen.combine(SigmaValues.pattern().map(p -> SigmaText.truncate(p, 8)),
              Gen.frequency(Gen.w(4, flag), Gen.w(1, inWord)).list(1, 3),
              Gen.of("", " ", "*", " x"), (before, flags, after) -> safePrefix(before) + String.join("", flags) + after)
          .filter(v -> wordStartDashes(v) <= 4);
    }, "windashValue");
  }

  /**
   * Dashes windash would expand (no word character before, one after): at most 4, so with the 3
   * base64offset fragments a value stays under the loader's 4,096-alternative limit.
   */
  static int wordStartDashes(String v) {
    int n = 0;
    for (int i = 0; i + 1 < v.length(); i++) {
      char c = v.charAt(i);
      boolean wordBefore = i > 0 && (Character.isLetterOrDigit(v.charAt(i - 1)) || v.charAt(i - 1) == '_');
      char next = v.charAt(i + 1);
      if ((c == '-' || c == '/') && !wordBefore && (Character.isLetterOrDigit(next) || next == '_'
          || Character.isSurrogate(next))) {
        n++;
      }
    }
    return n;
  }

  /** Drops a trailing lone backslash, which would escape what follows. */
  static String safePrefix(String raw) {
    int n = 0;
    while (n < raw.length() && raw.charAt(raw.length() - 1 - n) == '\\') {
      n++;
    }
    return n % 2 == 1 ? raw.substring(0, raw.length() - 1) : raw;
  }

  /** base64, base64offset, the UTF-16 encodings, double Base64, windash before encoding. */
  static Gen<ItemSpec> encoded(Chain chain, String field) {
    boolean windash = chain.has("windash");
    // Counted again once the wildcards are gone: " -*k" has no dash windash expands, " -k" has one.
    Gen<String> raw = windash ? windashValue().map(SigmaValues::withoutWildcards).filter(v -> wordStartDashes(v) <= 4)
        : SigmaValues.literalPattern().map(r -> SigmaValues.withoutWildcards(safePrefix(SigmaText.truncate(r, 60))));
    String pos = position(chain);
    return Gen.combine(count(chain).flatMap(n -> raw.list(n, n)), singles(), (raws, single) -> {
      List<RuleValue> values = raws.stream().map(RuleValue::str).toList();
      java.util.function.Function<String, Gen<?>> enc = r -> encodedHit(chain, r, windash, pos);
      Supplier<Gen<Object>> matching = () -> chain.has("all")
          ? Gen.combine(raws.stream().map(r -> enc.apply(r).map(o -> (String) o)).toList(), l -> (Object) String.join(" ", l))
          : maybeList(pickOne(raws, enc));
      Supplier<Gen<Object>> near = () -> Gen.frequency(
          Gen.w(3, pickOne(raws, r -> enc.apply(r).map(o -> SigmaText.changeCase((String) o, 0x5555_5555_5555_5555L)))),
          Gen.w(3, pickOne(raws, r -> Gen.combine(enc.apply(r), Gen.ints(0, 4),
              Gen.ints(0, 1000), SigmaValues.literalChar(), (s, how, where, c) -> SigmaValues.mutate((String) s, how == 3 ? 0 : how, where, c)))),
          Gen.w(2, pickOne(raws, r -> Gen.just(SigmaText.literal(r)))),
          Gen.w(1, blank()));
      return spec(field, chain, values, single, () -> assign(field, matching.get()), () -> assign(field, near.get()));
    });
  }

  private static Gen<String> encodedHit(Chain chain, String raw, boolean windash, String pos) {
    String literal = SigmaText.literal(raw);
    Gen<String> text = windash ? SigmaValues.dashVariant(literal) : Gen.just(literal);
    long base64s = chain.modifiers().stream().filter(m -> m.equals("base64")).count();
    return text.flatMap(t -> {
      byte[] bytes = Encoded.bytes(t, chain.modifiers());
      for (int i = 1; i < base64s; i++) {
        bytes = Encoded.b64(bytes).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
      if (chain.has("base64offset")) {
        if (pos == null) {
          List<String> fragments = Encoded.offsets(bytes);
          return Gen.of(fragments);
        }
        return wrap(Encoded.embedded(bytes), pos);
      }
      return wrap(Gen.just(Encoded.b64(bytes)), pos);
    });
  }

  /** re with flags, anchoring position modifiers, all, neq and expand. */
  static Gen<ItemSpec> regex(Chain chain, String field) {
    boolean ignoreCase = chain.has("i") || chain.has("ignorecase");
    boolean expand = chain.has("expand");
    Gen<Regexes.Regex> regexes = expand
        ? Regexes.regexes().filter(r -> !r.source().contains("%") && !r.source().endsWith("\\") && !r.anchoredEnd())
        : Regexes.regexes();
    return Gen.combine(count(chain).flatMap(n -> regexes.list(n, n)), singles(), (rs, single) -> {
      List<RuleValue> values = rs.stream().map(r -> RuleValue.str(r.source() + (expand ? "%Plain%" : ""))).toList();
      java.util.function.Function<Regexes.Regex, Gen<?>> sample = r -> {
        Regexes.Regex anchored = new Regexes.Regex(r.source(), r.nodes(),
            r.anchoredStart() || chain.has("startswith"), r.anchoredEnd() || chain.has("endswith") || expand);
        Gen<String> s = Regexes.sample(anchored, ignoreCase);
        return expand ? Gen.combine(s, Gen.of(PLACEHOLDERS.get("Plain")), (a, b) -> a + b) : s;
      };
      Supplier<Gen<Object>> matching = () -> chain.has("all")
          ? Gen.combine(rs.stream().map(r -> sample.apply(r).map(o -> (String) o)).toList(), l -> (Object) String.join("", l))
          : maybeList(pickOne(rs, sample));
      Supplier<Gen<Object>> near = () -> Gen.frequency(
          Gen.w(5, pickOne(rs, Regexes::nearMiss)),
          Gen.w(ignoreCase ? 0 : 2, pickOne(rs, r -> Regexes.sample(r, false).map(s -> SigmaText.changeCase(s, 0x5555_5555_5555_5555L)))),
          Gen.w(1, blank()));
      return negatable(field, chain, values, single, () -> assign(field, matching.get()), () -> assign(field, near.get()));
    });
  }

  static Gen<ItemSpec> cidr(Chain chain, String field) {
    return Gen.combine(count(chain).flatMap(n -> Networks.networks().list(n, n)), singles(), (nets, single) -> {
      List<RuleValue> values = nets.stream().map(n -> RuleValue.str(n.text())).toList();
      Supplier<Gen<Object>> matching = () -> chain.has("all") ? eachOne(nets, Networks::inside) : maybeList(pickOne(nets, Networks::inside));
      Supplier<Gen<Object>> near = () -> Gen.frequency(Gen.w(5, pickOne(nets, Networks::outside)), Gen.w(1, blank()));
      return negatable(field, chain, values, single, () -> assign(field, matching.get()), () -> assign(field, near.get()));
    });
  }

  static Gen<RuleValue.Num> numberValue() {
    return Gen.frequency(
        Gen.w(3, SigmaValues.integer().map(l -> new RuleValue.Num(Long.toString(l)))),
        Gen.w(1, SigmaValues.decimal().map(RuleValue.Num::new)));
  }

  static Gen<ItemSpec> numbers(Chain chain, String field) {
    return Gen.combine(count(chain).flatMap(n -> numberValue().list(n, n)), singles(), (nums, single) -> {
      List<RuleValue> values = new ArrayList<>(nums);
      Supplier<Gen<Object>> matching = () -> chain.has("all") ? eachOne(nums, n -> EventValues.number(n.value()))
          : maybeList(pickOne(nums, n -> EventValues.number(n.value())));
      Supplier<Gen<Object>> near = () -> Gen.frequency(
          Gen.w(5, pickOne(nums, n -> EventValues.notNumber(n.value()))), Gen.w(1, blank()));
      return negatable(field, chain, values, single, () -> assign(field, matching.get()), () -> assign(field, near.get()));
    });
  }

  static Gen<ItemSpec> comparisons(Chain chain, String field) {
    String op = chain.modifiers().get(0);
    return Gen.combine(Gen.ints(1, 2).flatMap(n -> numberValue().list(n, n)), singles(), (nums, single) -> {
          List<RuleValue> values = new ArrayList<>(nums);
          java.util.function.Function<RuleValue.Num, Gen<?>> satisfy = n -> side(n.value(), op, true);
          java.util.function.Function<RuleValue.Num, Gen<?>> violate = n -> side(n.value(), op, false);
          Supplier<Gen<Object>> matching = () -> chain.has("all") ? eachOne(nums, satisfy) : maybeList(pickOne(nums, satisfy));
          Supplier<Gen<Object>> near = () -> Gen.frequency(Gen.w(5, pickOne(nums, violate)), Gen.w(1, blank()),
              Gen.w(1, pickOne(nums, n -> EventValues.notNumber(n.value()))));
          return negatable(field, chain, values, single, () -> assign(field, matching.get()), () -> assign(field, near.get()));
        });
  }

  /** A number on the side of {@code t} that satisfies {@code value op t} (or violates it). */
  private static Gen<Object> side(BigDecimal t, String op, boolean satisfy) {
    boolean upward = op.startsWith("gt") == satisfy;
    boolean inclusiveOk = satisfy == op.endsWith("e");
    Gen<BigDecimal> delta = Gen.of(BigDecimal.ONE, new BigDecimal("0.001"), new BigDecimal("1000"),
        inclusiveOk ? BigDecimal.ZERO : BigDecimal.ONE);
    return Gen.combine(delta, Gen.ints(0, 12), (d, form) -> EventValues.numberForm(upward ? t.add(d) : t.subtract(d), form));
  }

  static Gen<ItemSpec> booleans(Chain chain, String field) {
    return Gen.of(true, false).map(b -> negatable(field, chain, List.of(new RuleValue.Bool(b)), true,
        () -> assign(field, maybeList(EventValues.bool(b))), () -> assign(field, EventValues.notBool(b))));
  }

  static Gen<ItemSpec> nulls(Chain chain, String field) {
    return Gen.ints(0, 5).map(form -> {
      List<RuleValue> values = form == 0 ? List.of() : List.of(new RuleValue.Null());
      Supplier<Gen<Object>> matching = () -> Gen.of(Absent.ABSENT, (Object) null);
      Supplier<Gen<Object>> near = () -> Gen.frequency(Gen.w(3, Gen.of("", "null", 0, false, List.of())),
          Gen.w(2, EventValues.noise().filter(v -> v != null)));
      return negatable(field, chain, values, true, () -> assign(field, matching.get()), () -> assign(field, near.get()));
    });
  }

  static Gen<ItemSpec> exists(Chain chain, String field) {
    return Gen.of(true, false).map(present -> {
      Gen<Object> there = Gen.frequency(Gen.w(3, EventValues.noise()),
          Gen.w(1, Gen.of((Object) null, "", List.of())));
      Gen<Object> gone = Gen.just(Absent.ABSENT);
      return negatable(field, chain, List.of(new RuleValue.Bool(present)), true,
          () -> assign(field, present ? there : gone), () -> assign(field, present ? gone : there));
    });
  }

  static Gen<ItemSpec> timeParts(Chain chain, String field) {
    String part = chain.modifiers().get(0);
    String op = chain.modifiers().size() > 1 && !chain.has("neq") ? chain.modifiers().get(1) : "eq";
    int[] range = switch (part) {
      case "minute" -> new int[] {0, 59};
      case "hour" -> new int[] {0, 23};
      case "day" -> new int[] {1, 31};
      case "week" -> new int[] {1, 53};
      case "month" -> new int[] {1, 12};
      default -> new int[] {2019, 2026};
    };
    Gen<Integer> value = Gen.frequency(Gen.w(9, Gen.ints(range[0], range[1])),
        Gen.w(1, Gen.of(range[0] - 1, range[1] + 1)));
    return Gen.combine(value.list(1, 2), singles(), (vs, single) -> {
      List<RuleValue> values = vs.stream().map(RuleValue::num).toList();
      java.util.function.Function<Integer, Gen<?>> satisfy = v -> Gen.of(targets(v, op, true))
          .flatMap(t -> EventValues.dateTime(part, t));
      java.util.function.Function<Integer, Gen<?>> violate = v -> Gen.of(targets(v, op, false))
          .flatMap(t -> EventValues.dateTime(part, t));
      Supplier<Gen<Object>> matching = () -> maybeList(pickOne(vs, satisfy));
      Supplier<Gen<Object>> near = () -> Gen.frequency(Gen.w(4, pickOne(vs, violate)),
          Gen.w(1, EventValues.notDateTime()), Gen.w(1, blank()));
      return negatable(field, chain, values, single, () -> assign(field, matching.get()), () -> assign(field, near.get()));
    });
  }

  private static List<Integer> targets(int v, String op, boolean satisfy) {
    List<Integer> eqSide = List.of(v);
    return switch (op) {
      case "gt" -> satisfy ? List.of(v + 1, v + 2) : List.of(v, v - 1);
      case "gte" -> satisfy ? List.of(v, v + 1) : List.of(v - 1);
      case "lt" -> satisfy ? List.of(v - 1, v - 2) : List.of(v, v + 1);
      case "lte" -> satisfy ? List.of(v, v - 1) : List.of(v + 1);
      default -> satisfy ? eqSide : List.of(v + 1, v - 1);
    };
  }

  static Gen<ItemSpec> fieldRef(Chain chain, String field, String other) {
    boolean cased = chain.has("cased");
    String pos = position(chain);
    Gen<String> text = SigmaValues.text(6);
    Supplier<Gen<Map<String, Object>>> hit = () -> text.flatMap(t -> wrap(SigmaValues.caseVariant(t, cased), pos).map(v -> {
      Map<String, Object> m = one(other, t);
      m.put(field, v);
      return m;
    }));
    Supplier<Gen<Map<String, Object>>> miss = () -> Gen.frequency(
        Gen.w(3, Gen.combine(text, text, (a, b) -> {
          Map<String, Object> m = one(other, a + "q");
          m.put(field, b);
          return m;
        })),
        Gen.w(cased ? 3 : 0, text.filter(t -> !t.equals(SigmaText.changeCase(t, 0x5555_5555_5555_5555L)))
            .map(t -> {
              Map<String, Object> m = one(other, t);
              m.put(field, SigmaText.changeCase(t, 0x5555_5555_5555_5555L));
              return m;
            })),
        Gen.w(1, text.map(t -> {
          Map<String, Object> m = one(other, Absent.ABSENT);
          m.put(field, t);
          return m;
        })),
        Gen.w(1, text.map(t -> {
          Map<String, Object> m = one(other, t);
          m.put(field, Absent.ABSENT);
          return m;
        })));
    return Gen.just(negatable(field, chain, List.of(RuleValue.str(other)), true, hit, miss));
  }

  static Gen<ItemSpec> expand(Chain chain, String field) {
    boolean cased = chain.has("cased");
    String pos = position(chain);
    Gen<String> literal = SigmaValues.pattern().map(p -> safePrefix(p.replace("%", "")));
    Gen<String> raw = Gen.combine(literal, Gen.of(PLACEHOLDERS.keySet()), literal,
            Gen.of("", "\\%", "%Plain%", "%"), (a, name, b, tail) -> a + "%" + name + "%" + safePrefix(b) + tail);
    return Gen.combine(count(chain).flatMap(n -> raw.list(n, n)), singles(), (raws, single) -> {
      List<RuleValue> values = raws.stream().map(RuleValue::str).toList();
      java.util.function.Function<String, Gen<?>> inst = r -> expansions(r)
          .flatMap(tokens -> wrap(SigmaValues.instance(tokens, cased, false), pos));
      Supplier<Gen<Object>> matching = () -> chain.has("all") && "contains".equals(pos)
          ? Gen.combine(raws.stream().map(r -> inst.apply(r).map(o -> (String) o)).toList(), l -> (Object) String.join(" ", l))
          : maybeList(pickOne(raws, inst));
      Supplier<Gen<Object>> near = () -> Gen.frequency(
          Gen.w(4, pickOne(raws, r -> Gen.combine(inst.apply(r), Gen.ints(0, 5),
              Gen.ints(0, 1000), SigmaValues.literalChar(), (s, how, where, c) -> SigmaValues.mutate((String) s, how, where, c)))),
          Gen.w(2, pickOne(raws, r -> Gen.just(r))),
          Gen.w(1, blank()));
      return negatable(field, chain, values, single, () -> assign(field, matching.get()), () -> assign(field, near.get()));
    });
  }

  /**
   * One expansion of an {@code expand} value, as tokens: {@code \%} is a literal {@code %},
   * {@code %name%} (name without {@code %} or {@code \}) a placeholder replaced by one of its
   * values, read as a Sigma string; any other {@code %} is literal (semantics §4.2).
   */
  static Gen<List<SigmaText.Token>> expansions(String raw) {
    List<Gen<List<SigmaText.Token>>> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == '%') {
        literal.append('%');
        i += 2;
      } else if (c == '\\' && i + 1 < raw.length() && "*?\\".indexOf(raw.charAt(i + 1)) >= 0) {
        literal.append(c).append(raw.charAt(i + 1));
        i += 2;
      } else if (c == '%') {
        int end = i + 1;
        while (end < raw.length() && raw.charAt(end) != '%' && raw.charAt(end) != '\\') {
          end++;
        }
        if (end < raw.length() && raw.charAt(end) == '%' && end > i + 1) {
          String before = literal.toString();
          parts.add(Gen.just(SigmaText.tokens(before)));
          literal.setLength(0);
          List<String> values = PLACEHOLDERS.get(raw.substring(i + 1, end));
          if (values == null) {
            throw new IllegalStateException("unknown placeholder in generated value " + raw);
          }
          parts.add(Gen.of(values).map(SigmaText::tokens));
          i = end + 1;
        } else {
          literal.append(c);
          i++;
        }
      } else {
        literal.append(c);
        i++;
      }
    }
    parts.add(Gen.just(SigmaText.tokens(literal.toString())));
    return Gen.combine(parts, l -> {
      List<SigmaText.Token> out = new ArrayList<>();
      l.forEach(out::addAll);
      return out;
    });
  }

  // ---------------------------------------------------------------- keywords

  /** Keyword chains: plain, all, cased, positions, re, windash, base64offset. */
  static final List<List<String>> KEYWORD_CHAINS = List.of(List.of(), List.of("all"), List.of("cased"),
      List.of("startswith"), List.of("endswith"), List.of("contains"), List.of("re"), List.of("windash"),
      List.of("base64offset", "contains"), List.of("all", "cased"), List.of("contains", "all"));

  /** A plain keyword list (no modifiers). */
  static Gen<ItemSpec> plainKeywords(FieldNames names) {
    return keyword(List.of(), names);
  }

  /** A keyword item with modifiers, written as a {@code '|mods'} key in a map. */
  static Gen<ItemSpec> keywordWithModifiers(FieldNames names) {
    return Memo.of(() -> {
      return Gen.of(KEYWORD_CHAINS.subList(1, KEYWORD_CHAINS.size())).flatMap(m -> keyword(m, names));
    }, "kwMods", names);
  }

  /** A keyword value with the text that contains it. */
  private record KeywordValue(RuleValue value, Supplier<Gen<Object>> texts, Supplier<Gen<Object>> nears) {
    Gen<Object> text() {
      return texts.get();
    }

    Gen<Object> near() {
      return nears.get();
    }
  }

  static Gen<ItemSpec> keyword(List<String> modifiers, FieldNames names) {
    return Memo.of(() -> {
      boolean all = modifiers.contains("all");
      boolean cased = modifiers.contains("cased");
      boolean windash = modifiers.contains("windash");
      String pos = modifiers.contains("startswith") ? "startswith" : modifiers.contains("endswith") ? "endswith" : "contains";
      Gen<KeywordValue> value;
      if (modifiers.contains("re")) {
        value = Regexes.regexes().map(r -> new KeywordValue(RuleValue.str(r.source()),
            () -> Regexes.sample(r, false).map(x -> (Object) x), () -> Regexes.nearMiss(r).map(x -> (Object) x)));
      } else if (modifiers.contains("base64offset")) {
        value = SigmaValues.literalPattern()
            .map(r -> SigmaValues.withoutWildcards(safePrefix(SigmaText.truncate(r, 40))))
            .map(r -> new KeywordValue(RuleValue.str(r),
                () -> wrap(Encoded.embedded(Encoded.bytes(SigmaText.literal(r), List.of())), "contains").map(x -> (Object) x),
                () -> Gen.just((Object) SigmaText.literal(r))));
      } else {
        Gen<String> raw = windash ? windashValue() : SigmaValues.pattern().filter(p -> p.length() < 40);
        Gen<KeywordValue> strings = raw.map(r -> new KeywordValue(RuleValue.str(r),
            () -> wrap(SigmaValues.instance(SigmaText.tokens(r), cased, windash), pos).map(x -> (Object) x),
            () -> wrap(SigmaValues.nearMiss(r, cased), pos).map(x -> (Object) x)));
        Gen<KeywordValue> numbers = SigmaValues.integer().map(n -> new KeywordValue(RuleValue.num(n),
            () -> Gen.of((Object) n, Long.toString(n), "x" + n + "y"), () -> Gen.just((Object) (n + 1))));
        value = Gen.frequency(Gen.w(8, strings), Gen.w(modifiers.isEmpty() ? 1 : 0, numbers));
      }
      return Gen.combine((all ? Gen.ints(2, 3) : Gen.ints(1, 3))
              .flatMap(n -> value.list(n, n)), singles(), (kws, single) -> {
            List<RuleValue> values = kws.stream().map(KeywordValue::value).toList();
            Supplier<Gen<Map<String, Object>>> hit = () -> {
              if (!all) {
                return Gen.combine(names.any(), pickOne(kws, KeywordValue::text), DetectionItems::one);
              }
              List<Gen<Map<String, Object>>> each = new ArrayList<>();
              for (KeywordValue k : kws) {
                each.add(Gen.combine(names.any(), k.text(), DetectionItems::one));
              }
              return SearchSpec.merged(each);
            };
            Supplier<Gen<Map<String, Object>>> miss = () -> Gen.frequency(
                Gen.w(2, Gen.just(Map.of())),
                Gen.w(3, Gen.combine(names.any(), pickOne(kws, KeywordValue::near), DetectionItems::one)));
            return new ItemSpec("", modifiers, values, single, hit, miss);
          });
    }, "kw", modifiers, names);
  }
}
