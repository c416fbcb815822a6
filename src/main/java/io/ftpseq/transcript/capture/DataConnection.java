package io.ftpseq.transcript.capture;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.SessionEvent.NoteKind;

/**
 * A data connection of a control connection: a "data connection opened" note when it is first seen
 * and a "closed" note with the bytes each side sent when it ends. Its content (listings, file
 * bytes) is counted, never kept.
 */
final class DataConnection implements TcpConnection.Listener {

  private final TcpConnection connection;
  private final FtpControlConnection owner;
  private final boolean serverResponds;
  private long fromClient;
  private long fromServer;
  private boolean gaps;

  /**
   * The data connection {@code connection} of {@code owner}; {@code serverResponds} says whether
   * the FTP server's end is the one that accepted it (passive mode) rather than opened it (active).
   */
  DataConnection(TcpConnection connection, FtpControlConnection owner, boolean serverResponds) {
    this.connection = connection;
    this.owner = owner;
    this.serverResponds = serverResponds;
  }

  /** Tells the owner the connection was opened, at its first packet. */
  void opened() {
    owner.dataNote(connection.firstFrame(), NoteKind.DATA_OPENED, ends());
  }

  @Override
  public void bytes(boolean fromInitiator, long frame, byte[] data, int offset, int length) {
    if (fromInitiator == serverResponds) {
      fromClient += length;
    } else {
      fromServer += length;
    }
  }

  @Override
  public void gap(boolean fromInitiator, long frame, boolean cut) {
    gaps = true;
  }

  @Override
  public void closed(long frame) {
    owner.dataNote(
        frame,
        NoteKind.DATA_CLOSED,
        gaps
            ? Phrase.of("note.detail.capture.dataClosedGaps", ends(), fromClient, fromServer)
            : Phrase.of("note.detail.capture.dataClosed", ends(), fromClient, fromServer));
  }

  @Override
  public boolean reading() {
    return true;
  }

  private Phrase ends() {
    Endpoint client = serverResponds ? connection.initiator() : connection.responder();
    Endpoint server = serverResponds ? connection.responder() : connection.initiator();
    return Phrase.of("capture.ends", client.toString(), server.toString());
  }
}
