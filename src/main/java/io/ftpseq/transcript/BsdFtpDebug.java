package io.ftpseq.transcript;

import io.ftpseq.protocol.LinePatterns;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
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
 * with {@code quote PASS ...} in clear; either way the command is masked when read. The client's
 * own messages (its prompt, "Remote system type is", transfer statistics, debug lines) and the
 * listings printed between a transfer's 1yz reply and its final reply are skipped; any other line
 * is a problem that quotes it. tnftp prints the reply to {@code PASV} or {@code EPSV} a second time
 * after reading the address from it; that repeat is not a second reply. Each "Connected to" line
 * opens a new control connection, a session of its own named "connection N". The client writes
 * nothing when it closes the connection: the session ends at the 221 reply to QUIT, after which the
 * client closes it, or at a 421, the server's or the one the client prints itself when the server
 * has closed the connection ("421 Service not available, remote server has closed connection"); a
 * line after the end opens the next connection's session.
 */
public final class BsdFtpDebug implements TranscriptFormat {

  private static final String SENT = "---> ";
  private static final String CONNECTED = "Connected to ";

  /**
   * Whether the line is a reply's first line: a code of three digits, the first 1 to 6, alone or
   * followed by a space or hyphen; stricter than a leading number, as "9 bytes sent" is the
   * client's. Read by hand, as {@code ^[1-6]\d\d(?:[ -].*)?$} reads it with {@code matches()}: the
   * pattern ran at every line of a log.
   */
  static boolean isReply(String line) {
    return line.length() >= 3
        && line.charAt(0) >= '1'
        && line.charAt(0) <= '6'
        && LineChars.isDigit(line.charAt(1))
        && LineChars.isDigit(line.charAt(2))
        && (line.length() == 3
            || ((line.charAt(3) == ' ' || line.charAt(3) == '-') && line.indexOf('\n', 4) < 0));
  }

  /** What tnftp, inetutils and the BSD clients print of their own, besides the dialogue. */
  private static final Pattern CHATTER =
      LinePatterns.compile(
          "^(?:ftp> |Name \\(|Password:|Remote system type is |Using (?:binary|ascii) mode"
              + "|local: |\\d+ bytes (?:sent|received) in |setupsockbufsize: |features\\["
              + "|remotemodtime: |Interactive mode |Passive mode |Verbose mode |Debugging |Hash mark"
              + "|Trying |ftp: |Not connected|\\?Invalid command|Connection (?:refused|closed)"
              + "|EPSV/EPRT |Extended passive mode |Local directory now |usage: |\\(local-file\\)"
              + "|\\(remote-file\\)|Receiving |Sending |lost connection|Requested action not taken)");

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
      replies |= isReply(line);
    }
    return sent && replies ? 85 : 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    return new TranscriptParser() {
      private LineDialogue dialogue;
      private int connections;
      private String lastReplyLine;

      /** Whether a transfer's listing is being printed: after its 1yz reply, before the final. */
      private boolean listing;

      @Override
      public LineUse line(long number, String text) {
        if (text.startsWith(SENT)) {
          lastReplyLine = null;
          listing = false;
          return current().command(number, text.substring(SENT.length()));
        } else if (dialogue != null && dialogue.replyOpen()) {
          return dialogue.replyLine(number, text);
        } else if (isReply(text)) {
          LineUse use = LineUse.DIALOGUE;
          if (!isPassiveRepeat(text)) {
            use = current().replyLine(number, text);
          }
          lastReplyLine = text;
          listing = text.startsWith("1");
          return use;
        } else if (text.startsWith(CONNECTED)) {
          open(number);
          return LineUse.DIALOGUE;
        } else if (text.isBlank() || listing || CHATTER.matcher(text).find()) {
          return LineUse.SKIPPED;
        }
        return current().problem(number, Phrase.of("problem.bsdFtp", Problem.quote(text)));
      }

      /** Whether the line repeats the passive-mode reply just read, as tnftp prints it twice. */
      private boolean isPassiveRepeat(String text) {
        return text.equals(lastReplyLine) && (text.startsWith("227 ") || text.startsWith("229 "));
      }

      private LineDialogue current() {
        if (dialogue == null) {
          dialogue = new LineDialogue(source, TranscriptSink.SINGLE, sink).endingAtGoodbye();
        } else if (dialogue.ended()) {
          next();
        }
        return dialogue;
      }

      private void open(long number) {
        if (dialogue != null && !dialogue.ended()) {
          dialogue.close(number);
        }
        next();
      }

      private void next() {
        connections++;
        lastReplyLine = null;
        listing = false;
        dialogue = new LineDialogue(source, "connection " + connections, sink).endingAtGoodbye();
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
