package io.sigmatch.rule;

import io.sigmatch.value.Comparison;
import io.sigmatch.value.SigmaPattern;
import io.sigmatch.value.TimePart;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The modifiers of one detection item, checked for legal order and combination when the item is
 * read, then applied left to right to each of its values (semantics §4).
 *
 * <pre>{@code
 * ModifierChain chain = ModifierChain.parse(List.of("windash", "contains"), false, path, settings, warn);
 * ValueMatcher m = chain.apply("-enc", valuePath);  // AnyOf of 5 contains patterns
 * }</pre>
 */
final class ModifierChain {
  /** Limit on the alternatives one value may expand to (windash, base64offset, placeholders). */
  static final int MAX_ALTERNATIVES = 4096;

  private final List<Modifier> modifiers;
  private final Set<Modifier> present;
  private final boolean keyword;
  private final String path;
  private final LoaderSettings settings;
  private final Warnings warnings;

  private ModifierChain(List<Modifier> modifiers, boolean keyword, String path, LoaderSettings settings,
      Warnings warnings) {
    this.modifiers = modifiers;
    this.present = modifiers.isEmpty() ? EnumSet.noneOf(Modifier.class) : EnumSet.copyOf(modifiers);
    this.keyword = keyword;
    this.path = path;
    this.settings = settings;
    this.warnings = warnings;
  }

  /** Reads and checks the modifiers written after a field name. */
  static ModifierChain parse(List<String> written, boolean keyword, String path, LoaderSettings settings,
      Warnings warnings) throws RuleRejection {
    List<Modifier> mods = new ArrayList<>();
    for (String w : written) {
      if (w.isEmpty()) {
        throw new RuleRejection(path, "empty modifier (two '|' in a row?)");
      }
      Modifier m = Modifier.named(w);
      if (m == null) {
        throw new RuleRejection(path, "unknown modifier '" + w + "'");
      }
      if (mods.contains(m) && m != Modifier.BASE64) {
        warnings.add(path, "modifier '" + w + "' is repeated");
      }
      mods.add(m);
    }
    ModifierChain chain = new ModifierChain(mods, keyword, path, settings, warnings);
    chain.check();
    return chain;
  }

  boolean all() {
    return present.contains(Modifier.ALL);
  }

  boolean negated() {
    return present.contains(Modifier.NEQ);
  }

  boolean hasPosition() {
    return present.stream().anyMatch(Modifier::isPosition);
  }

  private void check() throws RuleRejection {
    for (Modifier first : List.of(Modifier.RE, Modifier.CIDR, Modifier.EXISTS)) {
      if (present.contains(first) && modifiers.get(0) != first) {
        throw reject("'" + first.written() + "' must be the first modifier of the chain");
      }
    }
    if (present.contains(Modifier.RE)) {
      allowOnly(Modifier.RE, EnumSet.of(Modifier.RE, Modifier.I, Modifier.M, Modifier.S, Modifier.CONTAINS,
          Modifier.STARTSWITH, Modifier.ENDSWITH, Modifier.ALL, Modifier.NEQ, Modifier.EXPAND));
    } else {
      for (Modifier m : modifiers) {
        if (m.isRegexFlag()) {
          throw reject("'" + m.written() + "' is a regular-expression flag and needs 're' first");
        }
      }
    }
    if (present.contains(Modifier.CIDR)) {
      allowOnly(Modifier.CIDR, EnumSet.of(Modifier.CIDR, Modifier.ALL, Modifier.NEQ));
    }
    if (present.contains(Modifier.EXISTS)) {
      allowOnly(Modifier.EXISTS, EnumSet.of(Modifier.EXISTS, Modifier.ALL, Modifier.NEQ));
    }
    if (present.contains(Modifier.FIELDREF)) {
      allowOnly(Modifier.FIELDREF, EnumSet.of(Modifier.FIELDREF, Modifier.CONTAINS, Modifier.STARTSWITH,
          Modifier.ENDSWITH, Modifier.CASED, Modifier.ALL, Modifier.NEQ));
    }
    checkNumeric();
    checkEncodings();
    if (present.contains(Modifier.EXPAND)) {
      for (Modifier m : modifiers) {
        if (m.isEncoding() || m.isBase64() || m == Modifier.CIDR) {
          throw reject("'expand' cannot be combined with '" + m.written()
              + "' (the placeholder's own text would be encoded)");
        }
      }
    }
    if (keyword) {
      for (Modifier m : List.of(Modifier.EXISTS, Modifier.FIELDREF, Modifier.CIDR)) {
        if (present.contains(m)) {
          throw reject("'" + m.written() + "' needs a field name");
        }
      }
      if (present.stream().anyMatch(m -> m.isComparison() || m.isTimePart())) {
        throw reject("numeric and time modifiers need a field name");
      }
    }
  }

