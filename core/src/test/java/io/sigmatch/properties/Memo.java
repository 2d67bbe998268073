package io.sigmatch.properties;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One generator per key, built once, so that flatMaps reuse generators instead of rebuilding them.
 */
final class Memo {
  private static final Map<List<Object>, Gen<?>> CACHE = new ConcurrentHashMap<>();

  private Memo() {}

  @SuppressWarnings("unchecked")
  static <T> Gen<T> of(Supplier<Gen<T>> build, Object... key) {
    List<Object> k = List.of(key);
    Gen<?> a = CACHE.get(k);
    if (a == null) {
      a = build.get();
      Gen<?> earlier = CACHE.putIfAbsent(k, a);
      if (earlier != null) {
        a = earlier;
      }
    }
    return (Gen<T>) a;
  }
}
