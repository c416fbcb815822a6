package io.ftpseq.spark;

import io.ftpseq.session.Phrase;
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
 * or a lone CR ends a line). A file that cannot be opened, or that breaks off (a truncated {@code
 * .gz}), becomes a problem naming it, and the stream goes on with the next file: one broken
 * generation does not hide the others. A file's bytes after its last line end so far are held back
 * until more come, so that a file that breaks off in the middle of a line does not hand on that
 * line's start as a line ({@code RNTO x10} for {@code RNTO x1046}), as {@code ftpseq check} does
 * not.
 */
final class GroupStream extends InputStream {

  /** Opens one file of the group, decompressed. */
  @FunctionalInterface
  interface Opener {
    InputStream open(InputFile file) throws IOException;
  }

  /** A line that long with no end is handed on as it is. */
  private static final int LONGEST_HELD = 1 << 20;

  private final List<InputFile> files;
  private final Opener opener;
  private final long[] lineCounts;
  private final List<Problem> problems = new ArrayList<>();
  private int index = -1;
  private InputStream current;
  private long bytes;
  private int last = -1;
  private boolean lastWasCr;

  /** CRs after the CR that ended a line: a line end each, unless an LF comes next. */
  private long crsAfterEnd;

  private boolean pendingBreak;

  /** The current file's bytes: from {@code next} to {@code safe} they may be given. */
  private byte[] window = new byte[1 << 16];

  private int next;
  private int safe;

  /** The end of the bytes read; from {@code safe} on they are held back: no line end yet. */
  private int end;

  GroupStream(List<InputFile> files, Opener opener) {
    this.files = List.copyOf(files);
    this.opener = opener;
    this.lineCounts = new long[files.size()];
  }

  /** The files that could not be opened or broke off, in order. */
  List<Problem> problems() {
    return List.copyOf(problems);
  }

  /**
   * Where each file's lines start: final for every file before the one being read, and for all once
   * the stream has been read to its end.
   */
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
        crsAfterEnd = 0;
        last = '\n';
        lastWasCr = false;
        return 1;
      }
      if (next < safe) {
        int n = Math.min(length, safe - next);
        System.arraycopy(window, next, buffer, offset, n);
        next += n;
        count(buffer, offset, n);
        return n;
      }
      if (current == null && !openNext()) {
        return -1;
      }
      if (!fill()) {
        closeCurrent();
        pendingBreak = last != -1 && last != '\n';
      }
    }
  }

  /**
   * Reads more of the current file after the bytes held back. False when it has ended or broken off
   * with nothing more to give: at its end the bytes held back are given, at a break they are not.
   */
  private boolean fill() {
    int held = end - safe;
    if (held == window.length) {
      window = Arrays.copyOf(window, window.length * 2);
    }
    System.arraycopy(window, safe, window, 0, held);
    next = 0;
    safe = 0;
    end = held;
    int n = readCurrent(window, end, window.length - end, held);
    if (n < 0) {
      end = 0;
      return false;
    }
    if (n == 0) {
      safe = held;
      end = held;
      return held > 0;
    }
    end += n;
    bytes += n;
    safe = end;
    while (safe > 0 && window[safe - 1] != '\n' && window[safe - 1] != '\r') {
      safe--;
    }
    if (safe == 0 && end >= LONGEST_HELD) {
      safe = end; // no line: handed on as it is, so the window stays bounded
    }
    return true;
  }

  /**
   * Whether bytes can be read without waiting for more to be written: a group's files are all
   * written, so while a file is still to be read (or a line break to be added) at least one can.
   */
  @Override
  public int available() throws IOException {
    if (next < safe) {
      return safe - next;
    }
    if (pendingBreak || index + 1 < files.size()) {
      return Math.max(1, current == null ? 0 : current.available());
    }
    return current == null ? 0 : current.available();
  }

  /**
   * Reads from the current file: the count read, 0 at its end, -1 when it broke off. A read error
   * ends the file, as a problem, and the {@code held} bytes of the line it cut are not given.
   */
  private int readCurrent(byte[] buffer, int offset, int length, int held) {
    try {
      return Math.max(current.read(buffer, offset, length), 0);
    } catch (IOException e) {
      long lines = lineCounts[index] + (last != -1 && last != '\n' && !lastWasCr ? 1 : 0);
      problems.add(
          new Problem(
              new Source(files.get(index).name(), 0),
              held > 0
                  ? Phrase.of(
                      "spark.fileBreaksOff.inLine", bytes, CheckerAdapter.why(e), lines, held)
                  : Phrase.of("spark.fileBreaksOff", bytes, CheckerAdapter.why(e), lines)));
      return -1;
    }
  }

  private void closeCurrent() {
    try {
      current.close();
    } catch (IOException e) {
      // the file was read to its end or its break; nothing of it is lost
    }
    current = null;
  }

  private boolean openNext() {
    while (++index < files.size()) {
      last = -1;
      lastWasCr = false;
      crsAfterEnd = 0;
      bytes = 0;
      next = 0;
      safe = 0;
      end = 0;
      try {
        current = opener.open(files.get(index));
        return true;
      } catch (IOException e) {
        problems.add(
            new Problem(
                new Source(files.get(index).name(), 0),
                Phrase.of("input.cannotRead", CheckerAdapter.why(e))));
      }
    }
    index = files.size();
    return false;
  }

  private void count(byte[] buffer, int offset, int n) {
    long breaks = 0;
    boolean cr = lastWasCr;
    long crs = crsAfterEnd;
    for (int i = offset; i < offset + n; i++) {
      byte b = buffer[i];
      if (b == '\r') {
        if (cr) {
          crs++;
        } else {
          breaks++;
        }
        cr = true;
      } else {
        if (b != '\n') {
          breaks += crs;
        } else if (!cr) {
          breaks++;
        }
        crs = 0;
        cr = false;
      }
    }
    lineCounts[index] += breaks;
    crsAfterEnd = crs;
    lastWasCr = cr;
    last = buffer[offset + n - 1];
  }

  @Override
  public void close() {
    if (current != null) {
      closeCurrent();
    }
  }
}
