package io.ftpseq.report.html;

import io.ftpseq.profile.Prediction;
import io.ftpseq.protocol.Reply;
import io.ftpseq.rules.Finding;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.Source;
import java.util.List;

/** One line of a session's sequence diagram: a command, a reply, or a note about the record. */
sealed interface Row permits Row.Message, Row.Marker {

  /** Where the row's event was recorded. */
  Source source();

  /** Whether a data connection is open while the row happens. */
  boolean dataOpen();

  /** Whether the row must stay visible when quiet stretches are folded. */
  boolean isLoud();

  /**
   * A command (client to server) or a reply (server to client), drawn as one arrow.
   *
   * @param source where it was recorded
   * @param command the command's text (password masked), or {@code null} for a reply
   * @param reply the reply, or {@code null} for a command
   * @param findings the findings drawn at this arrow
   * @param changes what the step changed in the session's state, shown after its last arrow
   * @param prediction what the server profile predicted, shown beside the first reply, or null
   * @param dataOpen whether a data connection is open
   */
  record Message(
      Source source,
      String command,
      Reply reply,
      List<Finding> findings,
      List<String> changes,
      Prediction prediction,
      boolean dataOpen)
      implements Row {

    /** Copies the lists. */
    public Message {
      findings = List.copyOf(findings);
      changes = List.copyOf(changes);
    }

    /** The same arrow with the findings drawn at it. */
    Message withFindings(List<Finding> drawn) {
      return new Message(source, command, reply, drawn, changes, prediction, dataOpen);
    }

    /** Whether the arrow goes from the client to the server. */
    boolean isCommand() {
      return command != null;
    }

    /** The arrow's text: the command, or the reply's first line. */
    String label() {
      return command != null ? command : reply.firstLine();
    }

    @Override
    public boolean isLoud() {
      return !findings.isEmpty();
    }
  }

  /**
   * A note the record makes about itself: a data connection opened or closed, lines missing, the
   * start missing, encryption from here on.
   *
   * @param note the note
   * @param dataOpen whether a data connection is open after it
   */
  record Marker(Note note, boolean dataOpen) implements Row {

    @Override
    public Source source() {
      return note.source();
    }

    @Override
    public boolean isLoud() {
      return note.kind().isGap();
    }
  }
}
