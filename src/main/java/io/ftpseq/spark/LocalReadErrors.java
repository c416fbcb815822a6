package io.ftpseq.spark;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FSError;

/**
 * An input opened through Hadoop whose read errors are {@link IOException}s, as for any file: the
 * local file system throws a read that fails in the operating system ("Input/output error") as
 * Hadoop's {@link FSError}, an {@link Error}, which made one unreadable file fail the whole job as
 * an internal error instead of being a problem of that input, as {@code ftpseq check} has it.
 */
final class LocalReadErrors extends FilterInputStream {

  LocalReadErrors(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (FSError e) {
      throw unwrapped(e);
    }
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    try {
      return super.read(bytes, offset, length);
    } catch (FSError e) {
      throw unwrapped(e);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return super.skip(n);
    } catch (FSError e) {
      throw unwrapped(e);
    }
  }

  /** The operating system's error that Hadoop wrapped. */
  private static IOException unwrapped(FSError e) {
    return e.getCause() instanceof IOException cause ? cause : new IOException(e.getMessage(), e);
  }
}
