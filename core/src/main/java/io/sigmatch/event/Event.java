package io.sigmatch.event;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * An event as the evaluators read it: field values by name, and every scalar value for keyword
 * search. Implement it over whatever the collector holds; {@link MapEvent} and
 * {@link EvtxJsonEvent} cover maps parsed from JSON.
 *
 * <p>Values are {@code null} (a JSON null), {@link String}, {@link Number}, {@link Boolean},
 * {@link java.util.List} or {@link java.util.Map}; a field that is not there is {@link #ABSENT}.
 *
 * <pre>{@code
 * Event e = new MapEvent(Map.of("EventID", 3, "Image", "C:\\Windows\\System32\\msiexec.exe"));
 * e.get("Image");        // "C:\Windows\System32\msiexec.exe"
 * e.get("CommandLine");  // Event.ABSENT
 * }</pre>
 */
public interface Event {
  /** The value of a field that is not in the event (distinct from a present {@code null}). */
  Object ABSENT = new Object() {
    @Override
    public String toString() {
      return "<absent>";
    }
  };

  /** The value of {@code field}, or {@link #ABSENT}. */
  Object get(String field);

  /**
   * Calls {@code visitor} with every scalar (string, number, boolean) anywhere in the event,
   * inside lists and nested maps too; field names are not values. Used for keyword search.
   */
  void forEachScalar(Consumer<Object> visitor);

  /**
   * Calls {@code visitor} with each top-level field name and value, and returns {@code true}; or
   * returns {@code false} without calling it when the event cannot list its fields, in which case
   * the engine looks up every field it indexes by name. Listing lets the compiled engine's cost
   * follow the event's size rather than the number of fields the rules mention. An event that lists
   * its fields must visit in {@link #forEachScalar} exactly the scalars inside the listed values, as
   * {@link MapEvent#forEachScalarIn} does for each of them: the engine searches keywords while it
   * lists.
   */
  default boolean forEachField(BiConsumer<String, Object> visitor) {
    return false;
  }
}
