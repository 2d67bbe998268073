package io.sigmatch.engine;

import static io.sigmatch.engine.EngineFixture.event;
import static io.sigmatch.engine.EngineFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One small rule set per kind of predicate, each event chosen on the edge of the kind's structure
 * (equality table, tries, needle automaton, checks, numbers, networks, time parts, field
 * references). Every verdict is also the reference evaluator's (see {@link EngineFixture}).
 */
class EngineValueKindsTest {

  @Test
  void textEqualityIsCaseInsensitiveAndExact() {
    EngineFixture f = EngineFixture.of(rule("eq", "  sel:\n    User: 'SYSTEM'\n  condition: sel")
        + rule("eq2", "  sel:\n    User: 'Admin'\n  condition: sel"));
    assertEquals(List.of("eq"), f.titles(event("User", "system")));
    assertEquals(List.of("eq2"), f.titles(event("User", "ADMIN")));
    assertEquals(List.of(), f.titles(event("User", "SYSTEMX")));
    assertEquals(List.of(), f.titles(event("User", "SYSTE")));
    assertEquals(List.of(), f.titles(event("User", "a much longer value than any key")));
    assertEquals(List.of(), f.titles(event("Other", "SYSTEM")));
  }

  @Test
  void equalKeysInOneCollidingSlotAreTellApart() {
    // "Aa" and "BB" share a String hash code, so the table must probe past the first.
    EngineFixture f = EngineFixture.of(rule("aa", "  sel:\n    F|cased: 'Aa'\n  condition: sel")
        + rule("bb", "  sel:\n    F|cased: 'BB'\n  condition: sel")
        + rule("cc", "  sel:\n    F|cased: 'C'\n  condition: sel"));
    assertEquals(List.of("aa"), f.titles(event("F", "Aa")));
    assertEquals(List.of("bb"), f.titles(event("F", "BB")));
    assertEquals(List.of("cc"), f.titles(event("F", "C")));
    assertEquals(List.of(), f.titles(event("F", "aa")));
    assertEquals(List.of(), f.titles(event("F", "Ab")));
  }

  @Test
  void casedTextDiffersFromFoldedText() {
    EngineFixture f = EngineFixture.of(
        rule("cased-eq", "  sel:\n    User|cased: 'SYSTEM'\n  condition: sel")
            + rule("cased-contains", "  sel:\n    Cmd|cased|contains: 'FromBase64'\n  condition: sel")
            + rule("folded-contains", "  sel:\n    Cmd|contains: 'frombase64'\n  condition: sel")
            + rule("cased-start", "  sel:\n    Cmd|cased|startswith: 'Pow'\n  condition: sel")
            + rule("cased-end", "  sel:\n    Cmd|cased|endswith: 'EXE'\n  condition: sel"));
    assertEquals(List.of("cased-eq"), f.titles(event("User", "SYSTEM")));
    assertEquals(List.of(), f.titles(event("User", "System")));
    assertEquals(List.of("cased-contains", "folded-contains"), f.titles(event("Cmd", "x FromBase64String")));
    assertEquals(List.of("folded-contains"), f.titles(event("Cmd", "x FROMBASE64STRING")));
    assertEquals(List.of("cased-start", "cased-end"), f.titles(event("Cmd", "Pow.EXE")));
    assertEquals(List.of(), f.titles(event("Cmd", "pow.exe")));
  }

  @Test
  void prefixSuffixAndContainsHoldOnlyWhereTheyShould() {
    EngineFixture f = EngineFixture.of(
        rule("start", "  sel:\n    Image|startswith: 'C:\\Windows\\'\n  condition: sel")
            + rule("end", "  sel:\n    Image|endswith: '\\cmd.exe'\n  condition: sel")
            + rule("contains", "  sel:\n    Image|contains: 'system32'\n  condition: sel")
            + rule("any", "  sel:\n    Image: '*'\n  condition: sel"));
    assertEquals(List.of("start", "end", "contains", "any"), f.titles(event("Image", "c:\\windows\\SYSTEM32\\CMD.EXE")));
    assertEquals(List.of("end", "any"), f.titles(event("Image", "D:\\cmd.exe")));
    assertEquals(List.of("start", "any"), f.titles(event("Image", "C:\\Windows\\x.exe")));
    assertEquals(List.of("any"), f.titles(event("Image", "")));
    assertEquals(List.of("any"), f.titles(event("Image", 42)));
    assertEquals(List.of(), f.titles(event("Image", (Object) null)));
    assertEquals(List.of(), f.titles(event("Other", "C:\\Windows\\cmd.exe")));
  }

