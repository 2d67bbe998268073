package io.sigmatch.rule;

/**
 * A problem found while loading rules: an error rejects one rule (the others still load), a
 * warning flags a risky but legal construct.
 *
 * <pre>{@code
 * rules/x.yml: rule 1f7e…: detection.sel.Image|foo: unknown modifier 'foo'
 * }</pre>
 *
 * @param severity error or warning
 * @param file     the file
 * @param ruleId   the rule's id when it has one, else {@code null}
 * @param path     the YAML path of the offending node ({@code detection.sel[1].Image|contains}), or
 *                 empty for the whole document
 * @param message  the reason, for a rule author
 */
public record Diagnostic(Severity severity, String file, String ruleId, String path, String message) {

  /** How bad it is. */
  public enum Severity { ERROR, WARNING }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(file);
    if (ruleId != null) {
      b.append(": rule ").append(ruleId);
    }
    if (path != null && !path.isEmpty()) {
      b.append(": ").append(path);
    }
    return b.append(": ").append(message).toString();
  }
}
