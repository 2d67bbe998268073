package io.sigmatch.event;

import java.util.Map;
import java.util.function.Consumer;

/**
 * An event in the nested JSON shape of Windows event logs that SigmaHQ's regression data uses
 * ({@code Event.System}, {@code Event.EventData}, {@code Event.UserData}, XML attributes under
 * {@code #attributes}), read with the flat field names rules are written for.
 *
 * <p>A field is looked up as in {@link MapEvent} first; then as {@code Event.EventData.<name>},
 * under each element of {@code Event.UserData}, and as {@code Event.System.<name>}.
 * {@code Provider_Name} reads the provider's {@code Name} attribute, {@code TimeCreated} its
 * {@code SystemTime}; an element with attributes reads its {@code #text}; a name with spaces
 * ({@code Threat Name}) is found without them ({@code ThreatName}).
 *
 * <pre>{@code
 * Event e = new EvtxJsonEvent(parsedJson);
 * e.get("Image");          // Event.EventData.Image
 * e.get("EventID");        // Event.System.EventID
 * e.get("Provider_Name");  // Event.System.Provider.#attributes.Name
 * }</pre>
 */
public final class EvtxJsonEvent implements Event {
  private final Map<String, ?> root;

  public EvtxJsonEvent(Map<String, ?> root) {
    this.root = root;
  }

  /** Whether a parsed JSON object has this shape (a top-level {@code Event} map with {@code System}). */
  public static boolean isEvtxShape(Map<String, ?> json) {
    return json.get("Event") instanceof Map<?, ?> e && e.get("System") instanceof Map;
  }

  @Override
  public Object get(String field) {
    Object direct = MapEvent.lookup(root, field);
    if (direct != ABSENT) {
      return direct;
    }
    if (!(root.get("Event") instanceof Map<?, ?> event)) {
      return ABSENT;
    }
    Object v = child(event.get("EventData"), field);
    if (v != ABSENT) {
      return text(v);
    }
    if (event.get("UserData") instanceof Map<?, ?> userData) {
      for (Object element : userData.values()) {
        v = child(element, field);
        if (v != ABSENT) {
          return text(v);
        }
      }
    }
    Object system = event.get("System");
    switch (field) {
      case "Provider_Name":
        return attribute(child(system, "Provider"), "Name");
      case "TimeCreated":
        return attribute(child(system, "TimeCreated"), "SystemTime");
      default:
        v = child(system, field);
        return v == ABSENT ? ABSENT : text(v);
    }
  }

  /**
   * The child element {@code name}; else one whose name without spaces is {@code name}, as rules
   * write Defender's {@code Threat Name} as {@code ThreatName}.
   */
  private static Object child(Object map, String name) {
    if (!(map instanceof Map<?, ?> m)) {
      return ABSENT;
    }
    if (m.containsKey(name)) {
      return m.get(name);
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (e.getKey() instanceof String key && key.indexOf(' ') >= 0 && key.replace(" ", "").equals(name)) {
        return e.getValue();
      }
    }
    return ABSENT;
  }

  private static Object attribute(Object element, String name) {
    return child(child(element, "#attributes"), name);
  }

  private static Object text(Object v) {
    // A string skips the Map test: a failed test against an interface costs about 15 ns on JDK 17.
    if (!(v instanceof String) && v instanceof Map<?, ?> m && m.containsKey("#text")) {
      return m.get("#text");
    }
    return v;
  }

  @Override
  public void forEachScalar(Consumer<Object> visitor) {
    MapEvent.visitScalars(root, visitor, 0);
  }
}
