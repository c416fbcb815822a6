package io.ftpseq.transcript;

import java.util.function.UnaryOperator;

/**
 * The time last read from a log, kept with the text it was read from: the lines of one second share
 * it, and reading a time is a pattern match and a concatenation that most lines then need not
 * repeat. One per reader of an input, used from one thread at a time.
 */
final class LastTime {

  private final UnaryOperator<String> reading;
  private String written;
  private String read;

  /**
   * Keeps the last time read.
   *
   * @param reading how a time's text is read as ISO 8601, for example {@link LogTime#commonLog}
   */
  LastTime(UnaryOperator<String> reading) {
    this.reading = reading;
  }

  /** The time the text reads as: the last one again when the text is the last one's. */
  String of(String text) {
    if (!text.equals(written)) {
      read = reading.apply(text);
      written = text;
    }
    return read;
  }
}
