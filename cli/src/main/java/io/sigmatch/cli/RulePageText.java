package io.sigmatch.cli;

import io.sigmatch.engine.Indicator;
import io.sigmatch.rule.DetectionItem;
import io.sigmatch.rule.Logsource;
import io.sigmatch.rule.Search;
import io.sigmatch.rule.SigmaRule;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a {@link RulePage} for people: a heading per section, two-space indents. */
final class RulePageText {
  private RulePageText() {}

  static void write(RulePage page, PrintWriter out) {
    SigmaRule r = page.rule();
    out.println(r.title());
    out.println("=".repeat(Math.min(100, Math.max(3, r.title().length()))));
    field(out, "id", r.id());
    if (r.name() != null) {
      field(out, "name", r.name());
    }
    field(out, "status", r.status());
    field(out, "level", r.level());
    field(out, "logsource", logsource(r.logsource()));
    field(out, "author", r.author());
    field(out, "date", r.date() == null ? null
        : r.date() + (r.modified() == null ? "" : " (modified " + r.modified() + ")"));
    field(out, "tags", r.tags().isEmpty() ? null : String.join(", ", r.tags()));
    field(out, "file", r.source() + (r.document() > 0 ? " (document " + r.document() + ")" : ""));

    if (r.description() != null && !r.description().isBlank()) {
      heading(out, "Description");
      r.description().strip().lines().forEach(l -> out.println("  " + l.strip()));
    }
    list(out, "References", r.references());
    list(out, "False positives", r.falsePositives());

    heading(out, "MITRE ATT&CK");
    RulePage.Attack a = page.attack();
    if (a.tactics().isEmpty() && a.techniques().isEmpty() && a.groups().isEmpty() && a.software().isEmpty()
        && a.other().isEmpty()) {
      out.println("  (no attack.* tags)");
    }
    if (!a.tactics().isEmpty()) {
      out.println("  tactics     " + String.join(", ", a.tactics()));
    }
    ids(out, "techniques", a.techniques());
    ids(out, "groups", a.groups());
    ids(out, "software", a.software());
    if (!a.other().isEmpty()) {
      out.println("  other       " + String.join(", ", a.other()));
    }

    heading(out, "Event coverage");
    RulePage.Coverage c = page.coverage();
    if (c.reason() != null) {
      out.println("  " + c.reason() + " (logsource " + logsource(r.logsource()) + ")");
    }
    for (RulePage.CoverageEntry e : c.entries()) {
      out.println("  " + (e.title() == null ? "" : e.title() + " ") + "[" + logsource(e.logsource()) + "]");
      for (RulePage.CoverageSource s : e.sources()) {
        StringBuilder b = new StringBuilder("    ");
        b.append(s.provider() == null ? "(provider not named)" : s.provider());
        if (!s.eventIds().isEmpty()) {
          b.append(s.eventIds().size() == 1 ? ", event " : ", events ").append(String.join(", ", s.eventIds()));
        }
        if (!s.channels().isEmpty()) {
          b.append(", channel ").append(String.join(" or ", s.channels()));
        }
        for (Map.Entry<String, List<String>> w : s.conditions().entrySet()) {
          if (!w.getKey().equals("EventID") && !w.getKey().equals("Channel")) {
            b.append(", ").append(w.getKey()).append(' ').append(String.join(" or ", w.getValue()));
          }
        }
        if (s.eventTitle() != null) {
          b.append(": ").append(s.eventTitle());
        }
        out.println(b);
      }
    }

    heading(out, "Rule");
    page.yaml().lines().forEach(l -> out.println("  " + l));

    heading(out, "Stages");
    List<String> conditions = r.detection().conditionTexts();
    for (int i = 0; i < conditions.size(); i++) {
      out.println("  0  condition" + (conditions.size() > 1 ? " " + (i + 1) + " of " + conditions.size() : "")
          + ": " + conditions.get(i));
    }
    int stage = 1;
    for (Map.Entry<String, Search> e : r.detection().searches().entrySet()) {
      String prefix = "  " + stage++ + "  ";
      search(out, r, e.getKey(), e.getValue(), prefix, " ".repeat(prefix.length() + 2));
    }

    heading(out, "Indicators (corpus: " + page.corpusRules() + " rules)");
    indicators(out, page.indicators());
    out.flush();
  }