  private void checkNumeric() throws RuleRejection {
    int comparisons = 0;
    int timeParts = 0;
    for (int i = 0; i < modifiers.size(); i++) {
      Modifier m = modifiers.get(i);
      if (m.isComparison()) {
        comparisons++;
      }
      if (m.isTimePart()) {
        timeParts++;
        if (comparisons > 0) {
          throw reject("'" + m.written() + "' must come before the comparison ('" + m.written() + "|gte', not 'gte|"
              + m.written() + "')");
        }
      }
    }
    if (comparisons > 1 || timeParts > 1) {
      throw reject("at most one comparison and one time part per item");
    }
    if (comparisons + timeParts > 0) {
      for (Modifier m : modifiers) {
        if (!m.isComparison() && !m.isTimePart() && !m.isLinking()) {
          throw reject("'" + m.written() + "' cannot be combined with numeric or time modifiers");
        }
      }
    }
  }

  private void checkEncodings() throws RuleRejection {
    boolean wildcarded = false;
    boolean base64 = false;
    boolean encoded = false;
    for (Modifier m : modifiers) {
      if (m.isPosition()) {
        wildcarded = true;
      } else if (m.isEncoding() || m.isBase64()) {
        if (wildcarded) {
          throw reject("'" + m.written() + "' after contains/startswith/endswith: wildcards cannot be encoded;"
              + " put '" + m.written() + "' first");
        }
        if (m.isEncoding() && (encoded || base64)) {
          throw reject("'" + m.written() + "' after another encoding: encode text once, then base64");
        }
        if (m.isEncoding()) {
          encoded = true;
        } else {
          base64 = true;
        }
      } else if (m == Modifier.WINDASH && (encoded || base64)) {
        throw reject("'windash' after an encoding: apply windash to the text before encoding it");
      }
    }
    if (present.contains(Modifier.BASE64OFFSET) && !present.contains(Modifier.CONTAINS) && !keyword) {
      warnings.add(path, "'base64offset' without 'contains' compares the whole value with a fragment;"
          + " write 'base64offset|contains'");
    }
    if (encoded && !base64) {
      warnings.add(path, "an encoding modifier without base64 compares the field with the raw encoded bytes");
    }
  }

  private void allowOnly(Modifier owner, Set<Modifier> allowed) throws RuleRejection {
    for (Modifier m : modifiers) {
      if (!allowed.contains(m)) {
        throw reject("'" + m.written() + "' cannot be combined with '" + owner.written() + "'");
      }
    }
  }

  private RuleRejection reject(String message) {
    return new RuleRejection(path, message);
  }

