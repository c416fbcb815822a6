package io.ftpseq.report.html;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.Prediction;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.SessionState;
import io.ftpseq.rules.Step;
import io.ftpseq.session.Exchange;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a session's sequence diagram, built from its kept steps: an arrow per command and per
 * reply in the order the model replayed them, the record's notes between them by position, each
 * finding at the arrow of its step, and each change of state after the step that made it.
 */
final class Timeline {

  private final List<Row> rows = new ArrayList<>();
  private final List<Note> notes;
  private int nextNote;
  private int openData;

  private Timeline(SessionCheck session) {
    this.notes = session.notes().stream().filter(n -> n.kind().isReported()).toList();
  }

  /**
   * The rows of the session.
   *
   * @param findings the findings drawn at their arrows, the session's or some of them
   * @param predictions whether to show the profile's prediction beside each first reply
   */
  static List<Row> of(
      SessionCheck session, List<Finding> findings, Explainer explainer, boolean predictions) {
    Timeline timeline = new Timeline(session);
    SessionState before =
        session.start() == SessionCheck.Start.COMPLETE
            ? SessionState.initial()
            : SessionState.unknown();
    for (int i = 0; i < session.steps().size(); i++) {
      Step step = session.steps().get(i);
      List<String> changes = StateChanges.between(before, step.after(), explainer);
      before = step.after();
      timeline.step(step, changes, predictions ? step.prediction() : null);
    }
    timeline.notesBefore(Long.MAX_VALUE);
    timeline.attach(findings);
    return timeline.rows;
  }

  private void step(Step step, List<String> changes, Prediction predicted) {
    Exchange exchange = step.exchange();
    List<ReplyReceived> replies = exchange.replies();
    Prediction prediction = predicted != null && predicted.predicts() ? predicted : null;
    if (exchange.command() != null) {
      notesBefore(exchange.command().source().line());
      boolean last = replies.isEmpty();
      rows.add(
          new Row.Message(
              exchange.command().source(),
              exchange.command().command().text(),
              null,
              List.of(),
              last ? changes : List.of(),
              last ? prediction : null,
              openData > 0));
    }
    for (int j = 0; j < replies.size(); j++) {
      ReplyReceived reply = replies.get(j);
      notesBefore(reply.source().line());
      boolean last = j == replies.size() - 1;
      rows.add(
          new Row.Message(
              reply.source(),
              null,
              reply.reply(),
              List.of(),
              last ? changes : List.of(),
              j == 0 ? prediction : null,
              openData > 0));
    }
  }

  /** Adds the notes recorded before the given position. */
  private void notesBefore(long line) {
    while (nextNote < notes.size() && notes.get(nextNote).source().line() < line) {
      Note note = notes.get(nextNote++);
      if (note.kind() == NoteKind.DATA_OPENED) {
        openData++;
      } else if (note.kind() == NoteKind.DATA_CLOSED && openData > 0) {
        openData--;
      }
      rows.add(new Row.Marker(note, openData > 0));
    }
  }

  /**
   * Draws each finding at the arrow recorded at its position (a command, or a reply for findings
   * about the server's answer), or when no arrow is (a finding about something the diagram does not
   * draw), at the first arrow after it, else the last.
   */
  private void attach(List<Finding> findings) {
    TreeMap<Long, Integer> byLine = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i) instanceof Row.Message) {
        byLine.putIfAbsent(rows.get(i).source().line(), i);
      }
    }
    if (byLine.isEmpty()) {
      return;
    }
    Map<Integer, List<Finding>> at = new TreeMap<>();
    for (Finding finding : findings) {
      Map.Entry<Long, Integer> row = byLine.ceilingEntry(finding.source().line());
      int index = row == null ? byLine.lastEntry().getValue() : row.getValue();
      at.computeIfAbsent(index, k -> new ArrayList<>()).add(finding);
    }
    at.forEach(
        (index, here) -> rows.set(index, ((Row.Message) rows.get(index)).withFindings(here)));
  }
}
