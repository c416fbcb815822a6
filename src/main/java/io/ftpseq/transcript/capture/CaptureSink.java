package io.ftpseq.transcript.capture;

import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;

/**
 * Receives what a capture reader finds, per control connection: each connection is a session named
 * {@code client -> server}; problems of the capture as a whole go to the session named {@link
 * #WHOLE_CAPTURE}. Every packet is counted once, by what it was.
 */
public interface CaptureSink {

  /** The session name of problems that belong to the capture as a whole. */
  String WHOLE_CAPTURE = "";

  /** What a packet was. */
  enum PacketUse {
    /** A packet of an FTP control connection that no problem was reported at. */
    DIALOGUE,
    /** Other traffic, a data connection, or a packet with nothing to read. */
    SKIPPED,
    /**
     * A packet that could not be read: one that a problem was reported at (however many were), or a
     * fragment of a datagram that could not be reassembled. Every report's count of unreadable
     * packets is this one.
     */
    PROBLEM
  }

  /** An event of the named session. */
  void event(String session, SessionEvent event);

  /** Something of the named session (or of the whole capture) that could not be read. */
  void problem(String session, Problem problem);

  /**
   * A command line as the client sent it, before any masking, that may show secrets: they are then
   * masked wherever the capture echoes them later.
   */
  default void secretsIn(String line) {}

  /**
   * A text of the client that may be a password, though no command shows it to be one (the tail of
   * a line whose start was not captured): it is masked wherever the capture echoes it.
   */
  default void secret(String value) {}

  /**
   * The named session is over: its control connection closed and so did every data connection it
   * opened, so nothing more will come for it and what was found can be reported and its memory
   * freed.
   */
  default void end(String session) {}

  /** Counts {@code packets} packets of one use. */
  void count(PacketUse use, long packets);
}
