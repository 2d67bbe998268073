package io.sigmatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sigmatch.engine.Indicator;
import io.sigmatch.rule.DetectionItem;
import io.sigmatch.rule.Logsource;
import io.sigmatch.rule.Search;
import io.sigmatch.rule.SigmaRule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A {@link RulePage} as one JSON object:
 *
 * <pre>{@code
 * {"id": ..., "title": ..., "status": ..., "level": ..., "author": ..., "logsource": {"product": ..., ...},
 *  "attack": {"tactics": [...], "techniques": [{"id": "T1218.007", "url": ...}], "groups": [...], ...},
 *  "event_coverage": {"routing": true, "every_event": false, "unmapped": false, "reason": null,
 *                     "entries": [{"logsource": {...}, "title": ..., "sources": [{"provider": ...,
 *                     "event_title": ..., "event_ids": [3], "channels": [...], "when": {...}}]}]},
 *  "yaml": "...", "stages": [{"stage": 0, "conditions": [...]},
 *                            {"stage": 1, "identifier": "selection", "alternatives": [[item, ...], ...]}],
 *  "indicators": [{"identifier": ..., "field": ..., "modifiers": [...], "kind": ..., "value": ..., "corpus": 1}],
 *  "corpus_rules": 3000, ...}
 * }</pre>
 *
 * An item is {@code {"field": "Image" (null for keywords), "modifiers": ["endswith"], "values": ["\\msiexec.exe"],
 * "all": false, "negated": false}}; values keep their YAML type (string, number, boolean, null).
 */
final class RulePageJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private RulePageJson() {}

  static ObjectNode of(RulePage page) {
    SigmaRule r = page.rule();
    ObjectNode o = F.objectNode();
    o.put("id", r.id());
    o.put("name", r.name());
    o.put("title", r.title());
    o.put("status", r.status());
    o.put("level", r.level());
    o.put("author", r.author());
    o.put("date", r.date());
    o.put("modified", r.modified());
    o.put("description", r.description());
    o.set("references", strings(r.references()));
    o.set("falsepositives", strings(r.falsePositives()));
    o.set("tags", strings(r.tags()));
    o.put("file", r.source());
    o.put("document", r.document());
    o.set("logsource", logsource(r.logsource()));
    o.set("attack", attack(page.attack()));
    o.set("event_coverage", coverage(page.coverage()));
    o.put("yaml", page.yaml());
    o.set("stages", stages(r));
    o.put("corpus_rules", page.corpusRules());
    ArrayNode indicators = o.putArray("indicators");
    for (Indicator i : page.indicators()) {
      ObjectNode n = indicators.addObject();
      n.put("identifier", i.identifier());
      n.put("field", i.field());
      n.set("modifiers", strings(i.modifiers()));
      n.put("kind", i.kind());
      n.put("value", i.value());
      n.put("corpus", i.corpusCount());
    }
    return o;
  }

  private static ObjectNode logsource(Logsource ls) {
    ObjectNode o = F.objectNode();
    o.put("product", ls.product());
    o.put("category", ls.category());
    o.put("service", ls.service());
    return o;
  }

  private static ObjectNode attack(RulePage.Attack a) {
    ObjectNode o = F.objectNode();
    o.set("tactics", strings(a.tactics()));
    o.set("techniques", ids(a.techniques()));
    o.set("groups", ids(a.groups()));
    o.set("software", ids(a.software()));
    o.set("other", strings(a.other()));
    return o;
  }

  private static ArrayNode ids(List<String> ids) {
    ArrayNode out = F.arrayNode();
    for (String id : ids) {
      out.addObject().put("id", id).put("url", RulePage.Attack.url(id));
    }
    return out;
  }

  private static ObjectNode coverage(RulePage.Coverage c) {
    ObjectNode o = F.objectNode();
    o.put("routing", c.routing());
    o.put("every_event", c.everyEvent());
    o.put("unmapped", c.unmapped());
    o.put("reason", c.reason());
    ArrayNode entries = o.putArray("entries");
    for (RulePage.CoverageEntry e : c.entries()) {
      ObjectNode n = entries.addObject();
      n.set("logsource", logsource(e.logsource()));
      n.put("title", e.title());
      ArrayNode sources = n.putArray("sources");
      for (RulePage.CoverageSource s : e.sources()) {
        ObjectNode src = sources.addObject();
        src.put("provider", s.provider());
        src.put("event_title", s.eventTitle());
        ArrayNode eventIds = src.putArray("event_ids");
        s.eventIds().forEach(id -> eventIds.add(id.matches("\\d{1,18}") ? F.numberNode(Long.parseLong(id))
            : F.textNode(id)));
        src.set("channels", strings(s.channels()));
        ObjectNode when = src.putObject("when");
        s.conditions().forEach((k, v) -> when.set(k, strings(v)));
      }
    }
    return o;
  }

  private static ArrayNode stages(SigmaRule r) {
    ArrayNode stages = F.arrayNode();
    ObjectNode condition = stages.addObject();
    condition.put("stage", 0);
    condition.set("conditions", strings(r.detection().conditionTexts()));
    int stage = 1;
    for (Map.Entry<String, Search> e : r.detection().searches().entrySet()) {
      ObjectNode s = stages.addObject();
      s.put("stage", stage++);
      s.put("identifier", e.getKey());
      ArrayNode alternatives = s.putArray("alternatives");
      alternatives(r, e.getKey(), e.getValue(), alternatives);
    }
    return stages;
  }

  /** A map is one alternative (a list of items); a list of maps one per map, nested lists flattened. */
  private static void alternatives(SigmaRule r, String identifier, Search s, ArrayNode out) {
    if (s instanceof Search.AnyOf any) {
      any.alternatives().forEach(a -> alternatives(r, identifier, a, out));
      return;
    }
    ArrayNode items = out.addArray();
    for (DetectionItem item : ((Search.AllOf) s).items()) {
      ObjectNode n = items.addObject();
      n.put("field", item.field());
      n.set("modifiers", strings(item.modifiers()));
      ArrayNode values = n.putArray("values");
      RulePage.values(r, identifier, item).forEach(v -> values.add(scalar(v)));
      n.put("all", item.all());
      n.put("negated", item.negated());
    }
  }

  static JsonNode scalar(Object v) {
    if (v == null) {
      return F.nullNode();
    }
    if (v instanceof BigDecimal d) {
      return F.numberNode(d);
    }
    if (v instanceof Boolean b) {
      return F.booleanNode(b);
    }
    if (v instanceof Number n) {
      return F.numberNode(new BigDecimal(n.toString()));
    }
    return F.textNode(String.valueOf(v));
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode out = F.arrayNode();
    values.forEach(out::add);
    return out;
  }
}