  @Test
  void globsWithInnerWildcardsRunAsChecks() {
    EngineFixture f = EngineFixture.of(
        rule("guarded", "  sel:\n    Cmd: '*power*shell?exe*'\n  condition: sel")
            + rule("unguarded", "  sel:\n    Cmd: 'a?c'\n  condition: sel")
            + rule("cased", "  sel:\n    Cmd|cased: '*Power*Shell*'\n  condition: sel"));
    assertEquals(List.of("guarded"), f.titles(event("Cmd", "x POWER y shell.exe z")));
    assertEquals(List.of(), f.titles(event("Cmd", "x power y shellexe")));
    assertEquals(List.of("unguarded"), f.titles(event("Cmd", "ABC")));
    assertEquals(List.of(), f.titles(event("Cmd", "abbc")));
    assertEquals(List.of("cased"), f.titles(event("Cmd", "PowerShell")));
    assertEquals(List.of(), f.titles(event("Cmd", "powershell")));
  }

  @Test
  void regexesAreFoundInTheRawValue() {
    EngineFixture f = EngineFixture.of(
        rule("guarded", "  sel:\n    Cmd|re: 'invoke-[a-z]+ -enc'\n  condition: sel")
            + rule("unguarded", "  sel:\n    Cmd|re: '^[0-9]{3}$'\n  condition: sel")
            + rule("insensitive", "  sel:\n    Cmd|re|i: 'MIMIKATZ'\n  condition: sel")
            + rule("run", "  sel:\n    Cmd|re: '[A-Za-z0-9+/]{12,}'\n  condition: sel"));
    assertEquals(List.of("guarded"), f.titles(event("Cmd", "x invoke-expr -enc y")));
    assertEquals(List.of(), f.titles(event("Cmd", "x INVOKE-EXPR -ENC y")));
    assertEquals(List.of("unguarded"), f.titles(event("Cmd", "123")));
    assertEquals(List.of(), f.titles(event("Cmd", "12")));
    assertEquals(List.of(), f.titles(event("Cmd", "1234")));
    assertEquals(List.of("unguarded"), f.titles(event("Cmd", 123)));
    assertEquals(List.of("insensitive"), f.titles(event("Cmd", "a MimiKatz b")));
    assertEquals(List.of("run"), f.titles(event("Cmd", "AAAAbbbb1234")));
    assertEquals(List.of(), f.titles(event("Cmd", "AAAAbbbb123")));
  }

  @Test
  void numbersCompareByValueNotByText() {
    EngineFixture f = EngineFixture.of(
        rule("port", "  sel:\n    Port:\n      - 80\n      - 443\n  condition: sel")
            + rule("neg", "  sel:\n    Port: -5\n  condition: sel")
            + rule("dec", "  sel:\n    Ratio: 1.5\n  condition: sel")
            + rule("big", "  sel:\n    Id: 12345678901234567890\n  condition: sel"));
    assertEquals(List.of("port"), f.titles(event("Port", 80)));
    assertEquals(List.of("port"), f.titles(event("Port", "443")));
    assertEquals(List.of("port"), f.titles(event("Port", 443L)));
    assertEquals(List.of("port"), f.titles(event("Port", "+443")));
    assertEquals(List.of("port"), f.titles(event("Port", 80.0)));
    assertEquals(List.of(), f.titles(event("Port", "8443")));
    assertEquals(List.of(), f.titles(event("Port", 81)));
    assertEquals(List.of("neg"), f.titles(event("Port", "-5")));
    assertEquals(List.of("neg"), f.titles(event("Port", -5)));
    assertEquals(List.of(), f.titles(event("Port", "5")));
    assertEquals(List.of(), f.titles(event("Port", "-")));
    assertEquals(List.of(), f.titles(event("Port", "4x3")));
    assertEquals(List.of("dec"), f.titles(event("Ratio", "1.50")));
    assertEquals(List.of("dec"), f.titles(event("Ratio", 1.5)));
    assertEquals(List.of(), f.titles(event("Ratio", "1")));
    assertEquals(List.of("big"), f.titles(event("Id", "12345678901234567890")));
    assertEquals(List.of(), f.titles(event("Id", "1234567890123456789")));
  }

