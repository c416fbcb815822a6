package io.ftpseq.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress line on standard error for long runs: bytes read of the total, updated at most twice a
 * second and only after the first second, so short runs print nothing. Shown only on an interactive
 * terminal, never when output is redirected or in CI.
 */
final class Progress {

  private static final long FIRST_UPDATE_NANOS = 1_000_000_000L;
  private static final long UPDATE_NANOS = 500_000_000L;

  private final PrintWriter err;
  private final long total;
  private final long start = System.nanoTime();
  private long read;
  private long lastUpdate;
  private boolean shown;

  private Progress(PrintWriter err, long total) {
    this.err = err;
    this.total = total;
  }

  /** A progress line when the terminal is interactive, else one that prints nothing. */
  @SuppressWarnings(
      "SystemConsoleNull") // Java 17, the release built for: null when not interactive
  static Progress forTerminal(PrintWriter err, long total, boolean ci) {
    return System.console() != null && !ci ? new Progress(err, total) : new Progress(null, 0);
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

  /** Clears the progress line, if one was shown. */
  void done() {
    if (shown) {
      err.print("\r\033[K");
      err.flush();
    }
  }

  private void advance(long bytes) {
    read += bytes;
    long now = System.nanoTime();
    if (now - start < FIRST_UPDATE_NANOS || now - lastUpdate < UPDATE_NANOS) {
      return;
    }
    lastUpdate = now;
    shown = true;
    String done = megabytes(read);
    String line =
        total > 0
            ? String.format(
                Locale.ROOT,
                "ftpseq: %s of %s MB (%d%%)",
                done,
                megabytes(total),
                read * 100 / total)
            : "ftpseq: " + done + " MB";
    err.print("\r" + line);
    err.flush();
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }
}
