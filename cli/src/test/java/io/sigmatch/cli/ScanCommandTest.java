package io.sigmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanCommandTest {
  private static CliRun scan(String... more) {
    List<String> args = new ArrayList<>(List.of("scan", "--events", TestData.sample().toString()));
    args.addAll(TestData.shippedRuleArgs());
    args.addAll(List.of(more));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.status(), run::toString);
    return run;
  }

  @Test
  void theOutputDoesNotDependOnTheThreadCount() {
    CliRun one = scan("--threads", "1");
    assertTrue(one.out().lines().count() > 10, one::toString);
    for (String threads : new String[] {"2", "5"}) {
      assertEquals(one.out(), scan("--threads", threads).out(), "--threads " + threads);
    }
    assertEquals(one.out(), scan("--threads", "3", "--explain").out().replaceAll(",\"explanation\":.*}\n", "}\n"));
  }

  @Test
  void theSummaryGivesTheScanRateApartFromLoading() {
    String err = scan().err();
    assertTrue(err.matches("(?s).*sigmatch: events 110, matches \\d+, rules loaded \\d+, rejected 0, [\\d.]+ s\n.*"), err);
    assertTrue(err.matches("(?s).*sigmatch: load [\\d.]+ s, scan [\\d.]+ s: \\d+ events/s, [\\d.]+ MB/s\n.*"), err);
  }
}
