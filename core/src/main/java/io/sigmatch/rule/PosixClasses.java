package io.sigmatch.rule;

/**
 * RE2's POSIX classes inside brackets ({@code [[:alpha:]]}, {@code [[:^digit:]]}), as the regex
 * pre-scans read them: where one ends. O(1): looks no further than the longest name RE2 knows,
 * {@code [:^xdigit:]}; a farther {@code :]} makes RE2 reject the regex anyway.
 */
final class PosixClasses {
  private static final int LONGEST = "[:^xdigit:]".length();

  private PosixClasses() {}

  /** The end of a POSIX class starting at {@code at} in {@code regex}, or -1 when none starts there. */
  static int end(String regex, int at) {
    if (!regex.startsWith("[:", at)) {
      return -1;
    }
    int limit = Math.min(regex.length() - 1, at + LONGEST - 1);
    for (int i = at + 2; i < limit; i++) {
      if (regex.charAt(i) == ':' && regex.charAt(i + 1) == ']') {
        return i + 2;
      }
    }
    return -1;
  }
}