  /** Applies the chain to one rule value (as read from YAML). */
  ValueMatcher apply(Object value, String valuePath) throws RuleRejection {
    if (value instanceof YamlTimestamp t) {
      throw new RuleRejection(valuePath, "the value " + t.text() + " is read by YAML as a date; quote it");
    }
    if (value instanceof YamlNumber n && n.value() == null) {
      throw new RuleRejection(valuePath, "'" + n.text() + "' is not a finite number");
    }
    if (present.contains(Modifier.EXISTS)) {
      if (!(value instanceof YamlBoolean b)) {
        throw new RuleRejection(valuePath, "'exists' needs the boolean true or false, not " + describe(value));
      }
      return new ValueMatcher.Exists(b.value());
    }
    if (value == null) {
      if (keyword) {
        throw new RuleRejection(valuePath, "a keyword cannot be null: null must be bound to a field");
      }
      for (Modifier m : modifiers) {
        if (!m.isLinking()) {
          throw new RuleRejection(valuePath, "null cannot take the modifier '" + m.written() + "'");
        }
      }
      return new ValueMatcher.IsNull();
    }
    boolean numeric = present.stream().anyMatch(m -> m.isComparison() || m.isTimePart());
    if (numeric) {
      return numeric(value, valuePath);
    }
    if (present.contains(Modifier.RE)) {
      return RegexValues.build(requireString(value, Modifier.RE, valuePath), modifiers, valuePath, settings);
    }
    if (present.contains(Modifier.CIDR)) {
      return CidrValues.network(requireString(value, Modifier.CIDR, valuePath), valuePath);
    }
    if (present.contains(Modifier.FIELDREF)) {
      return fieldRef(requireString(value, Modifier.FIELDREF, valuePath), valuePath);
    }
    if (value instanceof YamlNumber n) {
      return scalarNonString(n.text(), new ValueMatcher.NumberEquals(n.value(), n.text()), valuePath,
          n.risky() ? "unquoted " + YamlNumber.form(n.text()) + n.text() + " is read by YAML as the number " + n.value().toPlainString()
              + "; quote it if the text is meant" : null);
    }
    if (value instanceof YamlBoolean b) {
      return scalarNonString(b.text(), new ValueMatcher.BooleanEquals(b.value()), valuePath,
          b.risky() ? "unquoted " + b.text() + " is read by YAML as the boolean " + b.value()
              + "; quote it if the text is meant" : null);
    }
    if (value instanceof String s) {
      return text(s, valuePath);
    }
    throw new RuleRejection(valuePath, "a value must be a string, number, boolean or null, not "
        + describe(value));
  }

  private ValueMatcher scalarNonString(String text, ValueMatcher typed, String valuePath, String risk)
      throws RuleRejection {
    if (risk != null) {
      warnings.add(valuePath, risk);
    }
    if (keyword) {
      return text(text, valuePath);
    }
    for (Modifier m : modifiers) {
      if (!m.isLinking()) {
        throw new RuleRejection(valuePath, "'" + m.written() + "' needs a string value, got the "
            + (typed instanceof ValueMatcher.BooleanEquals ? "boolean " : "number ") + text
            + " (quote it to make it text)");
      }
    }
    return typed;
  }

  private ValueMatcher numeric(Object value, String valuePath) throws RuleRejection {
    if (!(value instanceof YamlNumber n)) {
      throw new RuleRejection(valuePath, "'" + firstNumeric().written() + "' needs a number, not "
          + describe(value));
    }
    Comparison comparison = Comparison.EQ;
    TimePart part = null;
    for (Modifier m : modifiers) {
      if (m.isComparison()) {
        comparison = Comparison.valueOf(m.name());
      } else if (m.isTimePart()) {
        part = TimePart.valueOf(m.name());
      }
    }
    return part == null ? new ValueMatcher.NumberCompare(comparison, n.value())
        : new ValueMatcher.TimeCompare(part, comparison, n.value());
  }

  private Modifier firstNumeric() {
    return modifiers.stream().filter(m -> m.isComparison() || m.isTimePart()).findFirst().orElseThrow();
  }

  private ValueMatcher fieldRef(String name, String valuePath) throws RuleRejection {
    if (name.contains("*") || name.contains("?")) {
      throw new RuleRejection(valuePath, "a 'fieldref' value is a field name and cannot have wildcards");
    }
    ValueMatcher.Position pos = ValueMatcher.Position.EQUALS;
    if (present.contains(Modifier.CONTAINS)) {
      pos = ValueMatcher.Position.CONTAINS;
    } else if (present.contains(Modifier.STARTSWITH) && present.contains(Modifier.ENDSWITH)) {
      pos = ValueMatcher.Position.CONTAINS;
    } else if (present.contains(Modifier.STARTSWITH)) {
      pos = ValueMatcher.Position.STARTS_WITH;
    } else if (present.contains(Modifier.ENDSWITH)) {
      pos = ValueMatcher.Position.ENDS_WITH;
    }
    return new ValueMatcher.FieldRef(name, pos, present.contains(Modifier.CASED));
  }

