package io.sigmatch.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sigmatch.event.Event;
import io.sigmatch.reference.MatchEvidence;
import io.sigmatch.rule.SigmaRule;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code "explanation"} of a match for {@code scan --explain}, from {@link MatchEvidence}:
 *
 * <pre>{@code
 * "explanation": {"identifiers": ["selection"],
 *   "values": [{"identifier": "selection", "field": "Image", "modifiers": ["endswith"],
 *               "value": "\\msiexec.exe", "matcher": "*\\\\msiexec.exe",
 *               "event_value": "C:\\Windows\\System32\\msiexec.exe"}, ...]}
 * }</pre>
 *
 * {@code field} is {@code null} for keywords; {@code event_value} keeps the event's JSON type and
 * is {@code null} for an absent field.
 */
final class MatchExplanation {
  private MatchExplanation() {}

  static void write(JsonGenerator json, SigmaRule rule, Event event) throws IOException {
    List<MatchEvidence.Hit> hits = MatchEvidence.of(rule, event);
    Set<String> identifiers = new LinkedHashSet<>();
    hits.forEach(h -> identifiers.add(h.identifier()));
    json.writeObjectFieldStart("explanation");
    json.writeArrayFieldStart("identifiers");
    for (String id : identifiers) {
      json.writeString(id);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("values");
    for (MatchEvidence.Hit h : hits) {
      json.writeStartObject();
      json.writeStringField("identifier", h.identifier());
      json.writeStringField("field", h.field());
      json.writeArrayFieldStart("modifiers");
      for (String m : h.modifiers()) {
        json.writeString(m);
      }
      json.writeEndArray();
      json.writeStringField("value", h.value());
      json.writeStringField("matcher", h.matcher());
      json.writeFieldName("event_value");
      writeValue(json, h.eventValue());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** Scalars as themselves; lists and maps (whole field values of {@code neq}/{@code exists}) as JSON. */
  private static void writeValue(JsonGenerator json, Object v) throws IOException {
    if (v == null) {
      json.writeNull();
    } else if (v instanceof String s) {
      json.writeString(s);
    } else if (v instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (v instanceof java.math.BigDecimal d) {
      json.writeNumber(d);
    } else if (v instanceof java.math.BigInteger i) {
      json.writeNumber(i);
    } else if (v instanceof Double d) {
      json.writeNumber(d);
    } else if (v instanceof Float f) {
      json.writeNumber(f);
    } else if (v instanceof Number n) {
      json.writeNumber(n.longValue());
    } else if (v instanceof List<?> list) {
      json.writeStartArray();
      for (Object o : list) {
        writeValue(json, o);
      }
      json.writeEndArray();
    } else if (v instanceof java.util.Map<?, ?> map) {
      json.writeStartObject();
      for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
        json.writeFieldName(String.valueOf(e.getKey()));
        writeValue(json, e.getValue());
      }
      json.writeEndObject();
    } else {
      json.writeString(String.valueOf(v));
    }
  }
}
