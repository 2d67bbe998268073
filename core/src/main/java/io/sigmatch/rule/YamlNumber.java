package io.sigmatch.rule;

import java.math.BigDecimal;

/**
 * A YAML number with the text it was written as.
 *
 * @param value  the exact value
 * @param text   the scalar as written
 * @param risky  written in a form that surprises rule authors (hex, octal, binary, base 60)
 */
record YamlNumber(BigDecimal value, String text, boolean risky) {
  /** The surprising form a risky number was written in, as a word and a space. */
  static String form(String text) {
    String t = text.replace("_", "").replaceFirst("^[-+]", "");
    if (t.startsWith("0x")) {
      return "hexadecimal ";
    }
    if (t.startsWith("0b")) {
      return "binary ";
    }
    if (t.contains(":")) {
      return "base-60 ";
    }
    if (t.startsWith("0") && t.length() > 1) {
      return "octal ";
    }
    return "";
  }

  @Override
  public String toString() {
    return text;
  }
}
