package io.sigmatch.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared test data (SigmaHQ rules, regression samples, real events): the system
 * property {@code sigmatch.shared}, else the environment variable {@code SIGMATCH_SHARED}, else
 * {@code ../shared} beside the repository. Missing data fails the test when {@code CI=true} and
 * skips it elsewhere, with a message saying how to get it.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared folder; skips or fails the calling test when it is missing. */
  public static Path root() {
    Path root = locate();
    if (!Files.isDirectory(root.resolve("sigma"))) {
      String message = "shared test data not found at " + root.toAbsolutePath()
          + ": put the sigmatch shared folder (sigma/, sigma-regression/, events/) beside the repository,"
          + " or point -Dsigmatch.shared=DIR or SIGMATCH_SHARED at it";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    return root;
  }

  /** The repository root (where the shipped rules and corpus are). */
  public static Path repository() {
    String home = System.getProperty("sigmatch.home");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("rules")) ? here : here.getParent();
  }

  private static Path locate() {
    String prop = System.getProperty("sigmatch.shared");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String env = System.getenv("SIGMATCH_SHARED");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return repository().resolve("..").resolve("shared").normalize();
  }

  /** The five active SigmaHQ rule folders. */
  public static java.util.List<Path> activeRuleFolders() {
    Path sigma = root().resolve("sigma");
    return java.util.List.of(sigma.resolve("rules"), sigma.resolve("rules-emerging-threats"),
        sigma.resolve("rules-threat-hunting"), sigma.resolve("rules-placeholder"), sigma.resolve("rules-compliance"));
  }
}
