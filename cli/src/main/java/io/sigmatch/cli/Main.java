package io.sigmatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sigmatch} command line: scan events with Sigma rules, validate rules. */
@Command(
    name = "sigmatch",
    mixinStandardHelpOptions = true,
    version = "sigmatch 0.1.0",
    description = "Match JSON events against Sigma rules.",
    subcommands = {ScanCommand.class, ValidateCommand.class, VerifyCommand.class, StatsCommand.class,
        ExplainCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit status (for tests). */
  static int run(String... args) {
    return run(null, null, args);
  }

  /** Runs the command line writing to {@code out} and {@code err} ({@code null}: stdout, stderr). */
  static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    if (out != null) {
      cli.setOut(out);
    }
    if (err != null) {
      cli.setErr(err);
    }
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("sigmatch: " + e.getMessage());
      return 2;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
