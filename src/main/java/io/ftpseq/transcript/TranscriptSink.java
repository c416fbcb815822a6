package io.ftpseq.transcript;

import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.Source;

/** Receives what a parser reads, per session of the input. */
public interface TranscriptSink {

  /** The name of the only session of inputs that hold one session. */
  String SINGLE = "";

  /** An event of the named session. */
  void event(String session, SessionEvent event);

  /** A line of the named session that could not be read. */
  void problem(String session, Problem problem);

  /**
   * Reports a line that is not in the format being read, quoting it. Such lines belong to no
   * session, so the report lists them with the input.
   */
  default void strayLine(String source, long number, String format, String text) {
    problem(
        SINGLE,
        new Problem(new Source(source, number), "not a " + format + " line: \"" + text + "\""));
  }
}
