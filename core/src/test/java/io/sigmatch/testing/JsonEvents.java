package io.sigmatch.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigmatch.event.Event;
import io.sigmatch.event.EvtxJsonEvent;
import io.sigmatch.event.MapEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads test events: JSON Lines (one object a line) or concatenated JSON objects. */
public final class JsonEvents {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private JsonEvents() {}

  /** Every object of the file, in order, wrapped for field resolution. */
  @SuppressWarnings("unchecked")
  public static List<Event> read(Path file) {
    List<Event> out = new ArrayList<>();
    try (MappingIterator<Object> it = JSON.readerFor(Object.class).readValues(Files.newInputStream(file))) {
      while (it.hasNextValue()) {
        Map<String, ?> m = (Map<String, ?>) it.nextValue();
        out.add(EvtxJsonEvent.isEvtxShape(m) ? new EvtxJsonEvent(m) : new MapEvent(m));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The JSON file as plain values. */
  public static Object tree(Path file) {
    try {
      return JSON.readValue(file.toFile(), Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
