package io.ftpseq.transcript;

import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands and replies that one line copied out of a log shows, as every reader of {@link
 * TranscriptFormats#ALL} reads it: {@code ftpseq explain} takes a line such as {@code S: 503 Bad
 * sequence}, {@code Response: 503 ...} (FluentFTP, FileZilla) or {@code *cmd* 'RNTO x'} (ftplib)
 * without knowing which program wrote it.
 *
 * <p>The readers' own parsing is reused, so a prefix, a time or a pid that a reader knows is known
 * here too, and a new reader teaches this class its format. Each reader gets the line alone, as the
 * first line of an input; a reader that needs more (a header, an earlier line) finds nothing in it,
 * and its problems are dropped: one reader's "not my line" says nothing about the others. Commands
 * are masked as readers always mask them.
 */
public final class PastedLine {

  private PastedLine() {}

  /**
   * What each reader finds in the line, reader after reader in the order of {@link
   * TranscriptFormats#ALL}: a reader may find nothing, a command, a reply, or both (a server log
   * that writes a command and its reply on one line). A reader may misread a line that is not its
   * own, so the caller picks among the events what it can use.
   */
  public static List<SessionEvent> read(String line) {
    List<SessionEvent> events = new ArrayList<>();
    TranscriptSink sink = new Collecting(events);
    for (TranscriptFormat format : TranscriptFormats.ALL) {
      TranscriptParser parser = format.parser("pasted line", sink);
      parser.line(1, line);
      parser.end(1); // gives a reply whose first line announced more lines
    }
    return List.copyOf(events);
  }

  /** Keeps the commands and replies; drops notes and problems, which explain nothing. */
  private record Collecting(List<SessionEvent> events) implements TranscriptSink {

    @Override
    public void event(String session, SessionEvent event) {
      if (!(event instanceof SessionEvent.Note)) {
        events.add(event);
      }
    }

    @Override
    public void problem(String session, Problem problem) {}
  }
}