  @Test
  void smallIntegerTypesReadAsNumbersAndText() {
    EngineFixture f = EngineFixture.of(
        rule("num", "  sel:\n    N: 7\n  condition: sel")
            + rule("text", "  sel:\n    T|endswith: '7'\n  condition: sel")
            + rule("gt", "  sel:\n    G|gt: 6\n  condition: sel"));
    for (Object seven : List.of((byte) 7, (short) 7, 7, 7L)) {
      assertEquals(List.of("num", "text", "gt"), f.titles(event("N", seven, "T", seven, "G", seven)));
    }
    assertEquals(List.of(), f.titles(event("N", (short) 6, "T", (byte) 6, "G", (byte) 6)));
  }

  @Test
  void digitStringsLongerThanALongStillCompare() {
    EngineFixture f = EngineFixture.of(rule("gt", "  sel:\n    N|gt: 100\n  condition: sel")
        + rule("eq", "  sel:\n    N: 123456789012345678\n  condition: sel"));
    assertEquals(List.of("gt", "eq"), f.titles(event("N", "123456789012345678")));
    assertEquals(List.of("gt"), f.titles(event("N", "1234567890123456789")));
    assertEquals(List.of("gt"), f.titles(event("N", "99999999999999999999999")));
    assertEquals(List.of(), f.titles(event("N", "-99999999999999999999999")));
    assertEquals(List.of("gt"), f.titles(event("N", "100.5")));
    assertEquals(List.of(), f.titles(event("N", "100")));
    assertEquals(List.of(), f.titles(event("N", "")));
    assertEquals(List.of(), f.titles(event("N", "+")));
  }

  @Test
  void thresholdsHoldOnTheRightSide() {
    EngineFixture f = EngineFixture.of(
        rule("gt", "  sel:\n    N|gt: 10\n  condition: sel")
            + rule("gte", "  sel:\n    N|gte: 10\n  condition: sel")
            + rule("lt", "  sel:\n    N|lt: 10\n  condition: sel")
            + rule("lte", "  sel:\n    N|lte: 10\n  condition: sel"));
    assertEquals(List.of("gt", "gte"), f.titles(event("N", 11)));
    assertEquals(List.of("gte", "lte"), f.titles(event("N", "10")));
    assertEquals(List.of("gte", "lte"), f.titles(event("N", "10.0")));
    assertEquals(List.of("lt", "lte"), f.titles(event("N", "9.99")));
    assertEquals(List.of(), f.titles(event("N", "ten")));
    assertEquals(List.of(), f.titles(event("N", true)));
  }

  @Test
  void networksMatchAddressesInside() {
    EngineFixture f = EngineFixture.of(
        rule("v4", "  sel:\n    Ip|cidr: '10.0.0.0/8'\n  condition: sel")
            + rule("v6", "  sel:\n    Ip|cidr: 'fe80::/10'\n  condition: sel"));
    assertEquals(List.of("v4"), f.titles(event("Ip", "10.1.2.3")));
    assertEquals(List.of(), f.titles(event("Ip", "11.1.2.3")));
    assertEquals(List.of("v6"), f.titles(event("Ip", "FE80::1")));
    assertEquals(List.of(), f.titles(event("Ip", "not an address")));
    assertEquals(List.of("v4"), f.titles(event("Ip", List.of("1.1.1.1", "10.9.9.9"))));
  }

