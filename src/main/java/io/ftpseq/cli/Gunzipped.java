package io.ftpseq.cli;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The bytes of a gzip file, decompressed, whose faults are said in a user's words: an empty file,
 * data cut short, corrupt data, no gzip data at all. Java says {@code EOFException} for an empty
 * file and quotes zlib ("invalid block type") for the rest. The header is read at the first read,
 * not at opening, so that a fault anywhere in the file is met where the check reads it and is the
 * input's one problem.
 */
final class Gunzipped extends InputStream {

  /** A fault of the gzip data, said as a sentence. */
  static final class Fault extends IOException {
    private static final long serialVersionUID = 1L;

    Fault(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private GZIPInputStream gzip;

  Gunzipped(InputStream in) {
    this.in = in.markSupported() ? in : new BufferedInputStream(in, BUFFER);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (gzip == null) {
      gzip = header();
    }
    try {
      return gzip.read(b, off, len);
    } catch (EOFException e) {
      throw new Fault("the gzip data is cut short", e);
    } catch (ZipException e) {
      throw new Fault(
          "Corrupt GZIP trailer".equals(e.getMessage())
              ? "the gzip data does not match the checksum at its end"
              : "the gzip data is corrupt",
          e);
    }
  }

  /** Reads the gzip header, and says what is wrong with it. */
  private GZIPInputStream header() throws IOException {
    in.mark(1);
    boolean empty = in.read() < 0;
    in.reset();
    if (empty) {
      throw new Fault("the file is empty, with no gzip data in it", null);
    }
    try {
      return new GZIPInputStream(in, BUFFER);
    } catch (EOFException e) {
      throw new Fault("the gzip header is cut short", e);
    } catch (ZipException e) {
      throw new Fault("its first bytes are not a gzip header", e);
    }
  }

  @Override
  public void close() throws IOException {
    if (gzip != null) {
      gzip.close();
    } else {
      in.close();
    }
  }
}
