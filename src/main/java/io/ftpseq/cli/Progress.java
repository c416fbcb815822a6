package io.ftpseq.cli;

import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Severity;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress line on standard error for long runs: bytes read of the total, sessions and findings
 * so far, and the time left at the pace so far; updated at most twice a second and only after the
 * first two seconds, so short runs print nothing. Shown only on an interactive terminal, never when
 * output is redirected, in CI or with {@code --quiet}. Inputs checked on several threads at once
 * report to the same line. What goes to the same terminal on standard output while the line is
 * shown (the sessions of a report written as the run goes) is written {@link #above} it: the line
 * is cleared, the text written, and the line drawn again below it.
 */
final class Progress {

  private static final long FIRST_UPDATE_NANOS = 2_000_000_000L;
  private static final long UPDATE_NANOS = 500_000_000L;

  private final PrintWriter err;
  private final PrintWriter lines; // standard error, for the lines said while the run goes
  private final long total;
  private final long start = System.nanoTime();
  private final AtomicLong read = new AtomicLong();
  private final AtomicLong sessions = new AtomicLong();
  private final AtomicLong findings = new AtomicLong();
  private volatile long lastUpdate;
  private boolean shown;
  private boolean over; // done: the line is cleared for good

  /** Writing to the terminal, which may fail as any write. */
  interface TerminalWrite {
    void run() throws IOException;
  }

  private Progress(PrintWriter err, long total, PrintWriter lines) {
    this.err = err;
    this.total = total;
    this.lines = lines;
  }

  /**
   * A progress line when standard error is an interactive terminal and neither CI nor {@code
   * --quiet} asks for silence; else one that prints nothing.
   */
  @SuppressWarnings(
      "SystemConsoleNull") // Java 17, the release built for: null when not interactive
  static Progress forTerminal(PrintWriter err, long total, boolean silent) {
    return System.console() != null && !silent
        ? new Progress(err, total, err)
        : new Progress(null, 0, err);
  }

  /**
   * Says a line on standard error while the run goes (an input that gives nothing yet), {@link
   * #above} the progress line when it is drawn: every line the run writes to the terminal goes this
   * one way, so none lands inside the progress line.
   */
  void say(String line) {
    try {
      above(
          () -> {
            lines.println(line);
            lines.flush();
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a PrintWriter does not throw
    }
  }

  /** Whether the progress line is shown: standard output is then the same terminal. */
  boolean shown() {
    return err != null;
  }

  /** The input, counted as it is read. */
  InputStream count(InputStream in) {
    if (err == null) {
      return in;
    }
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        advance(b < 0 ? 0 : 1);
        return b;
      }

      @Override
      public int read(byte[] bytes, int offset, int length) throws IOException {
        int n = super.read(bytes, offset, length);
        advance(Math.max(n, 0));
        return n;
      }
    };
  }

  /** Counts a session that was checked, and its findings. */
  void session(SessionCheck session) {
    if (err != null) {
      sessions.incrementAndGet();
      long count = 0;
      for (Severity severity : Severity.values()) {
        count += session.count(severity);
      }
      findings.addAndGet(count);
    }
  }

  /** Clears the progress line, if one was shown, for good. */
  synchronized void done() {
    over = true;
    if (shown) {
      err.print("\r\033[K");
      err.flush();
    }
  }

  /**
   * Writes to the terminal above the progress line: the line, when shown, is cleared first and
   * drawn again after, so that it never stands inside what was written (standard output and error
   * are the same terminal, with one cursor).
   */
  synchronized void above(TerminalWrite write) throws IOException {
    boolean drawn = shown && !over;
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
    }
    try {
      write.run();
    } finally {
      if (drawn) {
        long now = System.nanoTime();
        err.print(line(read.get(), now - start));
        err.flush();
      }
    }
  }

  private void advance(long bytes) {
    long done = read.addAndGet(bytes);
    long now = System.nanoTime();
    if (now - start < FIRST_UPDATE_NANOS || now - lastUpdate < UPDATE_NANOS) {
      return;
    }
    show(done, now);
  }

  private synchronized void show(long done, long now) {
    if (now - lastUpdate < UPDATE_NANOS || over) {
      return; // another thread showed it just now, or the run is over
    }
    lastUpdate = now;
    shown = true;
    err.print("\r\033[K" + line(done, now - start));
    err.flush();
  }

  /** The progress line: what was read, sessions and findings, and the time left when known. */
  private String line(long done, long elapsedNanos) {
    String counts =
        String.format(Locale.ROOT, ", %,d sessions, %,d findings", sessions.get(), findings.get());
    if (total <= 0 || done <= 0) {
      return "ftpseq: " + megabytes(done) + " MB" + counts;
    }
    long leftSeconds = (long) ((double) elapsedNanos / done * (total - done) / 1e9);
    return String.format(
        Locale.ROOT,
        "ftpseq: %s of %s MB (%d%%)%s, about %d:%02d left",
        megabytes(done),
        megabytes(total),
        done * 100 / total,
        counts,
        leftSeconds / 60,
        leftSeconds % 60);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }
}
