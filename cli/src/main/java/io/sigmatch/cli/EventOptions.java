package io.sigmatch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --events} option of the commands that read events. */
final class EventOptions {
  @Option(names = "--events", paramLabel = "PATH",
      description = "Event file or folder (.jsonl, .json; recursive); repeatable. Default: corpus/.")
  List<Path> events = new ArrayList<>();

  /** The event files to read: those under the given paths, or the shipped corpus. */
  List<Path> files() throws IOException {
    return EventFiles.files(events.isEmpty() ? List.of(Defaults.corpus()) : events);
  }
}