  @Test
  void timePartsCompareWithIntegralAndFractionalThresholds() {
    EngineFixture f = EngineFixture.of(
        rule("hour3", "  sel:\n    T|hour: 3\n  condition: sel")
            + rule("hour-gte", "  sel:\n    T|hour|gte: 20\n  condition: sel")
            + rule("hour-lt", "  sel:\n    T|hour|lt: 2.5\n  condition: sel")
            + rule("hour-gt", "  sel:\n    T|hour|gt: 2.5\n  condition: sel")
            + rule("min-lte", "  sel:\n    T|minute|lte: 5\n  condition: sel")
            + rule("huge", "  sel:\n    T|year|lt: 99999999999999999\n  condition: sel")
            + rule("tiny", "  sel:\n    T|year|gt: -99999999999999999\n  condition: sel"));
    assertEquals(List.of("hour3", "hour-gt", "min-lte", "huge", "tiny"), f.titles(event("T", "2024-05-01 03:05:00")));
    assertEquals(List.of("hour-lt", "huge", "tiny"), f.titles(event("T", "2024-05-01T02:59:00Z")));
    assertEquals(List.of("hour-gte", "hour-gt", "huge", "tiny"), f.titles(event("T", "2024-05-01T21:06:00")));
    assertEquals(List.of("hour-gte", "hour-gt", "min-lte", "huge", "tiny"), f.titles(event("T", "2024-05-01T20:00:00")));
    assertEquals(List.of(), f.titles(event("T", "not a time")));
    assertEquals(List.of(), f.titles(event("T", 2024)));
  }

  @Test
  void fieldReferencesCompareWithTheOtherFieldOfTheSameEvent() {
    EngineFixture f = EngineFixture.of(
        rule("eq", "  sel:\n    A|fieldref: B\n  condition: sel")
            + rule("contains", "  sel:\n    A|fieldref|contains: B\n  condition: sel")
            + rule("cased", "  sel:\n    C|fieldref|cased: B\n  condition: sel"));
    assertEquals(List.of("eq", "contains"), f.titles(event("A", "Admin", "B", "admin")));
    assertEquals(List.of("contains"), f.titles(event("A", "x admin y", "B", "ADMIN")));
    assertEquals(List.of(), f.titles(event("A", "x", "B", "y")));
    assertEquals(List.of(), f.titles(event("A", "x")));
    assertEquals(List.of("eq", "contains"), f.titles(event("A", "x", "B", List.of("y", "X"))));
    assertEquals(List.of("eq", "contains"), f.titles(event("A", 5, "B", "5")));
    assertEquals(List.of(), f.titles(event("A", "null", "B", (Object) null)));
    assertEquals(List.of("cased"), f.titles(event("C", "Admin", "B", "Admin")));
    assertEquals(List.of(), f.titles(event("C", "Admin", "B", "admin")));
  }

  @Test
  void nullAndExistsTellAbsentFromNull() {
    EngineFixture f = EngineFixture.of(
        rule("null", "  sel:\n    F: null\n  condition: sel")
            + rule("exists", "  sel:\n    F|exists: true\n  condition: sel")
            + rule("missing", "  sel:\n    F|exists: false\n  condition: sel")
            + rule("text", "  sel:\n    F: 'x'\n  condition: sel"));
    assertEquals(List.of("null", "missing"), f.titles(event("G", "x")));
    assertEquals(List.of("null", "exists"), f.titles(event("F", (Object) null)));
    assertEquals(List.of("exists", "text"), f.titles(event("F", "X")));
    assertEquals(List.of("null", "exists", "text"), f.titles(event("F", Arrays.asList("x", null))));
    assertEquals(List.of("exists"), f.titles(event("F", Map.of("x", "x"))));
  }

  @Test
  void booleansCompareAsTheirText() {
    EngineFixture f = EngineFixture.of(rule("t", "  sel:\n    B: true\n  condition: sel")
        + rule("f", "  sel:\n    B: 'false'\n  condition: sel"));
    assertEquals(List.of("t"), f.titles(event("B", true)));
    assertEquals(List.of("t"), f.titles(event("B", "TRUE")));
    assertEquals(List.of("f"), f.titles(event("B", false)));
    assertEquals(List.of(), f.titles(event("B", 1)));
  }

  @Test
  void listValuesHoldWhenSomeElementHolds() {
    EngineFixture f = EngineFixture.of(rule("any", "  sel:\n    F|contains: 'evil'\n  condition: sel")
        + rule("all", "  sel:\n    F|contains|all:\n      - 'a1'\n      - 'b2'\n  condition: sel"));
    assertEquals(List.of("any"), f.titles(event("F", List.of("good", "very evil"))));
    assertEquals(List.of("all"), f.titles(event("F", List.of("a1", "b2"))));
    assertEquals(List.of(), f.titles(event("F", List.of("a1", List.of("x")))));
    assertEquals(List.of(), f.titles(event("F", List.of())));
  }
}
