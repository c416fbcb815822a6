package io.ftpseq.transcript.capture;

import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;

/**
 * Receives what a capture reader finds, per control connection: each connection is a session named
 * {@code client -> server}; problems of the capture as a whole go to the session named {@link
 * #WHOLE_CAPTURE}.
 */
public interface CaptureSink {

  /** The session name of problems that belong to the capture as a whole. */
  String WHOLE_CAPTURE = "";

  /** An event of the named session. */
  void event(String session, SessionEvent event);

  /** Something of the named session (or of the whole capture) that could not be read. */
  void problem(String session, Problem problem);
}
