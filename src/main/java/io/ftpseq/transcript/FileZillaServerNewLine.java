package io.ftpseq.transcript;

import java.util.Set;

/**
 * A line of FileZilla Server 1.x's log taken apart: its UTC time when written, its tag, its module
 * and its message.
 *
 * <pre>
 * 2025-08-25T00:15:15.084Z &gt;&gt; [FTP Session 6 192.168.1.133 ftpu] RETR notes.txt
 * </pre>
 *
 * <p>Read a character at a time rather than with the pattern {@code ^(?:(\d{4}-\d\d-\d\dT\S+Z)
 * )?(>>|<<|==|!!|WW|D[WIVD]|PP|Command:|Reply:|Status:|Error:|Warning:|Debug \w+:|Private:)
 * \[([^\]]*)\] ?(.*)$}: every line of the log is one, on the thread every line passes through. This
 * reads exactly the lines that pattern matches, with the same parts.
 *
 * @param time the time as written, or {@code null} for a line without one
 * @param tag the tag, {@code >>} or {@code Command:} for a command, {@code <<} or {@code Reply:}
 *     for a reply line, another for a status, a warning or a debug line
 * @param module the module between the brackets: {@code FTP Session 6 192.168.1.133 ftpu}
 * @param message what the module says
 */
record FileZillaServerNewLine(String time, String tag, String module, String message) {

  /** The tags of one word, each followed by {@code " ["}. */
  private static final Set<String> TAGS =
      Set.of(
          ">>",
          "<<",
          "==",
          "!!",
          "WW",
          "DW",
          "DI",
          "DV",
          "DD",
          "PP",
          "Command:",
          "Reply:",
          "Status:",
          "Error:",
          "Warning:",
          "Private:");

  /** The line taken apart, or {@code null} when it is not a line of 1.x's. */
  static FileZillaServerNewLine read(String text) {
    String time = null;
    int tag = 0;
    if (LineChars.fits(text, 0, "0000-00-00T")) {
      int space = 11;
      while (space < text.length() && !LineChars.isSpace(text.charAt(space))) {
        space++;
      }
      if (space < 13 || text.charAt(space - 1) != 'Z' || !LineChars.isAt(text, space, ' ')) {
        return null; // no tag starts with a digit
      }
      time = text.substring(0, space);
      tag = space + 1;
    }
    int tagEnd = tagEnd(text, tag);
    if (tagEnd < 0 || !text.startsWith(" [", tagEnd)) {
      return null;
    }
    int module = tagEnd + 2;
    int moduleEnd = text.indexOf(']', module);
    if (moduleEnd < 0) {
      return null;
    }
    int message = LineChars.isAt(text, moduleEnd + 1, ' ') ? moduleEnd + 2 : moduleEnd + 1;
    return new FileZillaServerNewLine(
        time,
        text.substring(tag, tagEnd),
        text.substring(module, moduleEnd),
        text.substring(message));
  }

  /** Where the tag that starts at {@code at} ends, or -1 when none does. */
  private static int tagEnd(String text, int at) {
    if (text.startsWith("Debug ", at)) {
      int word = at + 6;
      int end = word;
      while (end < text.length() && LineChars.isWord(text.charAt(end))) {
        end++;
      }
      return end > word && LineChars.isAt(text, end, ':') ? end + 1 : -1;
    }
    int space = text.indexOf(' ', at);
    return space > at && TAGS.contains(text.substring(at, space)) ? space : -1;
  }
}
