package io.sigmatch.rule;

/**
 * A YAML boolean with the text it was written as ({@code yes} is a boolean in YAML 1.1).
 *
 * @param value the value
 * @param text  the scalar as written
 */
record YamlBoolean(boolean value, String text) {
  /** Whether it was written {@code yes}/{@code no}/{@code on}/{@code off} rather than true/false. */
  boolean risky() {
    return !text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false");
  }

  @Override
  public String toString() {
    return text;
  }
}
