package io.sigmatch.rule;

/**
 * A YAML date or timestamp scalar, kept as written. Metadata dates read it as text; a detection
 * value rejects it (pySigma has no type for it).
 *
 * @param text the scalar as written
 */
record YamlTimestamp(String text) {
  @Override
  public String toString() {
    return text;
  }
}
