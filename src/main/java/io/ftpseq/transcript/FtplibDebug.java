package io.ftpseq.transcript;

import io.ftpseq.protocol.ReplyAssembler;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import java.util.List;

/**
 * What Python's {@code ftplib} prints with {@code set_debuglevel(1)} or {@code (2)}: {@code *cmd*}
 * and {@code *resp*} records whose text is a Python string literal; a multi-line reply is one
 * {@code *resp*} record with its lines joined by {@code \n}. Level 2's {@code *put*} and {@code
 * *get*} repeat the same bytes and are skipped, as are {@code *welcome*} and {@code *retr*}; a
 * {@code *get*} record that is no line of a reply is still a problem, since the {@code *resp*}
 * after it can then not be trusted either. A line that is not a debug record (the program's own
 * output mixed in) is a problem that quotes it.
 *
 * <pre>
 * *resp* '220 (vsFTPd 3.0.3)'
 * *cmd* 'USER anonymous'
 * *resp* '331 Please specify the password.'
 * *cmd* 'PASS **********'
 * </pre>
 */
public final class FtplibDebug implements TranscriptFormat {

  /** The kinds of record ftplib's debugging prints, each between stars. */
  private static final List<String> KINDS =
      List.of("cmd", "resp", "put", "get", "put urgent", "welcome", "retr");

  /**
   * A record ftplib printed, {@code *cmd* 'USER alice'}: its kind and what follows it. Read by
   * hand, as the pattern {@code ^\*(cmd|resp|put|get|put urgent|welcome|retr)\* (.*)$} reads it.
   */
  record DebugRecord(String kind, String value) {

    /** The record the line is, or {@code null} when it is none. */
    static DebugRecord read(String text) {
      int end = text.startsWith("*") ? text.indexOf('*', 1) : -1;
      if (end < 0 || !text.startsWith(" ", end + 1)) {
        return null;
      }
      for (String kind : KINDS) {
        if (kind.length() == end - 1 && text.startsWith(kind, 1)) {
          return new DebugRecord(kind, text.substring(end + 2));
        }
      }
      return null;
    }
  }

  @Override
  public String name() {
    return "ftplib";
  }

  @Override
  public int recognise(List<String> head) {
    for (String line : head) {
      DebugRecord record = DebugRecord.read(line);
      if (record != null && (record.kind().equals("cmd") || record.kind().equals("resp"))) {
        return 95;
      }
    }
    return 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    LineDialogue dialogue = new LineDialogue(source, TranscriptSink.SINGLE, sink);
    ReplyAssembler received = new ReplyAssembler(); // the *get* lines, checked as reply lines
    return new TranscriptParser() {
      @Override
      public LineUse line(long number, String text) {
        if (text.isBlank()) {
          return LineUse.SKIPPED;
        }
        DebugRecord m = DebugRecord.read(text);
        if (m == null) {
          return dialogue.problem(number, Phrase.of("problem.ftplib", Problem.quote(text)));
        }
        String kind = m.kind();
        if (kind.equals("get")) {
          return received(number, m.value());
        }
        if (!kind.equals("cmd") && !kind.equals("resp")) {
          return LineUse.SKIPPED; // *put*, *get* and the others repeat the same bytes
        }
        String value = PythonLiteral.unquote(m.value());
        if (value == null) {
          return dialogue.problem(
              number, Phrase.of("problem.pythonLiteral", Problem.quote(m.value())));
        } else if (kind.equals("cmd")) {
          return dialogue.command(number, value);
        }
        // each line of the reply, as split("\n", -1) gives them: a reply of one line, as most
        // are, is the value itself, no copy made
        LineUse use = LineUse.DIALOGUE;
        for (int from = 0, end; from <= value.length(); from = end + 1) {
          end = value.indexOf('\n', from);
          end = end < 0 ? value.length() : end;
          if (dialogue.replyLine(number, value.substring(from, end)) == LineUse.PROBLEM) {
            use = LineUse.PROBLEM;
          }
        }
        return use;
      }

      /** A {@code *get*} record: skipped when it is a line of a reply, else a problem. */
      private LineUse received(long number, String literal) {
        String value = PythonLiteral.unquote(literal);
        if (value == null) {
          return dialogue.problem(
              number, Phrase.of("problem.pythonLiteral", Problem.quote(literal)));
        }
        String line = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (received.accept(line) instanceof ReplyAssembler.Malformed) {
          return dialogue.unreadableReply(number, Phrase.of("problem.ftplib.get"), line);
        }
        return LineUse.SKIPPED; // the *resp* record after it repeats the same lines
      }

      @Override
      public void end(long lastLine) {
        dialogue.end(lastLine);
      }
    };
  }
}
