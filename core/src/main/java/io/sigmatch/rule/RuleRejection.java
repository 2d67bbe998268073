package io.sigmatch.rule;

/** Thrown inside the parser when a document cannot load; becomes an error {@link Diagnostic}. */
final class RuleRejection extends Exception {
  private final String path;

  RuleRejection(String path, String message) {
    super(message, null, false, false);
    this.path = path;
  }

  String path() {
    return path;
  }
}
