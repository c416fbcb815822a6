package io.ftpseq.transcript;

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
 */
public final class DialogueTranscript implements TranscriptFormat {

  private static final Pattern MARKED = Pattern.compile("^(C:|S:|c:|s:|>|<) ?(.*)$");
  private static final Pattern LETTER_MARK = Pattern.compile("^[CScs]: ?\\S");
  private static final Pattern ARROW_MARK = Pattern.compile("^[<>] \\S");

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
      public void line(long number, String text) {
        if (text.isBlank() || text.startsWith("#")) {
          return;
        }
        Matcher m = MARKED.matcher(text);
        if (!m.matches()) {
          if (dialogue.replyOpen()) {
            dialogue.replyLine(number, text);
          } else {
            dialogue.problem(
                number, "line has no C:/S: (or >/<) direction marker: \"" + text + "\"");
          }
          return;
        }
        String mark = m.group(1);
        if (mark.equalsIgnoreCase("C:") || mark.equals(">")) {
          dialogue.command(number, m.group(2));
        } else {
          dialogue.replyLine(number, m.group(2));
        }
      }

      @Override
      public void end(long lastLine) {
        dialogue.end(lastLine);
      }
    };
  }
}
