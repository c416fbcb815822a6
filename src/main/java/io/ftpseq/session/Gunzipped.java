package io.ftpseq.session;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The bytes of a gzip file, decompressed, whose faults are said in a user's words: an empty file,
 * data cut short, corrupt data, no gzip data at all. Java says {@code EOFException} for an empty
 * file and quotes zlib ("invalid block type") for the rest. The header is read at the first read,
 * not at opening, so that a fault anywhere in the file is met where the check reads it and is the
 * input's one problem. {@code ftpseq check} and the Spark job read gzip inputs through it, so both
 * say the same of a broken one.
 */
public final class Gunzipped extends InputStream {

  /** A fault of the gzip data, said as a sentence in ftpseq's words; the message is the English. */
  public static final class Fault extends PhrasedIOException {
    private static final long serialVersionUID = 1L;

    Fault(String key, Throwable cause) {
      super(Phrase.of(key), cause);
    }

    Fault(Phrase reason) {
      super(reason, null);
    }
  }

  private static final int BUFFER = 1 << 16;

  /**
   * The compressions ftpseq does not read, by their first bytes: their name and the command that
   * decompresses them. Read as text, they were "not an FTP transcript in any known format".
   */
  private static final List<Other> OTHERS =
      List.of(
          new Other("xz", "xz -d", "\u00fd7zXZ\u0000"),
          new Other("zstd", "zstd -d", "(\u00b5/\u00fd"),
          new Other("bzip2", "bunzip2", "BZh"),
          new Other("zip", "unzip", "PK\u0003\u0004"));

  private static final int HEAD = 6;

  /** A compression known by its magic bytes, each a char from U+0000 to U+00FF. */
  private record Other(String name, String command, String magic) {
    boolean starts(byte[] head) {
      if (head.length < magic.length()) {
        return false;
      }
      for (int i = 0; i < magic.length(); i++) {
        if ((head[i] & 0xff) != magic.charAt(i)) {
          return false;
        }
      }
      // bzip2's "BZh" is followed by its block size, a digit from 1 to 9
      return !name.equals("bzip2") || (head.length > 3 && head[3] >= '1' && head[3] <= '9');
    }
  }

  private final InputStream in;
  private GZIPInputStream gzip;

  /** The decompressed bytes of {@code in}, which is read from its first byte at the first read. */
  public Gunzipped(InputStream in) {
    this.in = in.markSupported() ? in : new BufferedInputStream(in, BUFFER);
  }

  /**
   * The bytes of an input, decompressed when it is gzip: named .gz, or starting with gzip's magic
   * bytes (a rotated log named {@code x.log.1}, standard input). A fault of the gzip data is met
   * when the bytes are read, as a {@link Fault}.
   */
  public static InputStream decompressed(String name, InputStream in) throws IOException {
    if (name.endsWith(".gz")) {
      return new Gunzipped(in);
    }
    BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
    buffered.mark(HEAD);
    byte[] head = buffered.readNBytes(HEAD);
    buffered.reset();
    if (isGzip(head)) {
      return new Gunzipped(buffered);
    }
    for (Other other : OTHERS) {
      if (other.starts(head)) {
        return unread(buffered, other);
      }
    }
    return buffered;
  }

  /**
   * An input compressed by what ftpseq does not read: its first read is the fault that says which
   * compression it is and how to decompress it, the input's one problem.
   */
  private static InputStream unread(InputStream in, Other other) {
    Fault fault = new Fault(Phrase.of("compressed.notRead", other.name(), other.command()));
    return new InputStream() {
      @Override
      public int read() throws IOException {
        throw fault;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        throw fault;
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }

  /** Whether bytes that start a file are gzip's magic number. */
  public static boolean isGzip(byte[] head) {
    return head.length >= 2 && head[0] == (byte) 0x1f && head[1] == (byte) 0x8b;
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
      throw new Fault("gzip.cutShort", e);
    } catch (ZipException e) {
      throw new Fault(
          "Corrupt GZIP trailer".equals(e.getMessage()) ? "gzip.checksum" : "gzip.corrupt", e);
    }
  }

  /**
   * Whether bytes can be read without waiting: 1 while the decompressed data may go on, as {@link
   * GZIPInputStream} says, 0 at its end; before the header, whether the file has bytes.
   */
  @Override
  public int available() throws IOException {
    return gzip == null ? in.available() : gzip.available();
  }

  /** Reads the gzip header, and says what is wrong with it. */
  private GZIPInputStream header() throws IOException {
    in.mark(1);
    boolean empty = in.read() < 0;
    in.reset();
    if (empty) {
      throw new Fault("gzip.empty", null);
    }
    try {
      return new GZIPInputStream(in, BUFFER);
    } catch (EOFException e) {
      throw new Fault("gzip.headerCutShort", e);
    } catch (ZipException e) {
      throw new Fault("gzip.notGzip", e);
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
