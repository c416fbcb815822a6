package io.ftpseq.transcript;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedError;
import io.ftpseq.session.Source;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The readable part of an input: reads until the source fails (a truncated gzip file, a disk
 * error), then ends as if the input ended there, and remembers why and after how many bytes. So
 * what could be read is checked, and the break is reported once, not instead of everything.
 */
final class ReadablePrefix extends FilterInputStream {

  private IOException failure;
  private long bytes;

  ReadablePrefix(InputStream in) {
    super(in);
  }

  /** Why the input ended early, or {@code null} when it ended normally. */
  IOException failure() {
    return failure;
  }

  /**
   * Why the input ended early, as a phrase's argument: the failure's phrase when it is ftpseq's own
   * (a gzip fault), else its message as the system said it, or a plain phrase where it says
   * nothing; {@code null} when it ended normally.
   */
  Object reason() {
    if (failure == null) {
      return null;
    }
    Optional<Phrase> own = PhrasedError.phraseOf(failure);
    if (own.isPresent()) {
      return own.get();
    }
    String message = failure.getMessage() == null ? "" : failure.getMessage().strip();
    return message.isEmpty() ? Phrase.of("input.reason.io") : message;
  }

  /**
   * What to say of an input that broke off, as a problem of the whole input: it could not be read
   * at all, or it broke off after bytes of which {@code lines} lines (or packets) were checked
   * (and, in the middle of a line, {@code cutLineBytes} bytes of it were not). {@code null} when it
   * ended normally.
   */
  Phrase breakOff(Source.Unit unit, long lines, long cutLineBytes) {
    if (failure == null) {
      return null;
    } else if (bytes == 0) {
      return Phrase.of("input.cannotRead", reason());
    } else if (cutLineBytes > 0) {
      return Phrase.of("problem.breaksOff.inLine", bytes, reason(), lines, cutLineBytes);
    }
    return Phrase.of(
        unit == Source.Unit.PACKET ? "problem.breaksOff.packets" : "problem.breaksOff",
        bytes,
        reason(),
        lines);
  }

  /** How many bytes were read before the input ended. */
  long bytes() {
    return bytes;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (failure != null) {
      return -1;
    }
    try {
      int n = in.read(b, off, len);
      bytes += Math.max(n, 0);
      return n;
    } catch (IOException e) {
      failure = e;
      return -1;
    }
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] scratch = new byte[(int) Math.min(n, 1 << 13)];
    long skipped = 0;
    while (skipped < n) {
      int read = read(scratch, 0, (int) Math.min(n - skipped, scratch.length));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }
}
