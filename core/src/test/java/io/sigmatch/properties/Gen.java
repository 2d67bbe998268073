package io.sigmatch.properties;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * A generator over {@link Random}: the rule and event generators of this package are written with
 * it and handed to jqwik as {@link #arbitrary()}, because jqwik's own combinators cost about a
 * millisecond per rule item (shrinkable trees for every character), which would not fit a
 * thousand tries of rule sets in the time budget. jqwik still owns the seed, so every failure is
 * reproducible from the seed it prints; instead of jqwik's shrinking, failing samples are reduced
 * by {@link Engines#explain} and {@link RuleMinimizer}.
 */
@FunctionalInterface
interface Gen<T> {

  T next(Random r);

  /** This generator as a jqwik arbitrary (not shrinkable; the seed reproduces it). */
  default Arbitrary<T> arbitrary() {
    return Arbitraries.randomValue(this::next).withoutEdgeCases();
  }

  default <U> Gen<U> map(Function<? super T, ? extends U> f) {
    return r -> f.apply(next(r));
  }

  default <U> Gen<U> flatMap(Function<? super T, ? extends Gen<? extends U>> f) {
    return r -> f.apply(next(r)).next(r);
  }

  default Gen<T> filter(Predicate<? super T> keep) {
    return r -> {
      for (int i = 0; i < 10_000; i++) {
        T t = next(r);
        if (keep.test(t)) {
          return t;
        }
      }
      throw new IllegalStateException("filter rejected 10,000 values in a row");
    };
  }

  /** A list of {@code min..max} values, sizes uniform. */
  default Gen<List<T>> list(int min, int max) {
    return r -> {
      int n = min + r.nextInt(max - min + 1);
      List<T> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(next(r));
      }
      return out;
    };
  }

  /** A list of {@code min..max} values with distinct keys (fewer if distinct ones run out). */
  default Gen<List<T>> uniqueList(int min, int max, Function<? super T, ?> key) {
    return r -> {
      int n = min + r.nextInt(max - min + 1);
      List<T> out = new ArrayList<>(n);
      Set<Object> seen = new HashSet<>();
      for (int attempt = 0; out.size() < n && attempt < 20 * n + 20; attempt++) {
        T t = next(r);
        if (seen.add(key.apply(t))) {
          out.add(t);
        }
      }
      return out;
    };
  }

  static <T> Gen<T> just(T value) {
    return r -> value;
  }

  /** One of the values (null allowed). */
  @SafeVarargs
  static <T> Gen<T> of(T... values) {
    return of(java.util.Arrays.asList(values));
  }

  static <T> Gen<T> of(java.util.Collection<? extends T> values) {
    List<? extends T> copy = new ArrayList<>(values);
    return r -> copy.get(r.nextInt(copy.size()));
  }

  static <E extends Enum<E>> Gen<E> of(Class<E> type) {
    return of(type.getEnumConstants());
  }

  static Gen<Integer> ints(int min, int max) {
    return r -> min + (int) Math.floorMod(r.nextLong(), (long) max - min + 1);
  }

  static Gen<Long> longs(long min, long max) {
    return r -> min + Math.floorMod(r.nextLong(), max - min + 1);
  }

  static Gen<Long> longs() {
    return Random::nextLong;
  }

  static Gen<Boolean> bools() {
    return Random::nextBoolean;
  }

  static Gen<byte[]> bytes(int min, int max) {
    return r -> {
      byte[] b = new byte[min + r.nextInt(max - min + 1)];
      r.nextBytes(b);
      return b;
    };
  }

  static Gen<String> strings(String chars, int min, int max) {
    return r -> {
      int n = min + r.nextInt(max - min + 1);
      StringBuilder b = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        b.append(chars.charAt(r.nextInt(chars.length())));
      }
      return b.toString();
    };
  }

  /** A weighted choice; a weight of 0 never picks its generator. */
  record Weighted<T>(int weight, Gen<? extends T> gen) {}

  static <T> Weighted<T> w(int weight, Gen<? extends T> gen) {
    return new Weighted<>(weight, gen);
  }

  @SafeVarargs
  static <T> Gen<T> frequency(Weighted<T>... choices) {
    List<Weighted<T>> list = List.of(choices);
    int total = list.stream().mapToInt(Weighted::weight).sum();
    return r -> {
      int pick = r.nextInt(total);
      for (Weighted<T> c : list) {
        pick -= c.weight();
        if (pick < 0) {
          return c.gen().next(r);
        }
      }
      throw new AssertionError();
    };
  }

  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Gen<? extends T>> list = List.of(gens);
    return r -> list.get(r.nextInt(list.size())).next(r);
  }

  static <T> Gen<List<T>> sequence(List<? extends Gen<? extends T>> gens) {
    List<? extends Gen<? extends T>> copy = new ArrayList<>(gens);
    return r -> {
      List<T> out = new ArrayList<>(copy.size());
      for (Gen<? extends T> g : copy) {
        out.add(g.next(r));
      }
      return out;
    };
  }

  static <T, R> Gen<R> combine(List<? extends Gen<? extends T>> gens, Function<? super List<T>, ? extends R> f) {
    Gen<List<T>> all = sequence(gens);
    return r -> f.apply(all.next(r));
  }

  static <A, B, R> Gen<R> combine(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
    return r -> f.apply(a.next(r), b.next(r));
  }

  interface F3<A, B, C, R> {
    R apply(A a, B b, C c);
  }

  interface F4<A, B, C, D, R> {
    R apply(A a, B b, C c, D d);
  }

  interface F5<A, B, C, D, E, R> {
    R apply(A a, B b, C c, D d, E e);
  }

  interface F6<A, B, C, D, E, G, R> {
    R apply(A a, B b, C c, D d, E e, G g);
  }

  static <A, B, C, R> Gen<R> combine(Gen<A> a, Gen<B> b, Gen<C> c, F3<? super A, ? super B, ? super C, ? extends R> f) {
    return r -> f.apply(a.next(r), b.next(r), c.next(r));
  }

  static <A, B, C, D, R> Gen<R> combine(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d,
      F4<? super A, ? super B, ? super C, ? super D, ? extends R> f) {
    return r -> f.apply(a.next(r), b.next(r), c.next(r), d.next(r));
  }

  static <A, B, C, D, E, R> Gen<R> combine(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e,
      F5<? super A, ? super B, ? super C, ? super D, ? super E, ? extends R> f) {
    return r -> f.apply(a.next(r), b.next(r), c.next(r), d.next(r), e.next(r));
  }

  static <A, B, C, D, E, G, R> Gen<R> combine(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e, Gen<G> g,
      F6<? super A, ? super B, ? super C, ? super D, ? super E, ? super G, ? extends R> f) {
    return r -> f.apply(a.next(r), b.next(r), c.next(r), d.next(r), e.next(r), g.next(r));
  }

  static <T> Gen<T> lazy(Supplier<Gen<T>> supplier) {
    return r -> supplier.get().next(r);
  }
}
