package io.sigmatch.properties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;

/** Event-side values: numbers in every form a collector writes, booleans, date-times, noise. */
final class EventValues {
  private EventValues() {}

  /**
   * The number in a form an event may carry: Integer, Long, Double, Float, Short, BigInteger,
   * BigDecimal, or text ({@code "80"}, {@code "80.0"}, {@code "+80"}, {@code "8e1"}, {@code "080"}).
   */
  static Gen<Object> number(BigDecimal v) {
    return Gen.ints(0, 12).map(form -> numberForm(v, form));
  }

  static Object numberForm(BigDecimal v, int form) {
    BigDecimal s = v.stripTrailingZeros();
    boolean integral = s.scale() <= 0;
    return switch (form) {
      case 0 -> integral && s.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) < 0 ? (Object) s.intValueExact()
          : v.toPlainString();
      case 1 -> integral && s.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) < 0 ? (Object) s.longValueExact()
          : v;
      case 2 -> BigDecimal.valueOf(v.doubleValue()).compareTo(v) == 0 ? (Object) v.doubleValue() : v.toPlainString();
      case 3 -> v;
      case 4 -> v.toPlainString();
      case 5 -> integral ? s.toBigInteger() + ".0" : v.toPlainString() + "0";
      case 6 -> v.signum() >= 0 ? "+" + v.toPlainString() : v.toPlainString();
      case 7 -> v.unscaledValue() + "e" + (-v.scale());
      case 8 -> v.signum() >= 0 ? "0" + v.toPlainString() : v.toPlainString();
      case 9 -> v.floatValue();
      case 10 -> integral && s.abs().compareTo(BigDecimal.valueOf(Short.MAX_VALUE)) < 0 ? (Object) s.shortValueExact()
          : v.toPlainString();
      case 11 -> integral ? s.toBigInteger() : v.toPlainString();
      default -> s.toPlainString();
    };
  }

  /** Near a number but not equal, or not a number at all. */
  static Gen<Object> notNumber(BigDecimal v) {
    return Gen.oneOf(
        Gen.combine(Gen.of(BigDecimal.ONE, new BigDecimal("0.001"), BigDecimal.TEN),
                Gen.of(-1, 1), Gen.ints(0, 12), (d, sign, form) -> numberForm(v.add(d.multiply(BigDecimal.valueOf(sign))), form)),
        Gen.of(v.toPlainString() + " ", " " + v.toPlainString(), "0x" + v.toBigInteger().toString(16),
            v.toPlainString() + v.toPlainString(), "", "NaN", v.toPlainString().replace('.', ',')),
        Gen.of(Double.NaN, Double.POSITIVE_INFINITY, true));
  }

  /** A boolean as an event may carry it. */
  static Gen<Object> bool(boolean v) {
    String t = Boolean.toString(v);
    return Gen.of(v, t, t.toUpperCase(java.util.Locale.ROOT), Character.toUpperCase(t.charAt(0)) + t.substring(1),
        List.of(v));
  }

  static Gen<Object> notBool(boolean v) {
    return Gen.of(!v, Boolean.toString(!v), "yes", "1", 1, v ? "truee" : "fals", " " + v);
  }

  /** Random text, numbers and the odd structure: values nobody's rule is aimed at. */
  static Gen<Object> noise() {
    return Memo.of(() -> {
      return Gen.frequency(
          Gen.w(6, SigmaValues.textShortOrLong()),
          Gen.w(2, Gen.ints(-5, 70000)),
          Gen.w(1, Gen.of(true, false)),
          Gen.w(1, Gen.of(0.5, 80.0, 1e20, -0.0)),
          Gen.w(1, Gen.just((Object) null)),
          Gen.w(1, SigmaValues.text(4).list(0, 3).map(l -> (Object) l)),
          Gen.w(1, SigmaValues.text(4).map(s -> (Object) java.util.Map.of("k", s))));
    }, "noise");
  }

  /**
   * A date-time whose {@code part} (minute … year) has the given value, in one of the forms
   * §D22 reads: space or {@code T}, optional seconds, fraction, {@code Z} or offset; or a date only.
   */
  static Gen<String> dateTime(String part, int value) {
    return Gen.combine(Gen.ints(2019, 2026), Gen.ints(1, 12),
            Gen.ints(1, 28), Gen.ints(0, 23),
            Gen.ints(0, 59), Gen.ints(0, 5), (y, mo, d, h, mi, form) -> {
          LocalDate date = LocalDate.of(y, mo, d);
          int hour = h;
          int minute = mi;
          switch (part) {
            case "minute" -> minute = Math.floorMod(value, 60);
            case "hour" -> hour = Math.floorMod(value, 24);
            case "day" -> date = LocalDate.of(y, mo, Math.max(1, Math.min(value, date.lengthOfMonth())));
            case "month" -> date = LocalDate.of(y, Math.max(1, Math.min(value, 12)), d);
            case "year" -> date = LocalDate.of(Math.max(1, Math.min(value, 9999)), mo, d);
            default -> {
              int weeks = (int) date.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
              date = date.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Math.max(1, Math.min(value, weeks)));
            }
          }
          return format(date, hour, minute, form);
        });
  }

  static String format(LocalDate date, int hour, int minute, int form) {
    String d = String.format("%04d-%02d-%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    String t = String.format("%02d:%02d", hour, minute);
    return switch (form) {
      case 0 -> d + " " + t + ":00.123";
      case 1 -> d + "T" + t + ":59Z";
      case 2 -> d + "T" + t + "+02:00";
      case 3 -> d + " " + t;
      case 4 -> d + "T" + t + ":07,5-0130";
      default -> d;
    };
  }

  /** Texts that are not date-times the time modifiers read. */
  static Gen<Object> notDateTime() {
    return Memo.of(() -> {
      return Gen.of("yesterday", "2024-02-30 10:00:00", "2024-05-01 24:00:00", "2024/05/01 03:15:00",
          "24-05-01 03:15", "2024-05-01 03:15:00 ", 1714533300, "2024-05-01T03:15:00.Z", "");
    }, "notDateTime");
  }
}
