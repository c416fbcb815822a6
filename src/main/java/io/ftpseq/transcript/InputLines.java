package io.ftpseq.transcript;

import io.ftpseq.protocol.Secrets;
import java.io.Closeable;
import java.io.IOException;

/**
 * The lines of an input, one at a time, each with what reading it showed: its length in bytes,
 * whether it was cut, and where a secret may stand in it ({@link Secrets#candidateIn}). Read on the
 * thread that asks ({@link #of}), or ahead on a thread of their own ({@link LinesAhead}).
 */
interface InputLines extends Closeable {

  /** Moves to the next line; false at the end of the input. */
  boolean next() throws IOException;

  /**
   * Whether the next line, or the end of the input, can be had without waiting for more input (a
   * live log in a pipe that has given all it had so far).
   */
  boolean ready() throws IOException;

  /** The line moved to. */
  String line();

  /** The line's length in bytes, before any cut. */
  long lineBytes();

  /** Whether the line was longer than {@link LineReader#MAX_LINE_BYTES} and was cut. */
  boolean overlong();

  /** What {@link Secrets#candidateIn} gives for the line. */
  int candidate();

  /**
   * What the parser's {@link TranscriptParser.ReadAhead#ahead} gave for the line, read ahead with
   * it; {@link #NOT_AHEAD} when the line was not (the parser reads none ahead, or the line was
   * cut).
   */
  default Object ahead() {
    return NOT_AHEAD;
  }

  /** What {@link #ahead} gives for a line not read ahead. */
  Object NOT_AHEAD = new Object();

  @Override
  void close();

  /** The lines of the reader, read on the thread that asks for them. */
  static InputLines of(LineReader reader) {
    return new InputLines() {
      private String line;

      @Override
      public boolean next() throws IOException {
        line = reader.next();
        return line != null;
      }

      @Override
      public boolean ready() throws IOException {
        return reader.ready();
      }

      @Override
      public String line() {
        return line;
      }

      @Override
      public long lineBytes() {
        return reader.lineBytes();
      }

      @Override
      public boolean overlong() {
        return reader.overlong();
      }

      @Override
      public int candidate() {
        return reader.candidate();
      }

      @Override
      public void close() {}
    };
  }
}
