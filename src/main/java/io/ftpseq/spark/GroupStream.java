package io.ftpseq.spark;

import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The files of a group read as one stream, oldest first, with what is needed to point back into
 * each file: a line break is added after a file that does not end with one, so no line runs into
 * the next file, and each file's lines are counted as the transcript readers count them (LF, CRLF
 * or a lone CR ends a line). A file that cannot be opened becomes a problem and the stream goes on
 * with the next.
 */
final class GroupStream extends InputStream {

  /** Opens one file of the group, decompressed. */
  @FunctionalInterface
  interface Opener {
    InputStream open(InputFile file) throws IOException;
  }

  private final List<InputFile> files;
  private final Opener opener;
  private final long[] lineCounts;
  private final List<Problem> problems = new ArrayList<>();
  private int index = -1;
  private InputStream current;
  private int last = -1;
  private boolean lastWasCr;
  private boolean pendingBreak;

  GroupStream(List<InputFile> files, Opener opener) {
    this.files = List.copyOf(files);
    this.opener = opener;
    this.lineCounts = new long[files.size()];
  }

  /** The file being read, for a read error's message; the last one once the stream has ended. */
  InputFile currentFile() {
    return files.get(Math.max(0, Math.min(index, files.size() - 1)));
  }

  /** The files that could not be opened. */
  List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** Where each file's lines start once the stream has been read to its end. */
  LineMap lineMap() {
    return new LineMap(
        files.stream().map(InputFile::name).toList(), Arrays.copyOf(lineCounts, lineCounts.length));
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (true) {
      if (pendingBreak) {
        pendingBreak = false;
        buffer[offset] = '\n';
        if (!lastWasCr) {
          lineCounts[index]++;
        }
        last = '\n';
        lastWasCr = false;
        return 1;
      }
      if (current == null && !openNext()) {
        return -1;
      }
      int n = current.read(buffer, offset, length);
      if (n > 0) {
        count(buffer, offset, n);
        return n;
      }
      current.close();
      current = null;
      pendingBreak = last != -1 && last != '\n';
    }
  }

  private boolean openNext() {
    while (++index < files.size()) {
      last = -1;
      lastWasCr = false;
      try {
        current = opener.open(files.get(index));
        return true;
      } catch (IOException e) {
        problems.add(
            new Problem(new Source(files.get(index).name(), 0), "cannot read: " + e.getMessage()));
      }
    }
    index = files.size();
    return false;
  }

  private void count(byte[] buffer, int offset, int n) {
    long breaks = 0;
    boolean cr = lastWasCr;
    for (int i = offset; i < offset + n; i++) {
      byte b = buffer[i];
      if (b == '\r') {
        breaks++;
        cr = true;
      } else {
        if (b == '\n' && !cr) {
          breaks++;
        }
        cr = false;
      }
    }
    lineCounts[index] += breaks;
    lastWasCr = cr;
    last = buffer[offset + n - 1];
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
