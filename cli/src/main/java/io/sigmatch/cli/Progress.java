package io.sigmatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress report on stderr for long scans, redrawn in place with {@code \r} at most
 * {@link #REFRESH_NANOS} apart:
 *
 * <pre>
 * events 1,204,311  98,213 ev/s  41.5 MB/s  matches 37  62%  ETA 0:07
 * </pre>
 *
 * A disabled progress ({@link #off()}, or stderr not a terminal) prints nothing and costs a branch
 * per event. When stdout is the terminal too ({@link #interleaves()}), output should be preceded by
 * {@link #clear()} and flushed, so the line does not end up in the middle of it; the next update
 * draws it again.
 */
final class Progress {
  /** Four redraws a second at most. */
  static final long REFRESH_NANOS = 250_000_000L;

  private final PrintWriter err;
  private final LongSupplier clock;
  private final long totalBytes;
  private final boolean interleaves;
  private final long start;
  private long next;
  private long events;
  private long bytes;
  private long matches;
  private int shown;

  /**
   * @param err        where the line goes; {@code null} for a disabled progress
   * @param clock      nanoseconds, as {@link System#nanoTime()}
   * @param totalBytes the input size, or a negative number when unknown (no percentage, no ETA)
   */
  Progress(PrintWriter err, LongSupplier clock, long totalBytes) {
    this(err, clock, totalBytes, false);
  }

  /** @param interleaves stdout goes to the same terminal */
  Progress(PrintWriter err, LongSupplier clock, long totalBytes, boolean interleaves) {
    this.err = err;
    this.interleaves = err != null && interleaves;
    this.clock = clock;
    this.totalBytes = totalBytes;
    this.start = err == null ? 0 : clock.getAsLong();
    this.next = start + REFRESH_NANOS;
  }

  /** Prints nothing. */
  static Progress off() {
    return new Progress(null, () -> 0, -1);
  }

  /** A progress on {@code err} for reading {@code files}, when stderr is a terminal; else {@link #off()}. */
  static Progress forFiles(PrintWriter err, List<Path> files) {
    if (!isTerminal(2)) {
      return off();
    }
    long total = 0;
    try {
      for (Path f : files) {
        total += Files.size(f);
      }
    } catch (IOException e) {
      total = -1;
    }
    return new Progress(err, System::nanoTime, total, isTerminal(1));
  }

  /**
   * Whether file descriptor {@code fd} (1 stdout, 2 stderr) is a terminal. On Linux it reads where
   * the descriptor points; elsewhere it takes {@link System#console()} (which tells about stdin and
   * stdout) as the answer.
   */
  static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        String target = Files.readSymbolicLink(link).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // fall through
    }
    return System.console() != null;
  }

  /** Whether this progress prints anything. */
  boolean active() {
    return err != null;
  }

  /** Whether stdout is the same terminal: output must {@link #clear()} the line first. */
  boolean interleaves() {
    return interleaves;
  }

  /** Counts one event of {@code eventBytes} input bytes; {@code matchesSoFar} is the running total. */
  void event(long eventBytes, long matchesSoFar) {
    if (err == null) {
      return;
    }
    events++;
    bytes += eventBytes;
    matches = matchesSoFar;
    long now = clock.getAsLong();
    if (now - next >= 0) {
      next = now + REFRESH_NANOS;
      draw(line(now));
    }
  }

  /**
   * {@code messages} (the same stderr) for other messages while the progress runs: each write first
   * erases the line, so a message starts at the beginning of a line. {@code messages} itself when off.
   */
  PrintWriter guard(PrintWriter messages) {
    if (err == null) {
      return messages;
    }
    return new PrintWriter(new java.io.Writer() {
      @Override
      public void write(char[] buffer, int offset, int length) {
        clear();
        messages.write(buffer, offset, length);
      }

      @Override
      public void flush() {
        messages.flush();
      }

      @Override
      public void close() {
        messages.flush();
      }
    }, true);
  }

  /** Erases the line (before other output to the terminal, and at the end). */
  void clear() {
    if (err == null || shown == 0) {
      return;
    }
    err.print("\r" + " ".repeat(shown) + "\r");
    err.flush();
    shown = 0;
  }

  private void draw(String line) {
    int pad = Math.max(0, shown - line.length());
    err.print("\r" + line + " ".repeat(pad));
    err.flush();
    shown = line.length();
  }

  /** The line as it would be drawn at {@code now}. */
  String line(long now) {
    double seconds = Math.max(1e-9, (now - start) / 1e9);
    StringBuilder b = new StringBuilder();
    b.append("events ").append(String.format(Locale.ROOT, "%,d", events));
    b.append("  ").append(String.format(Locale.ROOT, "%,d", Math.round(events / seconds))).append(" ev/s");
    double mbPerSecond = bytes / seconds / 1e6;
    b.append("  ").append(String.format(Locale.ROOT, "%.1f", mbPerSecond)).append(" MB/s");
    b.append("  matches ").append(String.format(Locale.ROOT, "%,d", matches));
    if (totalBytes > 0) {
      long done = Math.min(bytes, totalBytes);
      b.append("  ").append(done * 100 / totalBytes).append('%');
      if (bytes > 0) {
        double remaining = (totalBytes - done) / (bytes / seconds);
        b.append("  ETA ").append(duration(Math.round(remaining)));
      }
    }
    return b.toString();
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
  static String duration(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }
}
