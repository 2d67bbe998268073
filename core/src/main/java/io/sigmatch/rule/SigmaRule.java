package io.sigmatch.rule;

import java.util.List;
import java.util.Map;

/**
 * A loaded detection rule: metadata, logsource and detection. Immutable.
 *
 * <pre>{@code
 * RuleSet set = RuleLoader.builder().build().load(List.of(Path.of("rules")));
 * for (SigmaRule r : set.rules()) System.out.println(r.id() + " " + r.title() + " by " + r.author());
 * }</pre>
 *
 * @param source          the file it came from
 * @param document        the index of its YAML document in that file
 * @param id              the rule id, or {@code null}
 * @param name            the rule name (used by correlations and filters), or {@code null}
 * @param title           the title
 * @param status          e.g. {@code test}, or {@code null}
 * @param level           e.g. {@code high}, or {@code null}
 * @param description     or {@code null}
 * @param author          or {@code null}; must be carried into every match output (DRL 1.1)
 * @param date            as written, or {@code null}
 * @param modified        as written, or {@code null}
 * @param tags            e.g. {@code attack.t1218.007}
 * @param references      links
 * @param falsePositives  known false positives
 * @param logsource       the event stream the rule is for
 * @param detection       the matching logic
 * @param body            the whole YAML document as plain Java values (maps, lists, scalars)
 * @param generatesAlerts false when only a correlation without {@code generate: true} uses it
 */
public record SigmaRule(
    String source,
    int document,
    String id,
    String name,
    String title,
    String status,
    String level,
    String description,
    String author,
    String date,
    String modified,
    List<String> tags,
    List<String> references,
    List<String> falsePositives,
    Logsource logsource,
    Detection detection,
    Map<String, Object> body,
    boolean generatesAlerts) {

  public SigmaRule {
    tags = List.copyOf(tags);
    references = List.copyOf(references);
    falsePositives = List.copyOf(falsePositives);
  }

  /** This rule with another detection (filters rewrite detections at load time). */
  SigmaRule withDetection(Detection d) {
    return new SigmaRule(source, document, id, name, title, status, level, description, author, date,
        modified, tags, references, falsePositives, logsource, d, body, generatesAlerts);
  }

  /** This rule with {@code generatesAlerts} set. */
  SigmaRule withGeneratesAlerts(boolean g) {
    return new SigmaRule(source, document, id, name, title, status, level, description, author, date,
        modified, tags, references, falsePositives, logsource, detection, body, g);
  }

  /** The id, or else the name, or else the title: something to name the rule by in messages. */
  public String label() {
    return id != null ? id : name != null ? name : title;
  }
}
