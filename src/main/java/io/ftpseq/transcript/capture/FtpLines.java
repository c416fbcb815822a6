package io.ftpseq.transcript.capture;

import io.ftpseq.protocol.ReplyAssembler;
import io.ftpseq.protocol.Verb;
import java.util.Locale;

/**
 * How the lines of a connection look: like FTP replies, like FTP commands, and how to quote them in
 * a problem.
 */
final class FtpLines {

  private FtpLines() {}

  /** A reply line: a code from 100 to 599 and a space, hyphen or end; SMTP also says 220. */
  static boolean looksLikeReply(String text) {
    if (text.length() < 3 || text.charAt(0) < '1' || text.charAt(0) > '5') {
      return false;
    }
    boolean shaped = ReplyAssembler.looksLikeReply(text) && text.indexOf(' ') != 0;
    int digits = 0;
    while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    return shaped && digits == 3 && !text.toUpperCase(Locale.ROOT).contains("SMTP");
  }

  /** A command line: a known FTP verb of three or four letters, alone or before a space. */
  static boolean looksLikeCommand(String text) {
    int space = text.indexOf(' ');
    String word = space < 0 ? text : text.substring(0, space);
    return word.length() >= 3
        && word.length() <= 4
        && word.chars().allMatch(c -> c < 128 && Character.isLetter(c))
        && Verb.of(word) != Verb.OTHER;
  }

  /** Text quoted in a problem: control characters shown as \xNN, at most 80 characters. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < 80; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\uFFFD') {
        out.append(String.format(Locale.ROOT, "\\x%02x", c == '\uFFFD' ? 0xff : (int) c));
      } else {
        out.append(c);
      }
    }
    return out.length() < 80 ? out.toString() : out + "...";
  }
}
