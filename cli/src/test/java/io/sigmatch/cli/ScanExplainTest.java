package io.sigmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanExplainTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<JsonNode> scan(String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("scan", "--events", TestData.sample().toString()));
    args.addAll(TestData.shippedRuleArgs());
    args.addAll(List.of(more));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.status(), run::toString);
    List<JsonNode> out = new ArrayList<>();
    for (String line : run.out().split("\n")) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  private static JsonNode match(List<JsonNode> matches, int event, String ruleId) {
    return matches.stream().filter(m -> m.get("event").asInt() == event && m.get("rule_id").asText().equals(ruleId))
        .findFirst().orElseThrow(() -> new AssertionError("no match of " + ruleId + " at event " + event));
  }

  @Test
  void msiexecMatchExplainsInitiatedImageAndPort() throws IOException {
    JsonNode m = match(scan("--explain"), 0, ExplainCommandTest.MSIEXEC);
    JsonNode ex = m.get("explanation");
    assertEquals(List.of("selection"), JSON.convertValue(ex.get("identifiers"), List.class));
    JsonNode values = ex.get("values");
    assertEquals(3, values.size(), values::toString);
    assertEquals("Initiated", values.get(0).get("field").asText());
    assertEquals("true", values.get(0).get("value").asText());
    assertEquals("true", values.get(0).get("event_value").asText());
    assertEquals("Image", values.get(1).get("field").asText());
    assertEquals("endswith", values.get(1).get("modifiers").get(0).asText());
    assertEquals("\\msiexec.exe", values.get(1).get("value").asText());
    assertTrue(values.get(1).get("event_value").asText().toLowerCase().endsWith("\\msiexec.exe"), values::toString);
    assertEquals("C:\\Windows\\System32\\msiexec.exe", values.get(1).get("event_value").asText());
    assertEquals("DestinationPort", values.get(2).get("field").asText());
    assertEquals("443", values.get(2).get("value").asText());
    assertEquals("443", values.get(2).get("event_value").asText());
    for (JsonNode v : values) {
      assertEquals("selection", v.get("identifier").asText());
    }
  }

  @Test
  void everyMatchHasAnExplanationOnlyWithTheOption() throws IOException {
    List<JsonNode> plain = scan();
    List<JsonNode> explained = scan("--explain");
    assertEquals(plain.size(), explained.size());
    assertFalse(plain.isEmpty());
    for (int i = 0; i < plain.size(); i++) {
      assertFalse(plain.get(i).has("explanation"));
      JsonNode ex = explained.get(i).get("explanation");
      assertTrue(ex.get("identifiers").size() > 0, explained.get(i)::toString);
      assertTrue(ex.get("values").size() > 0, explained.get(i)::toString);
      assertEquals(plain.get(i).get("rule_id"), explained.get(i).get("rule_id"));
    }
  }

  @Test
  void keywordMatchesNameNoField() throws IOException {
    List<JsonNode> keywordMatches = scan("--explain").stream()
        .filter(m -> m.get("explanation").get("identifiers").toString().contains("keywords")).toList();
    assertFalse(keywordMatches.isEmpty());
    for (JsonNode m : keywordMatches) {
      for (JsonNode v : m.get("explanation").get("values")) {
        if (v.get("identifier").asText().equals("keywords")) {
          assertTrue(v.get("field").isNull(), v::toString);
          assertTrue(v.get("event_value").asText().toLowerCase().contains(v.get("value").asText().toLowerCase()
              .replace("\\", "").replace("*", "")) || !v.get("modifiers").isEmpty(), v::toString);
        }
      }
    }
  }
}
