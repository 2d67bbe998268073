package io.sigmatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the benchmark data is: the shared SigmaHQ rules and OTRF events ({@code /work/shared}
 * layout) when present, else the rules and corpus shipped in the repository. The shared folder is
 * the system property {@code sigmatch.shared}, else the environment variable
 * {@code SIGMATCH_SHARED}, else {@code <repo>/../shared}. The repository is found by walking up
 * from the working directory to the first folder holding {@code corpus/windows-sample.jsonl}, so
 * the benchmarks run from the repository root or from {@code benchmarks/}.
 */
final class SharedData {
  /** The SigmaHQ folders whose rules are active (the others are deprecated or unsupported). */
  static final List<String> ACTIVE_RULE_FOLDERS = List.of(
      "rules", "rules-emerging-threats", "rules-threat-hunting", "rules-placeholder", "rules-compliance");

  /** Decided once per JVM, so the fallback notice is printed once. */
  private static final Path SHARED = locateShared();

  private SharedData() {}

  /** The repository root. */
  static Path repo() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("corpus").resolve("windows-sample.jsonl"))) {
        return p;
      }
    }
    throw new IllegalStateException("no sigmatch repository (corpus/windows-sample.jsonl) above " + dir);
  }

  /** The shared data folder, or {@code null} when it is absent. */
  static Path shared() {
    return SHARED;
  }

  private static Path locateShared() {
    String configured = System.getProperty("sigmatch.shared");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("SIGMATCH_SHARED");
    }
    Path dir = configured == null || configured.isBlank()
        ? repo().resolve("..").resolve("shared").normalize()
        : Path.of(configured);
    if (Files.isDirectory(dir.resolve("sigma")) && Files.isDirectory(dir.resolve("events"))) {
      return dir;
    }
    System.out.println("[sigmatch-bench] shared data not found at " + dir
        + ": falling back to the shipped rules/ and corpus/");
    return null;
  }

  /** The rule folders to load: the active SigmaHQ folders, or the shipped {@code rules/}. */
  static List<Path> ruleFolders() {
    Path shared = shared();
    if (shared == null) {
      return List.of(repo().resolve("rules"));
    }
    List<Path> out = new ArrayList<>();
    for (String name : ACTIVE_RULE_FOLDERS) {
      Path p = shared.resolve("sigma").resolve(name);
      if (Files.isDirectory(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /** The OTRF Windows event folder, or {@code null} when the shared data is absent. */
  static Path windowsEvents() {
    Path shared = shared();
    return shared == null ? null : shared.resolve("events").resolve("otrf-security-datasets").resolve("windows");
  }

  /** The shipped event corpus. */
  static Path corpus() {
    return repo().resolve("corpus").resolve("windows-sample.jsonl");
  }
}
