package io.sigmatch.properties;

import io.sigmatch.properties.ModifierChains.Family;
import java.util.ArrayList;
import java.util.List;

/**
 * The field names a rule's items use: its logsource's favourites, common ones (dotted names,
 * a name with spaces, {@code EventID}) and per family the natural ones (IP fields for cidr,
 * {@code UtcTime} for time parts, ports and counts for numbers). A {@code prefix} renames them
 * all, for rules that must not share fields with others.
 */
record FieldNames(List<String> favoured, String prefix) {

  static FieldNames of(Logsources.Spec logsource) {
    return new FieldNames(logsource.fields(), "");
  }

  FieldNames withPrefix(String p) {
    return new FieldNames(favoured, p);
  }

  List<String> all() {
    List<String> out = new ArrayList<>(favoured);
    Logsources.COMMON.stream().filter(f -> !out.contains(f)).forEach(out::add);
    return out.stream().map(f -> prefix + f).toList();
  }

  Gen<String> any() {
    return Memo.of(() -> {
      return Gen.frequency(
          Gen.w(3, Gen.of(favoured).map(f -> prefix + f)),
          Gen.w(1, Gen.of(all())));
    }, "fields", this);
  }

  Gen<String> forFamily(Family family) {
    return Memo.of(() -> {
      List<String> natural = switch (family) {
        case CIDR -> Networks.IP_FIELDS;
        case TIME -> List.of("UtcTime", "CreationUtcTime");
        case NUMBER, COMPARE -> List.of("DestinationPort", "Count", "Score", "LogonType", "EventID");
        case BOOLEAN -> List.of("Initiated", "Enabled");
        case ENCODED -> List.of("CommandLine", "Data", "ScriptBlockText");
        default -> List.of();
      };
      if (natural.isEmpty()) {
        return any();
      }
      return Gen.frequency(
          Gen.w(2, Gen.of(natural).map(f -> prefix + f)),
          Gen.w(1, any()));
    }, "fieldsFor", this, family);
  }
}
