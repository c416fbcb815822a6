package io.ftpseq.transcript;

import io.ftpseq.protocol.ReplyAssembler;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import java.util.List;

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
      } else if (looksLikeCommand(line)) {
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
        } else if (looksLikeCommand(text)) {
          return dialogue.command(number, text);
        }
        return dialogue.problem(number, Phrase.of("problem.commonsNet", Problem.quote(text)));
      }

      @Override
      public void end(long lastLine) {
        dialogue.end(lastLine);
      }
    };
  }

  /**
   * Whether a line has a command's shape: three to eight ASCII letters, then the end or a space or
   * tab and an argument on the same line.
   */
  static boolean looksLikeCommand(String line) {
    int letters = 0;
    while (letters < line.length() && letters <= 8 && isAsciiLetter(line.charAt(letters))) {
      letters++;
    }
    if (letters < 3 || letters > 8) {
      return false;
    }
    if (letters == line.length()) {
      return true;
    }
    char separator = line.charAt(letters);
    if (separator != ' ' && separator != '\t') {
      return false;
    }
    return line.indexOf('\n', letters + 1) < 0;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
