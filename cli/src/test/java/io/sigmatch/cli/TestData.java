package io.sigmatch.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the repository (shipped rules, corpus, placeholders) and the shared data (SigmaHQ rules)
 * are. The repository: the system property {@code sigmatch.home} (set by the pom), else the working
 * folder or its parent. The shared folder: {@code sigmatch.shared}, else {@code SIGMATCH_SHARED},
 * else {@code ../shared} beside the repository; missing, it fails the test when {@code CI=true}
 * and skips it elsewhere.
 */
final class TestData {
  private TestData() {}

  static Path home() {
    String home = System.getProperty("sigmatch.home");
    if (home != null && !home.isBlank() && !home.startsWith("${")) {
      return Path.of(home);
    }
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("rules")) ? here : here.getParent();
  }

  static Path rules() {
    return home().resolve("rules");
  }

  static Path placeholders() {
    return home().resolve("config").resolve("placeholders.yml");
  }

  static Path sample() {
    return home().resolve("corpus").resolve("windows-sample.jsonl");
  }

  /** The options that load the shipped rules as the CLI does by default. */
  static List<String> shippedRuleArgs() {
    return List.of("--rules", rules().toString(), "--placeholders", placeholders().toString());
  }

  /** The shared folder; skips (or, on CI, fails) the calling test when it is missing. */
  static Path shared() {
    Path root = locateShared();
    if (!Files.isDirectory(root.resolve("sigma").resolve("rules"))) {
      String message = "shared SigmaHQ rules not found at " + root.resolve("sigma").toAbsolutePath()
          + ": put the shared folder beside the repository or point -Dsigmatch.shared=DIR or SIGMATCH_SHARED at it";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    return root;
  }

  /** The five active SigmaHQ rule folders. */
  static List<Path> sigmaHqFolders() {
    Path sigma = shared().resolve("sigma");
    return List.of(sigma.resolve("rules"), sigma.resolve("rules-emerging-threats"),
        sigma.resolve("rules-threat-hunting"), sigma.resolve("rules-placeholder"), sigma.resolve("rules-compliance"));
  }

  private static Path locateShared() {
    String prop = System.getProperty("sigmatch.shared");
    if (prop != null && !prop.isBlank() && !prop.startsWith("${")) {
      return Path.of(prop);
    }
    String env = System.getenv("SIGMATCH_SHARED");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return home().resolve("..").resolve("shared").normalize();
  }
}
