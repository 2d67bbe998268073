package io.sigmatch.rule;

import java.util.Locale;

/** The value modifiers of Sigma 2.1 (semantics §4), with pySigma's aliases for the regex flags. */
enum Modifier {
  CONTAINS, STARTSWITH, ENDSWITH, ALL, NEQ, CASED,
  RE, I, M, S,
  CIDR, EXISTS, FIELDREF, EXPAND, WINDASH,
  BASE64, BASE64OFFSET, WIDE, UTF16LE, UTF16BE, UTF16,
  GT, GTE, LT, LTE,
  MINUTE, HOUR, DAY, WEEK, MONTH, YEAR;

  /** The modifier written {@code name}, or {@code null} when Sigma has none. */
  static Modifier named(String name) {
    switch (name) {
      case "ignorecase":
        return I;
      case "multiline":
        return M;
      case "dotall":
        return S;
      default:
        break;
    }
    for (Modifier m : values()) {
      if (m.written().equals(name)) {
        return m;
      }
    }
    return null;
  }

  String written() {
    return name().toLowerCase(Locale.ROOT);
  }

  boolean isEncoding() {
    return this == WIDE || this == UTF16LE || this == UTF16BE || this == UTF16;
  }

  boolean isBase64() {
    return this == BASE64 || this == BASE64OFFSET;
  }

  boolean isPosition() {
    return this == CONTAINS || this == STARTSWITH || this == ENDSWITH;
  }

  boolean isComparison() {
    return this == GT || this == GTE || this == LT || this == LTE;
  }

  boolean isTimePart() {
    return ordinal() >= MINUTE.ordinal();
  }

  boolean isRegexFlag() {
    return this == I || this == M || this == S;
  }

  /** Modifiers that only link or negate values and never change them. */
  boolean isLinking() {
    return this == ALL || this == NEQ;
  }
}
