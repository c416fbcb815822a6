package io.ftpseq.transcript;

import io.ftpseq.protocol.Command;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.Source;
import java.util.regex.Pattern;

/** Receives what a parser reads, per session of the input. */
public interface TranscriptSink {

  /**
   * A password as it may stand in a line: the word PASS, a separator of up to three marks, and the
   * password.
   */
  Pattern PASSWORD = Pattern.compile("(?i)\\b(PASS\\W{1,3})[^\\s\"',}]+");

  /** The name of the only session of inputs that hold one session. */
  String SINGLE = "";

  /** An event of the named session. */
  void event(String session, SessionEvent event);

  /** A line of the named session that could not be read. */
  void problem(String session, Problem problem);

  /**
   * Reports a line that is not in the format being read, quoting it with any password after a
   * {@code PASS} masked. Such lines belong to no session, so the report lists them with the input.
   */
  default void strayLine(String source, long number, String format, String text) {
    problem(
        SINGLE,
        new Problem(
            new Source(source, number),
            "not a "
                + format
                + " line: \""
                + PASSWORD.matcher(text).replaceAll("$1" + Command.MASK)
                + "\""));
  }
}
