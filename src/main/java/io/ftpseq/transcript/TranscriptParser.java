package io.ftpseq.transcript;

/** Reads one input line by line; keeps only the state the format needs between lines. */
public interface TranscriptParser {

  /** Takes the next line, without its line ending; {@code number} is 1-based. */
  void line(long number, String text);

  /** Ends the input: anything still open is given to the sink or reported as a problem. */
  void end(long lastLine);
}
