package io.sigmatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project's own rules, corpus and placeholder file are: under {@code SIGMATCH_HOME}
 * (set by the {@code ./sigmatch} launcher to the repository) or else the working folder.
 */
final class Defaults {
  private Defaults() {}

  static Path home() {
    String env = System.getenv("SIGMATCH_HOME");
    return env == null || env.isBlank() ? Path.of("") : Path.of(env);
  }

  static Path rules() {
    return home().resolve("rules");
  }

  static Path corpus() {
    return home().resolve("corpus");
  }

  /** The shipped placeholder values, when present. */
  static Path placeholders() {
    Path p = home().resolve("config").resolve("placeholders.yml");
    return Files.isRegularFile(p) ? p : null;
  }
}
