package io.ftpseq.session;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A file's name as text that keeps its bytes. A Unix file name is bytes, and Java shows a byte that
 * is no UTF-8 as U+FFFD, so that {@code lat<E9>.txt} (Latin-1) and {@code lat<FF>.txt} read alike
 * and neither names its file. Here such a byte {@code b} stands as the lone surrogate U+DC00 +
 * {@code b} (U+DC80 to U+DCFF, as Python's {@code surrogateescape} has it), which no decoded text
 * holds: the reports show it as {@code \xe9}, as C writes a byte and bash's {@code $'...'} reads it
 * back ({@code ls --quoting-style=escape} writes it in octal, {@code \351}), and a SARIF URI as
 * {@code %E9}.
 *
 * <p>The bytes are known for a name Java found by listing a directory ({@link Path#toUri()} keeps
 * them); a name given as an argument reaches the JVM already decoded, its bytes lost.
 */
public final class FileNames {

  private FileNames() {}

  /** The name of a path, its bytes that are no UTF-8 kept as U+DC80 to U+DCFF. */
  public static String of(Path path) {
    String decoded = path.toString();
    if (decoded.indexOf('\ufffd') < 0) {
      return decoded; // every byte was UTF-8 (or the name holds U+FFFD itself, which is the same)
    }
    byte[] bytes = bytes(path);
    return bytes == null ? decoded : decoded(bytes);
  }

  /** The bytes of a name this class made, each U+DC80 to U+DCFF its byte, the rest UTF-8. */
  public static byte[] bytes(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + 8);
    int start = 0;
    for (int i = 0; i < name.length(); i++) {
      if (isByte(name.charAt(i))) {
        out.writeBytes(name.substring(start, i).getBytes(StandardCharsets.UTF_8));
        out.write(name.charAt(i) & 0xff);
        start = i + 1;
      }
    }
    out.writeBytes(name.substring(start).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Whether a UTF-16 unit stands for a byte that is no UTF-8 (when it is not half of a pair). */
  public static boolean isByte(int unit) {
    return unit >= 0xdc80 && unit <= 0xdcff;
  }

  /**
   * The bytes of a path's name, from its absolute URI, which holds them percent-encoded: the last
   * as many elements as the path has (a relative path is its working directory's URI and itself).
   */
  private static byte[] bytes(Path path) {
    try {
      URI uri = path.toAbsolutePath().toUri();
      if (!"file".equals(uri.getScheme()) || uri.getRawPath() == null) {
        return null;
      }
      byte[] absolute = percentDecoded(uri.getRawPath());
      int end = absolute.length;
      if (end > 1 && absolute[end - 1] == '/') {
        end--; // toUri ends a directory's name with a slash
      }
      int start = 0;
      if (!path.isAbsolute()) {
        int elements = path.getNameCount();
        start = end;
        while (elements > 0 && start > 0) {
          start--;
          if (absolute[start] == '/') {
            elements--;
          }
        }
        start++;
      }
      byte[] name = new byte[end - start];
      System.arraycopy(absolute, start, name, 0, name.length);
      return name;
    } catch (RuntimeException e) {
      return null; // a file system without URIs of bytes: the decoded name is all there is
    }
  }

  private static byte[] percentDecoded(String raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  /** The bytes as UTF-8, each byte of a sequence that is not UTF-8 as U+DC00 + the byte. */
  static String decoded(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    while (in.hasRemaining()) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        for (int i = 0; i < result.length(); i++) {
          int b = in.get() & 0xff;
          out.put((char) (b < 0x80 ? b : 0xdc00 | b));
        }
      } else if (result.isUnderflow()) {
        break;
      }
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
