package io.ftpseq.transcript.capture;

import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Records what a capture reader sends, one short line per event: "frame > command" and so on. */
final class RecordingSink implements CaptureSink {

  private static final Set<NoteKind> DATA = Set.of(NoteKind.DATA_OPENED, NoteKind.DATA_CLOSED);

  final List<String> lines = new ArrayList<>();
  final Set<String> sessions = new LinkedHashSet<>();
  final List<Source> sources = new ArrayList<>();
  final List<String> ended = new ArrayList<>();

  /** Reads the capture and returns what it sent. */
  static RecordingSink read(byte[] capture) {
    RecordingSink sink = new RecordingSink();
    try {
      new PacketCapture().read("t.pcap", new ByteArrayInputStream(capture), sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sink;
  }

  @Override
  public void event(String session, SessionEvent event) {
    sessions.add(session);
    sources.add(event.source());
    long frame = event.source().line();
    if (event instanceof CommandSent c) {
      lines.add(frame + " > " + c.command().text());
    } else if (event instanceof ReplyReceived r) {
      lines.add(frame + " < " + String.join("|", r.reply().lines()));
    } else if (event instanceof Note n) {
      lines.add(frame + " ! " + n.kind() + (DATA.contains(n.kind()) ? " " + n.detail() : ""));
    }
  }

  @Override
  public void end(String session) {
    ended.add(session);
  }

  @Override
  public void problem(String session, Problem problem) {
    lines.add(problem.source().line() + " ? " + problem.message());
  }

  /** The dialogue without frame numbers: what pairing and the model see. */
  List<String> dialogue() {
    return lines.stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
  }

  @Override
  public void count(PacketUse use, long packets) {
    // what each packet was is counted by the checker; these tests read the events
  }
}
