package io.sigmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.event.Event;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's contract: whatever the thread count, the caller sees what one thread produces. */
@Timeout(60)
class EventPipelineTest {
  @TempDir
  Path dir;

  /** Many batches, with blank lines, invalid JSON and non-objects spread over batch boundaries. */
  private Path mixedFile() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < EventPipeline.BATCH_LINES * 7 + 13; i++) {
      if (i % 97 == 5) {
        lines.add("");
      } else if (i % 211 == 7) {
        lines.add("{not json");
      } else if (i % 307 == 11) {
        lines.add("[1, 2]");
      } else {
        lines.add("{\"n\": " + i + ", \"Image\": \"C:\\\\x\\\\p" + i + ".exe\"}");
      }
    }
    Path file = dir.resolve("mixed.jsonl");
    Files.write(file, lines);
    return file;
  }

  /** What a run shows: every event with its result, and every message, in the order seen. */
  private static List<String> run(Path file, int threads, Supplier<Function<Event, String>> work) throws IOException {
    List<String> seen = new ArrayList<>();
    StringWriter messages = new StringWriter();
    PrintWriter err = new PrintWriter(messages, true);
    try (EventPipeline<String> pipeline = new EventPipeline<>(new EventFiles(err), err, threads, work)) {
      pipeline.read(file, (name, index, event, result, bytes) ->
          seen.add(name.endsWith("mixed.jsonl") + " " + index + " " + result + " " + bytes));
    }
    messages.toString().lines().forEach(line -> seen.add("message " + line));
    return seen;
  }

  private static Supplier<Function<Event, String>> imageAndThread() {
    return () -> event -> event.get("Image") + " n=" + event.get("n");
  }

  @Test
  void resultsAndMessagesComeInFileOrderWhateverTheThreadCount() throws IOException {
    Path file = mixedFile();
    List<String> one = run(file, 1, imageAndThread());
    assertTrue(one.contains("true 0 C:\\x\\p0.exe n=0 " + ("{\"n\": 0, \"Image\": \"C:\\\\x\\\\p0.exe\"}".length() + 1)),
        () -> one.subList(0, 3).toString());
    assertTrue(one.stream().anyMatch(s -> s.startsWith("message ") && s.contains(":8: invalid JSON, skipped")), one::toString);
    assertTrue(one.stream().anyMatch(s -> s.startsWith("message ") && s.contains(":12: not a JSON object, skipped")),
        one::toString);
    for (int threads : new int[] {2, 3, 8}) {
      assertEquals(one, run(file, threads, imageAndThread()), "threads=" + threads);
    }
  }

  @Test
  void eachThreadGetsItsOwnFunction() throws IOException {
    Path file = mixedFile();
    AtomicInteger made = new AtomicInteger();
    Set<Thread> users = ConcurrentHashMap.newKeySet();
    Supplier<Function<Event, String>> work = () -> {
      made.incrementAndGet();
      Thread owner = Thread.currentThread();
      return event -> {
        if (Thread.currentThread() != owner) {
          throw new AssertionError("a function made for " + owner + " ran on " + Thread.currentThread());
        }
        users.add(owner);
        return "ok";
      };
    };
    run(file, 3, work);
    assertEquals(users.size(), made.get(), "one function per thread that matched");
    assertTrue(made.get() <= 3, "at most one per worker: " + made.get());
    assertFalse(users.contains(Thread.currentThread()), "JSON Lines are matched on the workers");
  }

  @Test
  void aFailureOnAWorkerReachesTheCaller() throws IOException {
    Path file = mixedFile();
    Supplier<Function<Event, String>> failing = () -> event -> {
      if (Long.valueOf(1000).equals(((Number) event.get("n")).longValue())) {
        throw new IllegalStateException("event 1000");
      }
      return "ok";
    };
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(file, 2, failing));
    assertEquals("event 1000", e.getMessage());
  }

  @Test
  void jsonFilesAreReadOnTheCallingThread() throws IOException {
    Path file = dir.resolve("events.json");
    Files.writeString(file, "{\"n\": 1} {\"n\": 2} [{\"n\": 3}, {\"n\": 4}]");
    Set<Thread> users = ConcurrentHashMap.newKeySet();
    List<String> seen = run(file, 2, () -> event -> {
      users.add(Thread.currentThread());
      return "n=" + event.get("n");
    });
    assertEquals(Set.of(Thread.currentThread()), users);
    assertEquals(List.of("false 0 n=1 " + Files.size(file), "false 1 n=2 0", "false 2 n=3 0", "false 3 n=4 0"), seen);
  }
}
