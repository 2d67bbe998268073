package io.sigmatch.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigmatch.event.Event;
import io.sigmatch.event.MapEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The events the benchmarks feed, parsed before any measurement: {@code otrf}, a fixed sample of
 * {@value #SAMPLE_SIZE} events drawn with a fixed seed from every line of every Windows
 * {@code .jsonl} file of the shared OTRF datasets (files in path order, then a seeded partial
 * Fisher-Yates shuffle of the line numbers; the sample keeps the shuffled order so consecutive
 * events come from different captures, as on a busy collector); and {@code corpus}, the 110
 * hand-made events shipped in {@code corpus/windows-sample.jsonl}. The sample is large enough
 * that the events do not all stay in the CPU caches. Without the shared data, {@code otrf} falls
 * back to the corpus and says so.
 */
final class EventSamples {
  static final int SAMPLE_SIZE = 20_000;
  /** Fixed so that every run, on every machine, measures the same events. */
  static final long SAMPLE_SEED = 0x0072_F000_0000_0003L;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private static List<Map<String, Object>> otrf;

  private EventSamples() {}

  /** The sample called {@code name} ({@code otrf} or {@code corpus}), as parsed JSON objects. */
  static List<Map<String, Object>> named(String name) {
    return switch (name) {
      case "otrf" -> otrf();
      case "corpus" -> parse(lines(List.of(SharedData.corpus())));
      default -> throw new IllegalArgumentException("unknown event sample: " + name);
    };
  }

  /** The sample called {@code name}, as events. */
  static Event[] events(String name) {
    return toEvents(named(name));
  }

  static Event[] toEvents(List<Map<String, Object>> objects) {
    return objects.stream().map(MapEvent::new).toArray(Event[]::new);
  }

  private static synchronized List<Map<String, Object>> otrf() {
    if (otrf == null) {
      Path dir = SharedData.windowsEvents();
      if (dir == null) {
        System.out.println("[sigmatch-bench] events=otrf uses the shipped corpus instead");
        otrf = parse(lines(List.of(SharedData.corpus())));
      } else {
        long start = System.nanoTime();
        List<String> all = lines(jsonlFiles(dir));
        otrf = parse(sample(all, SAMPLE_SIZE, SAMPLE_SEED));
        System.out.printf("[sigmatch-bench] sampled %d of %d Windows events in %d ms%n",
            otrf.size(), all.size(), (System.nanoTime() - start) / 1_000_000);
      }
    }
    return otrf;
  }

  /** {@code size} lines drawn without replacement, in drawn order (all of them, shuffled, if fewer). */
  static List<String> sample(List<String> lines, int size, long seed) {
    String[] a = lines.toArray(new String[0]);
    Random random = new Random(seed);
    int n = Math.min(size, a.length);
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(a.length - i);
      String t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return List.of(a).subList(0, n);
  }

  private static List<Path> jsonlFiles(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(List<Path> files) {
    List<String> out = new ArrayList<>();
    for (Path f : files) {
      try (Stream<String> s = Files.lines(f, StandardCharsets.UTF_8)) {
        s.filter(line -> !line.isBlank()).forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static List<Map<String, Object>> parse(List<String> lines) {
    List<Map<String, Object>> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      try {
        out.add(JSON.readValue(line, OBJECT));
      } catch (IOException e) {
        throw new UncheckedIOException("not a JSON object: " + line, e);
      }
    }
    return out;
  }
}
