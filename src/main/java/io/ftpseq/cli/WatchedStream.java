package io.ftpseq.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Standard output as a stream that keeps the first error writing to it: {@code System.out} drops
 * every error (a full disk, a closed pipe), and a {@link java.io.PrintWriter} over it only learns
 * that something failed, not what. The run then says why its output is lost.
 */
final class WatchedStream extends FilterOutputStream {

  private IOException failure;

  WatchedStream(OutputStream out) {
    super(out);
  }

  /** The first error writing or flushing, if there was one. */
  synchronized Optional<IOException> failure() {
    return Optional.ofNullable(failure);
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

  private synchronized IOException failed(IOException e) {
    if (failure == null) {
      failure = e;
    }
    return e;
  }
}
