package io.ftpseq.cli;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Watches one file's size while it is read: a file written to or truncated meanwhile (a live log, a
 * rotation) gives more or fewer bytes than it had when opened, and its last line read may be cut.
 * The check then says so in one line, beside whatever problem the cut line made.
 */
final class FileSizeWatch {

  private long sizeAtOpen = -1;
  private long read;
  private boolean ended;

  /** Opens the file for reading, its bytes counted against its size now. */
  InputStream open(Path path) throws IOException {
    InputStream in = Files.newInputStream(path);
    try {
      sizeAtOpen = Files.size(path);
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        counted(b < 0 ? -1 : 1);
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        counted(n);
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        read += skipped;
        return skipped;
      }
    };
  }

  private void counted(int n) {
    if (n < 0) {
      ended = true;
    } else {
      read += n;
    }
  }

  /**
   * The problem of a file read to its end in more or fewer bytes than it had when opened; empty
   * when it read as it was, was not read to its end (a read error says why), or was no file.
   */
  Optional<Problem> change(String name) {
    if (sizeAtOpen < 0 || !ended || read == sizeAtOpen) {
      return Optional.empty();
    }
    return Optional.of(
        new Problem(new Source(name, 0), Phrase.of("input.changedSize", sizeAtOpen, read)));
  }
}
