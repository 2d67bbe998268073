package io.sigmatch.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.rule.Diagnostic;
import io.sigmatch.rule.RuleLoader;
import io.sigmatch.rule.RuleSet;
import io.sigmatch.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule of the SigmaHQ collection loads. */
class SigmaHqCorpusTest {

  /**
   * The active folders load with no rejection when placeholders may stay unresolved (no site has
   * values for SigmaHQ's placeholders such as %domain_controller_hostnames%).
   */
  @Test
  void activeFoldersLoadWithoutRejection() {
    RuleSet set = RuleLoader.builder().rejectUnresolvedPlaceholders(false).build()
        .load(SharedData.activeRuleFolders());
    assertEquals(List.of(), set.errors());
    assertTrue(set.rules().size() >= 3700, "rules loaded: " + set.rules().size());
  }

  /**
   * With the default, strict placeholder policy the only rejections are rules whose placeholders
   * have no configured value: the specification asks a tool that cannot resolve one to reject.
   */
  @Test
  void strictPlaceholdersRejectOnlyUnresolvedPlaceholders() {
    RuleSet set = RuleLoader.builder().build().load(SharedData.activeRuleFolders());
    for (Diagnostic d : set.errors()) {
      assertTrue(d.message().contains("placeholder") && d.path().contains("|expand"), d.toString());
    }
    assertTrue(set.errors().size() < 40, "rejections: " + set.errors().size());
  }

  /** deprecated/ and unsupported/ load or are rejected one by one, without a crash. */
  @Test
  void deprecatedAndUnsupportedLoadOrRejectCleanly() {
    Path sigma = SharedData.root().resolve("sigma");
    RuleSet deprecated = RuleLoader.builder().build().load(List.of(sigma.resolve("deprecated")));
    RuleSet unsupported = RuleLoader.builder().build().load(List.of(sigma.resolve("unsupported")));
    System.out.printf("deprecated: loaded %d, rejected %d; unsupported: loaded %d, rejected %d%n",
        deprecated.rules().size(), deprecated.errors().size(), unsupported.rules().size(),
        unsupported.errors().size());
    assertTrue(deprecated.rules().size() + deprecated.errors().size() >= 172);
    assertTrue(unsupported.rules().size() + unsupported.errors().size() >= 87);
    for (Diagnostic d : unsupported.errors()) {
      assertTrue(!d.message().isBlank() && d.file().endsWith(".yml"), d.toString());
    }
  }
}
