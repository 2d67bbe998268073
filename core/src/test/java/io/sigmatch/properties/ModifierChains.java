package io.sigmatch.properties;

import java.util.ArrayList;
import java.util.List;

/**
 * Every modifier family and the legal chains of semantics §4.3, plus chains that must be
 * rejected. A family decides what values a chain takes and how events are derived from it.
 */
final class ModifierChains {
  private ModifierChains() {}

  enum Family { STRING, WINDASH, ENCODED, REGEX, CIDR, NUMBER, COMPARE, BOOLEAN, NULL, EXISTS, TIME, FIELDREF, EXPAND }

  /** A legal chain of one family. */
  record Chain(Family family, List<String> modifiers) {
    boolean has(String m) {
      return modifiers.contains(m);
    }

    @Override
    public String toString() {
      return family + String.join("|", modifiers);
    }
  }

  static List<Chain> chains(Family f) {
    List<List<String>> c = switch (f) {
      case STRING -> List.of(List.of(), List.of("cased"), List.of("contains"), List.of("startswith"),
          List.of("endswith"), List.of("contains", "cased"), List.of("cased", "contains"),
          List.of("cased", "startswith"), List.of("endswith", "cased"), List.of("contains", "all"),
          List.of("all", "contains"), List.of("all"), List.of("neq"), List.of("contains", "neq"),
          List.of("startswith", "neq"), List.of("contains", "all", "neq"), List.of("endswith", "all"));
      case WINDASH -> List.of(List.of("windash"), List.of("windash", "contains"), List.of("contains", "windash"),
          List.of("endswith", "windash"), List.of("windash", "startswith"), List.of("windash", "contains", "all"),
          List.of("windash", "cased", "contains"));
      case ENCODED -> List.of(List.of("base64"), List.of("base64", "contains"), List.of("base64offset", "contains"),
          List.of("wide", "base64offset", "contains"), List.of("utf16le", "base64offset", "contains"),
          List.of("utf16be", "base64offset", "contains"), List.of("utf16", "base64offset", "contains"),
          List.of("wide", "base64"), List.of("utf16", "base64"), List.of("utf16be", "base64", "contains"),
          List.of("utf16le", "base64", "startswith"), List.of("base64offset"), List.of("base64", "base64"),
          List.of("windash", "base64offset", "contains"), List.of("base64offset", "contains", "all"),
          List.of("base64", "endswith"));
      case REGEX -> List.of(List.of("re"), List.of("re", "i"), List.of("re", "m"), List.of("re", "s"),
          List.of("re", "i", "m"), List.of("re", "s", "i"), List.of("re", "i", "m", "s"),
          List.of("re", "ignorecase"), List.of("re", "contains"), List.of("re", "startswith"),
          List.of("re", "endswith"), List.of("re", "all"), List.of("re", "neq"), List.of("re", "i", "neq"),
          List.of("re", "expand"));
      case CIDR -> List.of(List.of("cidr"), List.of("cidr", "neq"), List.of("cidr", "all"));
      case NUMBER -> List.of(List.of(), List.of("neq"), List.of("all"));
      case COMPARE -> List.of(List.of("gt"), List.of("gte"), List.of("lt"), List.of("lte"), List.of("gt", "neq"),
          List.of("lte", "all"));
      case BOOLEAN -> List.of(List.of(), List.of("neq"));
      case NULL -> List.of(List.of(), List.of("neq"));
      case EXISTS -> List.of(List.of("exists"), List.of("exists", "neq"), List.of("exists", "all"));
      case TIME -> {
        List<List<String>> out = new ArrayList<>();
        for (String part : List.of("minute", "hour", "day", "week", "month", "year")) {
          out.add(List.of(part));
          for (String cmp : List.of("gt", "gte", "lt", "lte")) {
            out.add(List.of(part, cmp));
          }
        }
        out.add(List.of("hour", "neq"));
        yield out;
      }
      case FIELDREF -> List.of(List.of("fieldref"), List.of("fieldref", "contains"), List.of("fieldref", "startswith"),
          List.of("fieldref", "endswith"), List.of("fieldref", "cased"), List.of("fieldref", "contains", "cased"),
          List.of("fieldref", "neq"), List.of("fieldref", "startswith", "endswith"));
      case EXPAND -> List.of(List.of("expand"), List.of("expand", "contains"), List.of("contains", "expand"),
          List.of("expand", "startswith"), List.of("endswith", "expand"), List.of("expand", "cased"),
          List.of("expand", "contains", "all"), List.of("expand", "neq"));
    };
    return c.stream().map(m -> new Chain(f, m)).toList();
  }

  /** A legal chain, families weighted towards the common ones. */
  static Gen<Chain> any() {
    return Memo.of(() -> {
      return Gen.frequency(
          Gen.w(14, family(Family.STRING)),
          Gen.w(3, family(Family.WINDASH)),
          Gen.w(3, family(Family.ENCODED)),
          Gen.w(3, family(Family.REGEX)),
          Gen.w(2, family(Family.CIDR)),
          Gen.w(3, family(Family.NUMBER)),
          Gen.w(2, family(Family.COMPARE)),
          Gen.w(1, family(Family.BOOLEAN)),
          Gen.w(1, family(Family.NULL)),
          Gen.w(1, family(Family.EXISTS)),
          Gen.w(2, family(Family.TIME)),
          Gen.w(2, family(Family.FIELDREF)),
          Gen.w(2, family(Family.EXPAND)));
    }, "chains");
  }

  static Gen<Chain> family(Family f) {
    return Memo.of(() -> {
      return Gen.of(chains(f));
    }, "family", f);
  }

  /**
   * Chains the loader must reject, with a value that would otherwise be fine for their family
   * (semantics §4.3, D24).
   */
  static final List<String> ILLEGAL = List.of(
      "contains|base64: 'x'", "contains|base64offset: 'http'", "endswith|wide|base64: 'x'", "contains|re: 'x'",
      "cased|re: 'x'", "re|cased: 'x'", "i: 'x'", "contains|i: 'x'", "cidr|contains: '10.0.0.0/8'",
      "contains|cidr: '10.0.0.0/8'", "all|exists: true", "contains|exists: true", "gte|hour: 3",
      "hour|minute: 3", "gt|lt: 3", "contains: 80", "cidr: '192.168.1.1/24'", "cidr: '10.0.0.0/33'",
      "exists: 'true'", "gt: '100'", "hour: '3'", "fieldref: 'Ima*'", "re: 'a(?=b)'", "re: '(a)\\1'",
      "expand: '%NoSuchPlaceholder%'", "base64|wide: 'x'", "wide|utf16be|base64: 'x'", "base64|windash: '-x'",
      "expand|base64: '%Plain%'", "cidr|expand: '%Plain%'", "unknownmod: 'x'", "contains||all: 'x'",
      "re|gt: 3", "windash|hour: 3", "fieldref|re: 'x'", "cidr|fieldref: 'x'");
}
