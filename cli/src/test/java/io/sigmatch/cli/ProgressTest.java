package io.sigmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static final long SECOND = 1_000_000_000L;

  /** A clock the test moves. */
  static final class FakeClock {
    long now = 5 * SECOND;

    long get() {
      return now;
    }
  }

  @Test
  void lineShowsRatesPercentAndEta() {
    FakeClock clock = new FakeClock();
    Progress p = new Progress(new PrintWriter(new StringWriter()), clock::get, 100_000_000L);
    for (int i = 0; i < 250_000; i++) {
      p.event(100, 7);
    }
    // 25 MB of 100 MB in 2 s: 125,000 events/s, 12.5 MB/s, 25%, 75 MB left at 12.5 MB/s = 6 s
    assertEquals("events 250,000  125,000 ev/s  12.5 MB/s  matches 7  25%  ETA 0:06",
        p.line(clock.now + 2 * SECOND));
  }

  @Test
  void unknownTotalHasNoPercentOrEta() {
    FakeClock clock = new FakeClock();
    Progress p = new Progress(new PrintWriter(new StringWriter()), clock::get, -1);
    p.event(1_000_000, 0);
    assertEquals("events 1  1 ev/s  1.0 MB/s  matches 0", p.line(clock.now + SECOND));
  }

  @Test
  void durations() {
    assertEquals("0:00", Progress.duration(0));
    assertEquals("1:05", Progress.duration(65));
    assertEquals("1:00:01", Progress.duration(3601));
    assertEquals("27:46:40", Progress.duration(100_000));
  }

  @Test
  void redrawsAtMostFourTimesASecondInPlaceAndClears() {
    FakeClock clock = new FakeClock();
    StringWriter sink = new StringWriter();
    Progress p = new Progress(new PrintWriter(sink), clock::get, 1000);
    p.event(10, 0);
    assertEquals("", sink.toString(), "nothing before the first refresh interval");
    clock.now += Progress.REFRESH_NANOS;
    p.event(10, 1);
    String first = sink.toString();
    assertTrue(first.startsWith("\revents 2  "), first);
    assertTrue(first.contains("matches 1  2%"), first);
    clock.now += Progress.REFRESH_NANOS / 2;
    p.event(10, 1);
    assertEquals(first, sink.toString(), "no redraw within the interval");
    clock.now += Progress.REFRESH_NANOS / 2;
    p.event(10, 1);
    assertEquals(2, sink.toString().chars().filter(c -> c == '\r').count());
    assertFalse(sink.toString().contains("\n"));
    p.clear();
    String all = sink.toString();
    assertTrue(all.endsWith("\r"), all);
    String blank = all.substring(all.lastIndexOf('\r', all.length() - 2) + 1, all.length() - 1);
    assertTrue(blank.isBlank() && blank.length() > 20, "the line is overwritten with spaces");
    p.clear();
    assertEquals(all, sink.toString(), "clearing twice prints nothing more");
  }

  @Test
  void interleavesOnlyWhenActiveAndStdoutIsTheTerminal() {
    FakeClock clock = new FakeClock();
    assertTrue(new Progress(new PrintWriter(new StringWriter()), clock::get, 1, true).interleaves());
    assertFalse(new Progress(new PrintWriter(new StringWriter()), clock::get, 1, false).interleaves());
    assertFalse(new Progress(null, clock::get, 1, true).interleaves());
  }

  @Test
  void guardedMessagesStartOnAClearedLine() {
    FakeClock clock = new FakeClock();
    StringWriter sink = new StringWriter();
    PrintWriter err = new PrintWriter(sink);
    Progress p = new Progress(err, clock::get, -1);
    clock.now += Progress.REFRESH_NANOS;
    p.event(1, 0);
    p.guard(err).println("sigmatch: bad line");
    String all = sink.toString();
    assertTrue(all.matches("(?s)\\revents 1 .*\\r +\\rsigmatch: bad line\\R"), all);
    assertTrue(Progress.off().guard(err) == err);
  }

  @Test
  void offPrintsNothing() {
    Progress p = Progress.off();
    assertFalse(p.active());
    assertFalse(p.interleaves());
    p.event(100, 1);
    p.clear();
  }

  @Test
  void percentDoesNotPassAHundred() {
    FakeClock clock = new FakeClock();
    Progress p = new Progress(new PrintWriter(new StringWriter()), clock::get, 10);
    p.event(50, 0);
    assertTrue(p.line(clock.now + SECOND).endsWith("100%  ETA 0:00"), p.line(clock.now + SECOND));
  }
}
