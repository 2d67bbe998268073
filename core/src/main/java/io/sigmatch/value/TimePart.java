package io.sigmatch.value;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * A part of a date-time event value, for the Sigma time modifiers ({@code minute} … {@code year}).
 *
 * <p>The value is read as ISO 8601: {@code YYYY-MM-DD}, then {@code T} or a space, then
 * {@code hh:mm}, optional {@code :ss}, optional fraction, optional {@code Z} or offset. The parts
 * are taken as written: no time-zone conversion (semantics D22). A date without a time has a day,
 * week, month and year but no hour or minute. Weeks are ISO weeks (1–53).
 *
 * <pre>{@code
 * TimePart.HOUR.of("2024-05-01 03:15:00.123")  // 3
 * TimePart.WEEK.of("2021-01-03T10:00:00Z")     // 53
 * TimePart.HOUR.of("yesterday")                // -1
 * }</pre>
 *
 * <p>Cost: O(1) beyond scanning the fraction digits.
 */
public enum TimePart {
  MINUTE, HOUR, DAY, WEEK, MONTH, YEAR;

  /** The modifier name, e.g. {@code hour}. */
  public String modifier() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The part of {@code text}, or -1 when the text is not a date-time that has this part. */
  public int of(String text) {
    int n = text.length();
    if (n < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return -1;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
      return -1;
    }
    int hour = -1;
    int minute = -1;
    if (n > 10) {
      char sep = text.charAt(10);
      if ((sep != 'T' && sep != ' ') || n < 16 || text.charAt(13) != ':') {
        return -1;
      }
      hour = digits(text, 11, 2);
      minute = digits(text, 14, 2);
      if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || !validTail(text, 16)) {
        return -1;
      }
    }
    return switch (this) {
      case MINUTE -> minute;
      case HOUR -> hour;
      case DAY -> day;
      case MONTH -> month;
      case YEAR -> year;
      case WEEK -> LocalDate.of(year, month, day).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    };
  }

  private static boolean validTail(String s, int from) {
    int n = s.length();
    int i = from;
    if (i < n && s.charAt(i) == ':') {
      int sec = digits(s, i + 1, 2);
      if (sec < 0 || sec > 60) {
        return false;
      }
      i += 3;
      if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
        int j = i + 1;
        while (j < n && isDigit(s.charAt(j))) {
          j++;
        }
        if (j == i + 1) {
          return false;
        }
        i = j;
      }
    }
    if (i == n) {
      return true;
    }
    char z = s.charAt(i);
    if (z == 'Z' || z == 'z') {
      return i + 1 == n;
    }
    if (z == '+' || z == '-') {
      String off = s.substring(i + 1);
      return off.matches("\\d\\d(:?\\d\\d)?");
    }
    return false;
  }

  private static int digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int daysIn(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }
}
