package io.ftpseq.cli;

import io.ftpseq.session.IoReason;
import io.ftpseq.session.Phrase;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Standard output as a stream that keeps the first error writing to it: {@code System.out} drops
 * every error (a full disk, a closed pipe), and a {@link java.io.PrintWriter} over it only learns
 * that something failed, not what. The run then says why its output is lost.
 *
 * <p>A pipe whose reader has gone ({@code ftpseq check big.log | head}) is no failure to report but
 * the end of the run, as for any Unix tool, which the signal SIGPIPE ends at its next write: the
 * JVM ignores that signal, so the write fails instead, and the action given to {@link
 * #whenReaderGone} is run then, once.
 */
final class WatchedStream extends FilterOutputStream {

  private static final Phrase BROKEN_PIPE = IoReason.system("Broken pipe");

  private IOException failure;
  private volatile Runnable whenReaderGone;

  WatchedStream(OutputStream out) {
    super(out);
  }

  /**
   * Runs {@code action} on the first write that finds the reader of the pipe gone ({@code null}:
   * nothing; the write fails as any other).
   */
  void whenReaderGone(Runnable action) {
    whenReaderGone = action;
  }

  /** The first error writing or flushing, if there was one. */
  synchronized Optional<IOException> failure() {
    return Optional.ofNullable(failure);
  }

  /** Whether an error writing was the reader of the pipe gone. */
  static boolean readerGone(IOException failure) {
    return IoReason.of(failure).equals(BROKEN_PIPE);
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len); // FilterOutputStream would write it byte by byte
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private IOException failed(IOException e) {
    boolean first;
    synchronized (this) {
      first = failure == null;
      if (first) {
        failure = e;
      }
    }
    Runnable action = whenReaderGone;
    if (first && action != null && readerGone(e)) {
      action.run();
    }
    return e;
  }
}
