package io.ftpseq.transcript;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;

/**
 * Some lines of an input read again, numbered and decoded exactly as the readers number and decode
 * them, so a report can show the raw lines around a finding.
 */
public final class TranscriptLines {

  private TranscriptLines() {}

  /**
   * The lines with the given numbers as a report may show them, masked as {@link ShownLines} masks
   * them: every secret the input showed up to the last one wanted (a server's echo of a password
   * sent lines before, a password typed at the user prompt before its PASS), and passwords in words
   * on a line not read as commands and replies. {@link ShownLines} reads on for more.
   */
  public static Map<Long, String> readShown(
      InputStream input, String format, NavigableSet<Long> wanted) throws IOException {
    return new ShownLines(input, format).read(wanted);
  }

  /**
   * The lines with the given 1-based numbers; reading stops after the last one wanted.
   *
   * @param input the input, not closed here
   * @param wanted the line numbers, in order
   */
  public static Map<Long, String> read(InputStream input, NavigableSet<Long> wanted)
      throws IOException {
    Map<Long, String> lines = new HashMap<>();
    if (wanted.isEmpty()) {
      return lines;
    }
    long last = wanted.last();
    LineReader reader = LineReader.ofText(input);
    String line;
    long number = 0;
    while (number < last && (line = reader.next()) != null) {
      number++;
      if (wanted.contains(number)) {
        lines.put(number, line);
      }
    }
    return lines;
  }
}
