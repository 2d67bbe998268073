package io.sigmatch.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigmatch.event.Event;
import io.sigmatch.event.EvtxJsonEvent;
import io.sigmatch.event.MapEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads events from JSON Lines files ({@code .jsonl}: one object per line, the event number is the
 * 0-based line) and JSON files ({@code .json}: one or more objects one after the other, the event
 * number is the object's position). Folders are searched recursively; {@code index.json} files
 * are skipped there. A line that is not a JSON object is reported on stderr and skipped.
 *
 * <p>An object in the nested {@code Event.System}/{@code Event.EventData} shape is read through
 * {@link EvtxJsonEvent}, any other through {@link MapEvent}.
 */
final class EventFiles {
  /** Receives each event. */
  interface Visitor {
    void event(String file, long index, Event event, long bytes);
  }

  private final ObjectMapper json = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private final PrintWriter err;

  EventFiles(PrintWriter err) {
    this.err = err;
  }

  /** Every event file under {@code paths}, in a stable order; the name each was given as. */
  static List<Path> files(List<Path> paths) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".jsonl") || (name.endsWith(".json") && !name.equals("index.json"));
              })
              .sorted()
              .forEach(out::add);
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new IOException("no such file or folder: " + p);
      }
    }
    return out;
  }

  void read(Path file, Visitor visitor) throws IOException {
    if (file.getFileName().toString().endsWith(".jsonl")) {
      readLines(file, visitor);
    } else {
      readObjects(file, visitor);
    }
  }

  private void readLines(Path file, Visitor visitor) throws IOException {
    String name = file.toString();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long index = 0;
      for (String line = in.readLine(); line != null; line = in.readLine(), index++) {
        if (line.isBlank()) {
          continue;
        }
        Parsed parsed = parse(line, name, index);
        if (parsed.event() != null) {
          visitor.event(name, index, parsed.event(), parsed.bytes());
        } else {
          err.println(parsed.problem());
        }
      }
    }
  }

  /** One line of a JSON Lines file: its event, or else why it was skipped. */
  record Parsed(Event event, String problem, long bytes) {}

  /** Parses line {@code index} (0-based) of {@code file}; safe to call from several threads. */
  Parsed parse(String line, String file, long index) {
    long bytes = line.length() + 1L;
    try {
      Object value = json.readValue(line, Object.class);
      if (value instanceof Map<?, ?> map) {
        return new Parsed(wrap(map), null, bytes);
      }
      return new Parsed(null, "sigmatch: " + file + ":" + (index + 1) + ": not a JSON object, skipped", bytes);
    } catch (JsonProcessingException e) {
      return new Parsed(null, "sigmatch: " + file + ":" + (index + 1) + ": invalid JSON, skipped ("
          + e.getOriginalMessage() + ")", bytes);
    }
  }

  private void readObjects(Path file, Visitor visitor) throws IOException {
    String name = file.toString();
    long size = Files.size(file);
    try (InputStream in = Files.newInputStream(file);
         JsonParser parser = json.getFactory().createParser(in);
         MappingIterator<Object> it = json.readerFor(Object.class).readValues(parser)) {
      long index = 0;
      while (it.hasNextValue()) {
        Object value = it.nextValue();
        if (value instanceof Map<?, ?> map) {
          visitor.event(name, index, wrap(map), index == 0 ? size : 0);
        } else if (value instanceof List<?> list) {
          for (Object element : list) {
            if (element instanceof Map<?, ?> map) {
              visitor.event(name, index, wrap(map), 0);
            }
            index++;
          }
          continue;
        }
        index++;
      }
    } catch (JsonProcessingException e) {
      err.println("sigmatch: " + name + ": invalid JSON, rest of file skipped (" + e.getOriginalMessage() + ")");
    }
  }

  @SuppressWarnings("unchecked")
  private static Event wrap(Map<?, ?> map) {
    Map<String, ?> m = (Map<String, ?>) map;
    return EvtxJsonEvent.isEvtxShape(m) ? new EvtxJsonEvent(m) : new MapEvent(m);
  }
}
