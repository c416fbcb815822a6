package io.ftpseq.transcript;

import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;

/** Receives what a parser reads, per session of the input. */
public interface TranscriptSink {

  /** The name of the only session of inputs that hold one session. */
  String SINGLE = "";

  /** An event of the named session. */
  void event(String session, SessionEvent event);

  /** A line of the named session that could not be read. */
  void problem(String session, Problem problem);
}
