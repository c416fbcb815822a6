package io.ftpseq.report.html;

import java.io.IOException;
import java.util.Map;
import java.util.NavigableSet;

/**
 * The raw lines of an input, for the report to show the lines around each step. The command line
 * reads them again from the files it checked; standard input and packet captures have none.
 */
@FunctionalInterface
public interface InputLines {

  /** No raw lines for any input. */
  InputLines NONE = (input, format, lines) -> Map.of();

  /**
   * The lines with the given 1-based numbers, as read and masked as a report may show them ({@code
   * TranscriptLines.readShown}): the page shows them as given. A number past the input's end, or an
   * input that cannot be read again, is left out.
   *
   * @param input the input's name, as sessions give it
   * @param format the format it was read as, whose reader learns the secrets to mask again
   * @param lines the numbers wanted, in order
   */
  Map<Long, String> read(String input, String format, NavigableSet<Long> lines) throws IOException;
}
