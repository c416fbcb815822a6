package io.ftpseq.cli;

import io.ftpseq.report.html.InputLines;
import io.ftpseq.transcript.ShownLines;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;

/**
 * The raw lines of the files a run checked, read again for the HTML report. Standard input, a FIFO
 * or a device cannot be read twice, so they have none.
 *
 * <p>The report asks for them a session at a time, in the order the sessions start, so one input is
 * read once, front to back, from where the last session's lines were: reading it from the start for
 * every session made a report of a large log take hours. A request for lines already let go (an
 * input asked for again, by a second report) starts that input again.
 */
final class CheckedFileLines implements InputLines, Closeable {

  /**
   * How many lines before a session's first wanted line are kept for the sessions after it: a
   * session that starts on a later line can still want a few lines before (around a finding).
   */
  private static final long KEPT_BEFORE = 64;

  private final Map<String, Path> files = new HashMap<>();
  private String openName;
  private InputStream open;
  private ShownLines shown;

  CheckedFileLines(List<Inputs.Input> inputs) {
    for (Inputs.Input input : inputs) {
      if (input.path() != null && Files.isRegularFile(input.path())) {
        files.put(input.name(), input.path());
      }
    }
  }

  @Override
  public synchronized Map<Long, String> read(String input, String format, NavigableSet<Long> lines)
      throws IOException {
    Path path = files.get(input);
    if (path == null || lines.isEmpty()) {
      return Map.of();
    }
    String name = input + "\n" + format;
    if (shown == null || !name.equals(openName) || !shown.reaches(lines.first())) {
      close();
      InputStream raw = Files.newInputStream(path);
      try {
        open = Inputs.decompressed(input, raw);
      } catch (IOException e) {
        raw.close();
        throw e;
      }
      openName = name;
      shown = new ShownLines(open, format);
    }
    Map<Long, String> read = shown.read(lines);
    shown.forgetBefore(lines.first() - KEPT_BEFORE);
    return read;
  }

  /** Closes the input read last. */
  @Override
  public synchronized void close() throws IOException {
    shown = null;
    openName = null;
    if (open != null) {
      InputStream closing = open;
      open = null;
      closing.close();
    }
  }
}
