package io.sigmatch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --events} and {@code --threads} options of the commands that read events. */
final class EventOptions {
  @Option(names = "--events", paramLabel = "PATH",
      description = "Event file or folder (.jsonl, .json; recursive); repeatable. Default: corpus/.")
  List<Path> events = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads parsing and matching JSON Lines events; output order does not depend on it."
          + " 1 reads on the calling thread alone. Default: the number of cores.")
  int threads = Runtime.getRuntime().availableProcessors();

  /** The event files to read: those under the given paths, or the shipped corpus. */
  List<Path> files() throws IOException {
    return EventFiles.files(events.isEmpty() ? List.of(Defaults.corpus()) : events);
  }
}
