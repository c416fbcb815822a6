package io.ftpseq.transcript;

import io.ftpseq.protocol.ReplyAssembler;
import io.ftpseq.session.Problem;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What Apache Commons Net's {@code PrintCommandListener} prints: commands and replies as sent, with
 * no direction marker, or with {@code > } and {@code < } on the first line of each when {@code
 * showDirection} is on. Continuation lines of a multi-line reply are printed raw. With {@code
 * suppressLogin} both {@code USER} and {@code PASS} print as {@code *******}.
 *
 * <p>Commons Net's own note {@code [Replacing PASV mode reply address ...]} is a pseudo-reply, not
 * server output, and is left out.
 */
public final class CommonsNetListenerLog implements TranscriptFormat {

  private static final Pattern COMMAND = Pattern.compile("^[A-Za-z]{3,8}([ \\t].*)?$");
  private static final String PASV_NOTE = "[Replacing PASV mode reply address";

  @Override
  public String name() {
    return "commons-net";
  }

  @Override
  public int recognise(List<String> head) {
    int arrows = 0;
    int replies = 0;
    int commands = 0;
    int other = 0;
    for (String line : head) {
      if (line.startsWith("#")) {
        return 0; // Commons Net prints no comments: this is a hand-written dialogue
      }
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("> ") || line.startsWith("< ")) {
        arrows++;
      } else if (ReplyAssembler.looksLikeReply(line)) {
        replies++;
      } else if (COMMAND.matcher(line).matches()) {
        commands++;
      } else {
        other++;
      }
    }
    if (arrows > 0) {
      return replies + commands + other > 0 ? 70 : 0;
    }
    boolean dialogueShaped = replies > 0 && commands > 0 && other * 4 <= replies + commands;
    return dialogueShaped ? 50 : 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    LineDialogue dialogue = new LineDialogue(source, TranscriptSink.SINGLE, sink);
    return new TranscriptParser() {
      @Override
      public LineUse line(long number, String text) {
        if (text.startsWith("> ")) {
          return dialogue.command(number, text.substring(2));
        } else if (dialogue.replyOpen()) {
          return dialogue.replyLine(number, text.startsWith("< ") ? text.substring(2) : text);
        } else if (text.isBlank() || text.startsWith(PASV_NOTE)) {
          return LineUse.SKIPPED;
        } else if (text.startsWith("< ")) {
          return dialogue.replyLine(number, text.substring(2));
        } else if (ReplyAssembler.looksLikeReply(text)) {
          return dialogue.replyLine(number, text);
        } else if (COMMAND.matcher(text).matches()) {
          return dialogue.command(number, text);
        }
        return dialogue.problem(
            number, "line is neither a command nor a reply: " + Problem.quote(text));
      }

      @Override
      public void end(long lastLine) {
        dialogue.end(lastLine);
      }
    };
  }
}
