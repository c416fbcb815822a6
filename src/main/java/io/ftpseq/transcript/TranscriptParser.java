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
}
