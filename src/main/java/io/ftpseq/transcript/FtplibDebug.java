package io.ftpseq.transcript;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Python's {@code ftplib} prints with {@code set_debuglevel(1)} or {@code (2)}: {@code *cmd*}
 * and {@code *resp*} records whose text is a Python string literal; a multi-line reply is one
 * {@code *resp*} record with its lines joined by {@code \n}. Level 2's {@code *put*} and {@code
 * *get*} repeat the same bytes and are skipped, as are {@code *welcome*} and {@code *retr*}. Lines
 * that are not debug records are the program's own output and are left out.
 *
 * <pre>
 * *resp* '220 (vsFTPd 3.0.3)'
 * *cmd* 'USER anonymous'
 * *resp* '331 Please specify the password.'
 * *cmd* 'PASS **********'
 * </pre>
 */
public final class FtplibDebug implements TranscriptFormat {

  private static final Pattern RECORD =
      Pattern.compile("^\\*(cmd|resp|put|get|put urgent|welcome|retr)\\* (.*)$");

  @Override
  public String name() {
    return "ftplib";
  }

  @Override
  public int recognise(List<String> head) {
    for (String line : head) {
      Matcher m = RECORD.matcher(line);
      if (m.matches() && (m.group(1).equals("cmd") || m.group(1).equals("resp"))) {
        return 95;
      }
    }
    return 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    LineDialogue dialogue = new LineDialogue(source, TranscriptSink.SINGLE, sink);
    return new TranscriptParser() {
      @Override
      public void line(long number, String text) {
        Matcher m = RECORD.matcher(text);
        if (!m.matches()) {
          return;
        }
        String kind = m.group(1);
        if (!kind.equals("cmd") && !kind.equals("resp")) {
          return;
        }
        String value = PythonLiteral.unquote(m.group(2));
        if (value == null) {
          dialogue.problem(number, "not a Python string literal: " + m.group(2));
        } else if (kind.equals("cmd")) {
          dialogue.command(number, value);
        } else {
          for (String replyLine : value.split("\n", -1)) {
            dialogue.replyLine(number, replyLine);
          }
        }
      }

      @Override
      public void end(long lastLine) {
        dialogue.end(lastLine);
      }
    };
  }
}
