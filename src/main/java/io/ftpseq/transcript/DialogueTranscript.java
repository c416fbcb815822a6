package io.ftpseq.transcript;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.LinePatterns;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.NoteKind;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain dialogue format: each line marked {@code C:} (client) or {@code S:} (server), or {@code
 * >} and {@code <} as many tools print them. Blank lines and lines starting with {@code #} are
 * comments. An unmarked line continues an open multi-line reply.
 *
 * <pre>
 * S: 220 Service ready
 * C: USER alice
 * S: 331 Password required
 * </pre>
 *
 * <p>Eight comments have a meaning, so that a recorder (ftpseq's live transcripts) can say what the
 * dialogue alone cannot: {@code # sent by LIBRARY itself: WHY} says the next command was sent by
 * the client library on its own, not by the code that uses it, so findings about it are left out
 * (the live transcripts mark Commons Net's automatic FEAT and keep-alive NOOPs so); {@code # lines
 * missing: WHY} says lines are missing here; {@code # start missing: WHY} says the record starts
 * after the session did; {@code # TLS from connect: WHY} says the control connection was TLS from
 * the start (implicit FTPS), so the security exchange counts as done; {@code # not from the server:
 * WHY} says the next reply was made by a proxy between client and server, so the command it answers
 * never reached the server and the reply is not judged as the server's; {@code # connected: WHY}
 * says the client opened a new control connection here (a live client that connected again), which
 * starts afresh, logged out; {@code # refused by ftpseq before sending: COMMAND} says a live check
 * refused the command before it went out, so it is judged where it stands, as it was then, but
 * never reached the server; {@code # closed by the server: WHY} says the server closed the control
 * connection here with no reply saying so, cutting off every command still waiting for its reply.
 */
public final class DialogueTranscript implements TranscriptFormat {

  /** A marked line; the text may be indented, as continuation lines of a FEAT reply are. */
  private static final Pattern LETTER_MARK = LinePatterns.compile("^[CScs]:(?: ?\\S| {2})");

  private static final Pattern ARROW_MARK = LinePatterns.compile("^[<>] (?:\\S| )");
  private static final Pattern LIBRARY_COMMAND =
      LinePatterns.compile("^# sent by .+ itself(:.*)?$");
  private static final Pattern TLS_FROM_CONNECT =
      LinePatterns.compile("^# TLS from connect(:.*)?$");
  private static final Pattern NOT_FROM_SERVER =
      LinePatterns.compile("^# not from the server(:.*)?$");
  private static final Pattern CONNECTED = LinePatterns.compile("^# connected(:.*)?$");
  private static final Pattern CLOSED_BY_SERVER =
      LinePatterns.compile("^# closed by the server(?::(.*))?$");
  private static final Pattern REFUSED =
      LinePatterns.compile("^# refused by ftpseq before sending: (.+)$");
  private static final Pattern MISSING = LinePatterns.compile("^# (start|lines) missing: (.*)$");

  @Override
  public String name() {
    return "dialogue";
  }

  @Override
  public int recognise(List<String> head) {
    int letters = 0;
    int arrows = 0;
    int other = 0;
    for (String line : head) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (LETTER_MARK.matcher(line).find()) {
        letters++;
      } else if (ARROW_MARK.matcher(line).find()) {
        arrows++;
      } else {
        other++;
      }
    }
    if (letters > 0 && letters >= other) {
      return 90;
    }
    return arrows > 0 && other == 0 ? 60 : 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    LineDialogue dialogue = new LineDialogue(source, TranscriptSink.SINGLE, sink);
    return new TranscriptParser() {
      @Override
      public LineUse line(long number, String text) {
        if (text.startsWith("#")) {
          return comment(number, text);
        }
        if (text.isBlank()) {
          return LineUse.SKIPPED;
        }
        int mark = markLength(text);
        if (mark == 0) {
          return dialogue.replyOpen()
              ? dialogue.replyLine(number, text)
              : dialogue.problem(
                  number, Phrase.of("problem.dialogue.noMarker", Problem.quote(text)));
        }
        String rest =
            text.substring(text.length() > mark && text.charAt(mark) == ' ' ? mark + 1 : mark);
        char first = Character.toUpperCase(text.charAt(0));
        return first == 'C' || first == '>'
            ? dialogue.command(number, rest)
            : dialogue.replyLine(number, rest);
      }

      @Override
      public void end(long lastLine) {
        dialogue.end(lastLine);
      }

      private LineUse comment(long number, String text) {
        if (LIBRARY_COMMAND.matcher(text).matches()) {
          return dialogue.note(number, NoteKind.LIBRARY_COMMAND, text.substring(1).strip());
        }
        if (TLS_FROM_CONNECT.matcher(text).matches()) {
          return dialogue.note(number, NoteKind.TLS_FROM_CONNECT, text.substring(1).strip());
        }
        if (CONNECTED.matcher(text).matches()) {
          return dialogue.note(number, NoteKind.CONNECTED, text.substring(1).strip());
        }
        Matcher closed = CLOSED_BY_SERVER.matcher(text);
        if (closed.matches()) {
          // the detail as the recorder gave it, so a report of the transcript says what it said
          String why = closed.group(1) == null ? "" : closed.group(1).strip();
          return dialogue.note(number, NoteKind.CLOSED_BY_SERVER, why);
        }
        if (NOT_FROM_SERVER.matcher(text).matches()) {
          return dialogue.note(number, NoteKind.NOT_FROM_SERVER, text.substring(1).strip());
        }
        Matcher refused = REFUSED.matcher(text);
        if (refused.matches()) {
          // the command as the recorder wrote it, masked; read as a command line to mask it again
          return dialogue.note(
              number,
              NoteKind.REFUSED_BEFORE_SENDING,
              Command.parse(refused.group(1).strip()).text());
        }
        Matcher missing = MISSING.matcher(text);
        if (missing.matches()) {
          NoteKind kind =
              missing.group(1).equals("start") ? NoteKind.START_MISSING : NoteKind.LINES_MISSING;
          return dialogue.note(number, kind, missing.group(2).strip());
        }
        return LineUse.SKIPPED;
      }
    };
  }

  /**
   * The length of the line's direction marker ({@code C:}, {@code S:}, {@code >}, {@code <}), or 0.
   */
  private static int markLength(String line) {
    char first = line.charAt(0);
    if (first == '>' || first == '<') {
      return 1;
    }
    boolean letter = first == 'C' || first == 'S' || first == 'c' || first == 's';
    return letter && line.length() > 1 && line.charAt(1) == ':' ? 2 : 0;
  }
}
