package io.ftpseq.transcript;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the classic command-line {@code ftp} client prints with {@code -d} (or {@code debug} at its
 * prompt) and {@code -v}: tnftp (Debian's {@code ftp}), GNU inetutils and the BSD clients write
 * {@code ---> } before each command sent and print the server's reply lines as they are, with no
 * marker.
 *
 * <pre>
 * Connected to 127.0.0.1.
 * 220 Service ready for new user.
 * ---&gt; USER alice
 * 331 User name okay, need password for alice.
 * ---&gt; PASS XXXX
 * </pre>
 *
 * <p>The client masks its own {@code PASS} as {@code PASS XXXX}, but tnftp prints a password sent
 * with {@code quote PASS ...} in clear; either way the command is masked when read. Everything else
 * on the output (the client's messages, directory listings, transfer statistics) is neither a
 * command nor a reply and is left out, as there is no telling it from stray text. tnftp prints the
 * reply to {@code PASV} or {@code EPSV} a second time after reading the address from it; that
 * repeat is not a second reply. Each "Connected to" line opens a new control connection, a session
 * of its own named "connection N".
 */
public final class BsdFtpDebug implements TranscriptFormat {

  private static final String SENT = "---> ";
  private static final String CONNECTED = "Connected to ";

  /** A reply's first line; stricter than a leading number, as "9 bytes sent" is the client's. */
  private static final Pattern REPLY = Pattern.compile("^[1-6]\\d\\d(?:[ -].*)?$");

  @Override
  public String name() {
    return "ftp";
  }

  @Override
  public int recognise(List<String> head) {
    boolean sent = false;
    boolean replies = false;
    for (String line : head) {
      if (line.startsWith("<--- ")) {
        return 0; // lftp marks replies too
      }
      sent |= line.startsWith(SENT);
      replies |= REPLY.matcher(line).matches();
    }
    return sent && replies ? 85 : 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    return new TranscriptParser() {
      private LineDialogue dialogue;
      private int connections;
      private String lastReplyLine;

      @Override
      public void line(long number, String text) {
        if (text.startsWith(SENT)) {
          lastReplyLine = null;
          current().command(number, text.substring(SENT.length()));
        } else if (dialogue != null && dialogue.replyOpen()) {
          dialogue.replyLine(number, text);
        } else if (REPLY.matcher(text).matches()) {
          if (!isPassiveRepeat(text)) {
            current().replyLine(number, text);
          }
          lastReplyLine = text;
        } else if (text.startsWith(CONNECTED)) {
          open(number);
        }
      }

      /** Whether the line repeats the passive-mode reply just read, as tnftp prints it twice. */
      private boolean isPassiveRepeat(String text) {
        return text.equals(lastReplyLine) && (text.startsWith("227 ") || text.startsWith("229 "));
      }

      private LineDialogue current() {
        if (dialogue == null) {
          dialogue = new LineDialogue(source, TranscriptSink.SINGLE, sink);
        }
        return dialogue;
      }

      private void open(long number) {
        if (dialogue != null) {
          dialogue.end(number);
        }
        connections++;
        lastReplyLine = null;
        dialogue = new LineDialogue(source, "connection " + connections, sink);
      }

      @Override
      public void end(long lastLine) {
        if (dialogue != null) {
          dialogue.end(lastLine);
        }
      }
    };
  }
}