  private ValueMatcher text(String raw, String valuePath) throws RuleRejection {
    List<TextValue> alternatives = new ArrayList<>();
    if (present.contains(Modifier.EXPAND)) {
      for (SigmaPattern p : Placeholders.expand(raw, valuePath, settings, warnings)) {
        alternatives.add(TextValue.of(p));
      }
    } else {
      SigmaStrings.warnEscapedWildcard(raw, valuePath, warnings);
      alternatives.add(TextValue.of(SigmaStrings.parse(raw)));
    }
    for (Modifier m : modifiers) {
      alternatives = step(m, alternatives, valuePath);
      if (alternatives.size() > MAX_ALTERNATIVES) {
        throw new RuleRejection(valuePath, "the value expands to more than " + MAX_ALTERNATIVES + " alternatives");
      }
    }
    boolean cased = present.contains(Modifier.CASED);
    List<ValueMatcher> out = new ArrayList<>(alternatives.size());
    for (TextValue t : alternatives) {
      SigmaPattern p = t.pattern();
      if (keyword && !hasPosition()) {
        p = p.withLeadingStar().withTrailingStar();
      }
      out.add(ValueMatcher.text(p, cased || t.base64()));
    }
    return out.size() == 1 ? out.get(0) : new ValueMatcher.AnyOf(out);
  }

  private List<TextValue> step(Modifier m, List<TextValue> in, String valuePath) throws RuleRejection {
    List<TextValue> out = new ArrayList<>(in.size());
    for (TextValue t : in) {
      switch (m) {
        case CONTAINS -> out.add(t.with(t.pattern().withLeadingStar().withTrailingStar()));
        case STARTSWITH -> out.add(t.with(t.pattern().withTrailingStar()));
        case ENDSWITH -> out.add(t.with(t.pattern().withLeadingStar()));
        case WINDASH -> {
          for (SigmaPattern p : Windash.variants(t.pattern(), valuePath)) {
            out.add(TextValue.of(p));
          }
        }
        case WIDE, UTF16LE -> out.add(TextValue.encoded(Encodings.utf16le(literal(t, m, valuePath))));
        case UTF16BE -> out.add(TextValue.encoded(Encodings.utf16be(literal(t, m, valuePath))));
        case UTF16 -> out.add(TextValue.encoded(Encodings.utf16WithBom(literal(t, m, valuePath))));
        case BASE64 -> out.add(TextValue.base64(Encodings.base64(bytes(t, m, valuePath))));
        case BASE64OFFSET -> {
          for (String fragment : Encodings.base64Offsets(bytes(t, m, valuePath))) {
            out.add(TextValue.base64(fragment));
          }
        }
        default -> out.add(t);
      }
    }
    return out;
  }

  private static String literal(TextValue t, Modifier m, String valuePath) throws RuleRejection {
    if (t.pattern().hasWildcards()) {
      throw new RuleRejection(valuePath, "'" + m.written() + "' cannot encode wildcards; escape * and ? as \\* and \\?");
    }
    return t.pattern().core();
  }

  private static byte[] bytes(TextValue t, Modifier m, String valuePath) throws RuleRejection {
    return t.bytes() != null ? t.bytes()
        : literal(t, m, valuePath).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String requireString(Object value, Modifier m, String valuePath) throws RuleRejection {
    if (value instanceof String s) {
      return s;
    }
    throw new RuleRejection(valuePath, "'" + m.written() + "' needs a string value, got " + describe(value)
        + " (quote it to make it text)");
  }

  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof YamlNumber n) {
      return "the number " + n.text();
    }
    if (value instanceof YamlBoolean b) {
      return "the boolean " + b.text();
    }
    if (value instanceof String s) {
      return "the string '" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
    }
    if (value instanceof java.util.Map) {
      return "a map";
    }
    if (value instanceof List) {
      return "a list";
    }
    return String.valueOf(value);
  }

  /**
   * One alternative while the chain runs: a pattern, or bytes from a text encoding (read as
   * ISO-8859-1 characters when no base64 follows); {@code base64} marks Base64 output, matched
   * case-sensitively (semantics D11).
   */
  private record TextValue(SigmaPattern pattern, byte[] bytes, boolean base64) {
    static TextValue of(SigmaPattern p) {
      return new TextValue(p, null, false);
    }

    static TextValue encoded(byte[] b) {
      return new TextValue(SigmaPattern.literal(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)), b,
          false);
    }

    /** Another pattern; encoded bytes become their text, Base64 output stays case-sensitive. */
    TextValue with(SigmaPattern p) {
      return new TextValue(p, null, base64);
    }

    static TextValue base64(String text) {
      return new TextValue(SigmaPattern.literal(text), null, true);
    }
  }
}