  private static void search(PrintWriter out, SigmaRule r, String identifier, Search s, String first,
      String indent) {
    if (s instanceof Search.AllOf all) {
      out.println(first + identifier + ": all of");
      all.items().forEach(item -> out.println(indent + item(r, identifier, item)));
      return;
    }
    List<Search> alternatives = ((Search.AnyOf) s).alternatives();
    out.println(first + identifier + ": any of " + alternatives.size());
    for (int i = 0; i < alternatives.size(); i++) {
      Search alt = alternatives.get(i);
      if (alt instanceof Search.AllOf all && all.items().size() == 1) {
        out.println(indent + "- " + item(r, identifier, all.items().get(0)));
      } else if (alt instanceof Search.AllOf all) {
        out.println(indent + "- all of");
        all.items().forEach(item -> out.println(indent + "    " + item(r, identifier, item)));
      } else {
        search(out, r, "alternative " + (i + 1), alt, indent + "- ", indent + "    ");
      }
    }
  }

  /** {@code Field|mods: value} or {@code Field|mods: [v1, v2]}; keywords as {@code (keywords)}. */
  static String item(SigmaRule r, String identifier, DetectionItem item) {
    String key = item.isKeyword() ? "(keywords)" + item.key() : item.key();
    List<String> values = new ArrayList<>();
    RulePage.values(r, identifier, item).forEach(v -> values.add(yamlScalar(v)));
    return key + ": " + (values.size() == 1 ? values.get(0) : "[" + String.join(", ", values) + "]");
  }

  /** A value as YAML would show it: strings in single quotes, numbers and booleans bare. */
  static String yamlScalar(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof String s) {
      return "'" + s.replace("'", "''") + "'";
    }
    return String.valueOf(v);
  }

  private static void indicators(PrintWriter out, List<Indicator> indicators) {
    if (indicators.isEmpty()) {
      out.println("  (none)");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"corpus", "kind", "field|modifiers", "value", "identifier"});
    for (Indicator i : indicators) {
      String key = i.field().isEmpty() ? "(keywords)" : i.field();
      if (!i.modifiers().isEmpty()) {
        key += "|" + String.join("|", i.modifiers());
      }
      rows.add(new String[] {String.valueOf(i.corpusCount()), i.kind(), key, shown(i.value()), i.identifier()});
    }
    int[] width = new int[5];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        width[c] = Math.max(width[c], Math.min(row[c].length(), c == 3 ? 60 : 40));
      }
    }
    for (String[] row : rows) {
      StringBuilder b = new StringBuilder("  ");
      b.append(" ".repeat(Math.max(0, width[0] - row[0].length()))).append(row[0]);
      for (int c = 1; c < row.length; c++) {
        b.append("  ").append(row[c]);
        if (c < row.length - 1) {
          b.append(" ".repeat(Math.max(0, width[c] - row[c].length())));
        }
      }
      out.println(b.toString().stripTrailing());
    }
  }

  /** A table cell: quoted when empty or with surrounding spaces, line breaks and tabs escaped. */
  static String shown(String value) {
    String v = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    return v.isEmpty() || !v.equals(v.strip()) ? "'" + v + "'" : v;
  }

  static String logsource(Logsource ls) {
    List<String> parts = new ArrayList<>();
    if (ls.product() != null) {
      parts.add("product " + ls.product());
    }
    if (ls.category() != null) {
      parts.add("category " + ls.category());
    }
    if (ls.service() != null) {
      parts.add("service " + ls.service());
    }
    return parts.isEmpty() ? "(none)" : String.join(", ", parts);
  }

  private static void field(PrintWriter out, String name, String value) {
    out.printf("%-11s%s%n", name, value == null ? "-" : value);
  }

  private static void heading(PrintWriter out, String title) {
    out.println();
    out.println(title);
  }

  private static void list(PrintWriter out, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    heading(out, title);
    items.forEach(i -> out.println("  - " + i));
  }

  private static void ids(PrintWriter out, String name, List<String> ids) {
    for (int i = 0; i < ids.size(); i++) {
      out.printf("  %-11s %-10s %s%n", i == 0 ? name : "", ids.get(i), RulePage.Attack.url(ids.get(i)));
    }
  }
}
