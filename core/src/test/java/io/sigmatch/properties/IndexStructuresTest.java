package io.sigmatch.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.index.CidrTrie;
import io.sigmatch.index.CidrTrieBuilder;
import io.sigmatch.index.Comparison;
import io.sigmatch.index.NeedleAutomaton;
import io.sigmatch.index.NeedleAutomatonBuilder;
import io.sigmatch.index.NumericThresholds;
import io.sigmatch.index.NumericThresholdsBuilder;
import io.sigmatch.index.PrefixTrie;
import io.sigmatch.index.PrefixTrieBuilder;
import io.sigmatch.index.SuffixTrie;
import io.sigmatch.index.SuffixTrieBuilder;
import io.sigmatch.value.CaseFold;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The index structures of {@code io.sigmatch.index} against brute-force oracles: suffix and
 * prefix tries, the needle automaton (dense and sparse states), the CIDR trie with the address
 * parser, and numeric thresholds. Reports are compared as multisets, as documented: once per
 * distinct (key, payload) pair that matches (per occurrence for {@code scan}).
 */
class IndexStructuresTest {

  record Keyed(String key, int payload) {}

  /** A tiny alphabet so keys overlap, plus non-ASCII, surrogate pairs and lone surrogates. */
  static Arbitrary<String> small(int max) {
    Arbitrary<String> c = Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.of("a", "b", "\\", ".")),
        Tuple.of(2, Arbitraries.of("é", "ж", "\u0130", "\uD83D\uDE00", "\uD83D\uDE01", "\uD83D", "\uDE00")),
        Tuple.of(1, Arbitraries.chars().map(String::valueOf)));
    return c.list().ofMaxSize(max).map(l -> String.join("", l));
  }

  static Arbitrary<List<Keyed>> keyed() {
    Arbitrary<Keyed> one = Combinators.combine(small(6), Arbitraries.integers().between(0, 30)).as(Keyed::new);
    return one.list().ofMaxSize(14).injectDuplicates(0.2);
  }

  /** A value that often contains, starts or ends with a key. */
  static Arbitrary<String> around(List<Keyed> keys) {
    if (keys.isEmpty()) {
      return small(10);
    }
    return Combinators.combine(Arbitraries.of(keys), small(4), small(4), Arbitraries.integers().between(0, 4))
        .as((k, a, b, form) -> switch (form) {
          case 0 -> k.key();
          case 1 -> k.key() + b;
          case 2 -> a + k.key();
          case 3 -> a + k.key() + b;
          default -> a + b;
        });
  }

  record KeysAndValues(List<Keyed> keys, List<String> values) {}

  @Provide
  Arbitrary<KeysAndValues> keysAndValues() {
    return keyed().flatMap(k -> around(k).list().ofMinSize(1).ofMaxSize(10).map(v -> new KeysAndValues(k, v)));
  }

  private static List<Integer> sorted(List<Integer> l) {
    List<Integer> out = new ArrayList<>(l);
    out.sort(null);
    return out;
  }

  private static Set<Keyed> distinct(List<Keyed> keys) {
    return new LinkedHashSet<>(keys);
  }

  @Property
  void suffixTrieReportsEveryKeyTheValueEndsWith(@ForAll("keysAndValues") KeysAndValues kv) {
    SuffixTrieBuilder b = new SuffixTrieBuilder();
    kv.keys().forEach(k -> b.add(k.key(), k.payload()));
    SuffixTrie trie = b.build();
    for (String v : kv.values()) {
      List<Integer> expected = new ArrayList<>();
      distinct(kv.keys()).stream().filter(k -> v.endsWith(k.key())).forEach(k -> expected.add(k.payload()));
      List<Integer> actual = new ArrayList<>();
      trie.matchSuffixes(v, actual::add);
      assertEquals(sorted(expected), sorted(actual), "value " + Reports.java(v));
    }
  }

  @Property
  void prefixTrieReportsEveryKeyTheValueStartsWith(@ForAll("keysAndValues") KeysAndValues kv) {
    PrefixTrieBuilder b = new PrefixTrieBuilder();
    kv.keys().forEach(k -> b.add(k.key(), k.payload()));
    PrefixTrie trie = b.build();
    for (String v : kv.values()) {
      List<Integer> expected = new ArrayList<>();
      distinct(kv.keys()).stream().filter(k -> v.startsWith(k.key())).forEach(k -> expected.add(k.payload()));
      List<Integer> actual = new ArrayList<>();
      trie.matchPrefixes(new StringBuilder(v), actual::add);
      assertEquals(sorted(expected), sorted(actual), "value " + Reports.java(v));
    }
  }

  /** The value, upper-cased, in alternating case, and with chars that fold to ASCII letters from outside ASCII. */
  private static List<String> caseVariants(String v) {
    StringBuilder alternate = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      alternate.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
    }
    return List.of(v, v.toUpperCase(Locale.ROOT), alternate.toString(), v.replace('a', '\u212A').replace('b', '\u0130'));
  }

  private static boolean hasNonAscii(String s) {
    return s.chars().anyMatch(c -> c >= 0x80);
  }

  /**
   * Over tries of folded keys, a walk of the unfolded value that folds as it reads reports what a
   * walk of the folded value reports, or declines (false) at a char above 0x7F, having reported
   * only payloads the folded walk reports too.
   */
  @Property
  void triesWalkTheFoldOfAValueAsTheyReadIt(@ForAll("keysAndValues") KeysAndValues kv) {
    PrefixTrieBuilder pb = new PrefixTrieBuilder();
    SuffixTrieBuilder sb = new SuffixTrieBuilder();
    for (Keyed k : kv.keys()) {
      pb.add(CaseFold.fold(k.key()), k.payload());
      sb.add(CaseFold.fold(k.key()), k.payload());
    }
    PrefixTrie prefixes = pb.build();
    SuffixTrie suffixes = sb.build();
    for (String v : kv.values()) {
      for (String text : caseVariants(v)) {
        String folded = CaseFold.fold(text);
        Set<Integer> expected = new LinkedHashSet<>();
        prefixes.matchPrefixes(folded, expected::add);
        Set<Integer> actual = new LinkedHashSet<>();
        boolean done = prefixes.matchPrefixesFoldingAscii(text, actual::add);
        assertWalked(done, expected, actual, text, "prefixes");
        expected.clear();
        actual.clear();
        suffixes.matchSuffixes(folded, expected::add);
        done = suffixes.matchSuffixesFoldingAscii(text, actual::add);
        assertWalked(done, expected, actual, text, "suffixes");
      }
    }
  }

  private static void assertWalked(boolean done, Set<Integer> expected, Set<Integer> actual, String text, String what) {
    Statistics.label(what + " declined").collect(!done);
    if (done) {
      assertEquals(expected, actual, what + " of " + Reports.java(text));
    } else {
      assertTrue(hasNonAscii(text), what + " declined an ASCII value " + Reports.java(text));
      assertTrue(expected.containsAll(actual), what + " reported more than the fold's walk: " + Reports.java(text));
    }
  }

  /** {@code matchNeedles} reports exactly the payloads of needles occurring in the text; {@code scan} every occurrence. */
  @Property
  void needleAutomatonFindsEveryOccurrence(@ForAll("keysAndValues") KeysAndValues kv,
      @ForAll("denseBudgets") long budget) {
    assertFindsEveryOccurrence(kv, budget);
  }

  /**
   * Needles of at least four chars turn on the block-shift prefilter: over a tiny alphabet most
   * windows share pairs with some needle, so skips, fallbacks to the automaton and returns to the
   * root interleave.
   */
  @Property
  void needleAutomatonWithLongNeedlesFindsEveryOccurrence(@ForAll("longKeysAndValues") KeysAndValues kv,
      @ForAll("denseBudgets") long budget) {
    assertFindsEveryOccurrence(kv, budget);
  }

  /**
   * The unfolded prefilter may only say no where the folded text holds no needle: checked on
   * values as generated, upper-cased (ASCII and beyond, where the dotted capital I and the Kelvin
   * sign fold to ASCII letters) and with every other char upper-cased.
   */
  @Property
  void unfoldedPrefilterNeverRulesOutATextWhoseFoldHoldsANeedle(@ForAll("longKeysAndValues") KeysAndValues kv) {
    NeedleAutomatonBuilder b = new NeedleAutomatonBuilder();
    List<String> needles = new ArrayList<>();
    for (Keyed k : kv.keys()) {
      String needle = CaseFold.fold(k.key());
      needles.add(needle);
      b.add(needle, k.payload());
    }
    NeedleAutomaton automaton = b.build();
    Statistics.label("skips ahead").collect(automaton.skipsAhead());
    if (!automaton.skipsAhead()) {
      return;
    }
    for (String v : kv.values()) {
      StringBuilder alternate = new StringBuilder();
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        alternate.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
      }
      for (String text : List.of(v, v.toUpperCase(Locale.ROOT), alternate.toString(), v.replace('k', '\u212A').replace('i', '\u0130'))) {
        String folded = CaseFold.fold(text);
        boolean holds = needles.stream().anyMatch(folded::contains);
        if (holds) {
          assertTrue(automaton.mayOccurInUnfolded(text), "text " + Reports.java(text) + " folds to hold a needle");
        }
      }
    }
  }

  @Provide
  Arbitrary<KeysAndValues> longKeysAndValues() {
    Arbitrary<Keyed> one = Combinators.combine(small(12).filter(k -> k.length() >= 4),
        Arbitraries.integers().between(0, 30)).as(Keyed::new);
    return one.list().ofMinSize(1).ofMaxSize(14).injectDuplicates(0.2)
        .flatMap(k -> Combinators.combine(around(k), around(k), small(12)).as((a, b, c) -> a + c + b)
            .list().ofMinSize(1).ofMaxSize(10).withoutEdgeCases().map(v -> new KeysAndValues(k, v)));
  }

  private static void assertFindsEveryOccurrence(KeysAndValues kv, long budget) {
    NeedleAutomatonBuilder b = new NeedleAutomatonBuilder().maxDenseTableBytes(budget);
    kv.keys().forEach(k -> b.add(k.key(), k.payload()));
    NeedleAutomaton automaton = b.build();
    for (String v : kv.values()) {
      Set<Integer> expected = new TreeSet<>();
      List<String> expectedHits = new ArrayList<>();
      for (Keyed k : distinct(kv.keys())) {
        if (k.key().isEmpty()) {
          expected.add(k.payload());
          expectedHits.add(k.payload() + "@0");
          continue;
        }
        for (int at = v.indexOf(k.key()); at >= 0; at = v.indexOf(k.key(), at + 1)) {
          expected.add(k.payload());
          expectedHits.add(k.payload() + "@" + (at + k.key().length()));
        }
      }
      Set<Integer> actual = new TreeSet<>();
      automaton.matchNeedles(v, actual::add);
      assertEquals(expected, actual, "value " + Reports.java(v));
      // A reused buffer holds stale chars past the text's length; they must not be read.
      char[] buffer = (v + (kv.keys().isEmpty() ? "a" : kv.keys().get(0).key())).toCharArray();
      Set<Integer> fromBuffer = new TreeSet<>();
      automaton.matchNeedles(buffer, v.length(), fromBuffer::add);
      assertEquals(expected, fromBuffer, "value " + Reports.java(v) + " in a char buffer");
      List<String> hits = new ArrayList<>();
      automaton.scan(new StringBuilder(v), (payload, end) -> hits.add(payload + "@" + end));
      expectedHits.sort(null);
      hits.sort(null);
      assertEquals(expectedHits, hits, "value " + Reports.java(v));
    }
  }

  @Provide
  Arbitrary<Long> denseBudgets() {
    return Arbitraries.of(0L, 64L, 1024L, NeedleAutomatonBuilder.DEFAULT_MAX_DENSE_TABLE_BYTES);
  }

  record NetworksAndAddresses(List<Networks.Network> networks, List<Integer> payloads, List<String> addresses) {}

  @Provide
  Arbitrary<NetworksAndAddresses> networksAndAddresses() {
    Gen<NetworksAndAddresses> gen = Networks.networks().list(0, 10).flatMap(nets -> {
      Gen<String> address = nets.isEmpty() ? Networks.inside(Networks.parse("0.0.0.0/0"))
          : Gen.of(nets).flatMap(n -> Gen.oneOf(Networks.inside(n), Networks.outside(n)));
      return Gen.combine(Gen.ints(0, 5).list(nets.size(), nets.size()), address.list(1, 8),
          (payloads, addresses) -> new NetworksAndAddresses(nets, payloads, addresses));
    });
    return gen.arbitrary();
  }

  @Property
  void cidrTrieReportsEveryNetworkContainingTheAddress(@ForAll("networksAndAddresses") NetworksAndAddresses na) {
    CidrTrieBuilder b = new CidrTrieBuilder();
    Set<String> distinct = new LinkedHashSet<>();
    List<Integer> payloadOfDistinct = new ArrayList<>();
    List<Networks.Network> netOfDistinct = new ArrayList<>();
    for (int i = 0; i < na.networks().size(); i++) {
      Networks.Network n = na.networks().get(i);
      b.add(n.address(), n.prefix(), na.payloads().get(i));
      if (distinct.add(java.util.Arrays.toString(n.address()) + "/" + n.prefix() + "#" + na.payloads().get(i))) {
        payloadOfDistinct.add(na.payloads().get(i));
        netOfDistinct.add(n);
      }
    }
    CidrTrie trie = b.build();
    for (String text : na.addresses()) {
      byte[] scratch = new byte[16];
      int family = CidrTrie.parseAddress(text, scratch);
      byte[] expectedAddress = oracleParse(text);
      assertEquals(expectedAddress == null ? 0 : expectedAddress.length, family, "parse " + Reports.java(text));
      if (family == 0) {
        continue;
      }
      byte[] address = java.util.Arrays.copyOf(scratch, family);
      assertArrayEquals(expectedAddress, address, "parse " + Reports.java(text));
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < netOfDistinct.size(); i++) {
        if (Networks.contains(netOfDistinct.get(i), address)) {
          expected.add(payloadOfDistinct.get(i));
        }
      }
      List<Integer> actual = new ArrayList<>();
      trie.matchAddress(scratch, family, actual::add);
      assertEquals(sorted(expected), sorted(actual), "address " + text);
    }
  }

  /**
   * The strict address syntax of {@link CidrTrie#parseAddress}, read with the JDK: a dotted quad
   * without leading zeros, or IPv6 text without brackets, zones or spaces; {@code null} otherwise.
   */
  static byte[] oracleParse(String text) {
    boolean v4 = text.matches("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    boolean v6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]+") && !text.contains(":::");
    if (!v4 && !v6) {
      return null;
    }
    try {
      byte[] a = java.net.InetAddress.getByName(text).getAddress();
      if (v4) {
        for (String part : text.split("\\.")) {
          if (Integer.parseInt(part) > 255) {
            return null;
          }
        }
        return a;
      }
      if (a.length == 4) {
        // The JDK turns ::ffff:a.b.c.d into IPv4; the parser keeps it IPv6 (D23).
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(a, 0, mapped, 12, 4);
        return mapped;
      }
      return a;
    } catch (java.net.UnknownHostException | NumberFormatException e) {
      return null;
    }
  }

  record Thresholds(List<BigDecimal> values, List<Comparison> ops, List<Integer> payloads, List<BigDecimal> probes) {}

  @Provide
  Arbitrary<Thresholds> thresholds() {
    Arbitrary<BigDecimal> number = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(-5, 5).map(BigDecimal::valueOf)),
        Tuple.of(1, Arbitraries.of(new BigDecimal("0.3"), new BigDecimal("0.30"), new BigDecimal("1E+1"),
            new BigDecimal("10.000"), new BigDecimal("-0.0"), new BigDecimal("1E+30"))));
    return Arbitraries.integers().between(0, 12).flatMap(n -> Combinators.combine(number.list().ofSize(n),
            Arbitraries.of(Comparison.class).list().ofSize(n), Arbitraries.integers().between(0, 6).list().ofSize(n),
            number.list().ofMinSize(1).ofMaxSize(6))
        .as(Thresholds::new));
  }

  @Property
  void numericThresholdsReportEverySatisfiedComparison(@ForAll("thresholds") Thresholds t) {
    NumericThresholdsBuilder b = new NumericThresholdsBuilder();
    Set<String> distinct = new LinkedHashSet<>();
    List<Integer> expectedPayloads = new ArrayList<>();
    for (int i = 0; i < t.values().size(); i++) {
      b.add(t.values().get(i), t.ops().get(i), t.payloads().get(i));
    }
    NumericThresholds built = b.build();
    for (BigDecimal probe : t.probes()) {
      distinct.clear();
      expectedPayloads.clear();
      for (int i = 0; i < t.values().size(); i++) {
        BigDecimal threshold = t.values().get(i);
        Comparison op = t.ops().get(i);
        int c = probe.compareTo(threshold);
        boolean holds = switch (op) {
          case GT -> c > 0;
          case GTE -> c >= 0;
          case LT -> c < 0;
          case LTE -> c <= 0;
        };
        if (holds && distinct.add(threshold.stripTrailingZeros() + op.name() + t.payloads().get(i))) {
          expectedPayloads.add(t.payloads().get(i));
        }
      }
      List<Integer> actual = new ArrayList<>();
      built.match(probe, actual::add);
      assertEquals(sorted(expectedPayloads), sorted(actual), "probe " + probe);
    }
  }
}
