package io.ftpseq.transcript;

/** Reads one input line by line; keeps only the state the format needs between lines. */
public interface TranscriptParser {

  /**
   * Takes the next line, without its line ending; {@code number} is 1-based. Returns what the line
   * was: dialogue, skipped by design, or a problem (a line for which the parser reported a problem
   * counts as one whatever it returns).
   */
  LineUse line(long number, String text);

  /** Ends the input: anything still open is given to the sink or reported as a problem. */
  void end(long lastLine);

  /**
   * A parser that does the part of each line's work that depends on the lines alone ahead of the
   * rest: when sessions are judged on other threads, {@link #ahead} runs on the thread that reads
   * the input ({@link LinesAhead}), so that the parsing thread, which every line must pass through
   * in order, is left with what needs the sessions. {@link #ahead} is given every line the parser
   * is given, in order, before {@link #line(long, String, Object)} is given it with the result; it
   * may keep state of its own (a header naming the columns) but must not share it with {@link
   * #line(long, String, Object)} or write to the sink.
   *
   * @param <T> what a line alone shows
   */
  interface ReadAhead<T> extends TranscriptParser {

    /** What the line shows by itself and the lines before it. */
    T ahead(String text);

    /** Takes the next line with what {@link #ahead} gave for it, as {@link #line(long, String)}. */
    LineUse line(long number, String text, T ahead);

    @Override
    default LineUse line(long number, String text) {
      return line(number, text, ahead(text));
    }
  }
}
