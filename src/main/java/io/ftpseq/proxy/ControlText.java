package io.ftpseq.proxy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of a control line as the checks read it: without its line ending and without Telnet
 * commands (RFC 959 §4.1.3 has clients send {@code IAC IP IAC DM} before ABOR), decoded as UTF-8
 * (RFC 2640) or, when the bytes are not UTF-8, as Latin-1. The bytes relayed are never changed but
 * for a line ending in LF alone, relayed ending in CRLF ({@link #crlf}).
 */
final class ControlText {

  private static final int IAC = 0xff;
  private static final int WILL = 251;
  private static final int DONT = 254;

  private ControlText() {}

  /** The command or reply text of a line. */
  static String of(byte[] line) {
    int length = line.length;
    while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) {
      length--;
    }
    byte[] text = new byte[length];
    int n = 0;
    for (int i = 0; i < length; i++) {
      int b = line[i] & 0xff;
      if (b != IAC) {
        text[n++] = line[i];
      } else if (i + 1 < length && (line[i + 1] & 0xff) == IAC) {
        text[n++] = line[++i];
      } else if (i + 1 < length) {
        int command = line[++i] & 0xff;
        if (command >= WILL && command <= DONT) {
          i++; // the option byte of WILL, WONT, DO, DONT
        }
      }
    }
    return decode(ByteBuffer.wrap(text, 0, n));
  }

  /**
   * The line ended by CRLF where it ends by LF alone; the same array otherwise (a line ended by
   * CRLF, or cut by the end of the stream). RFC 959 ends every line with CRLF, and some peers end a
   * line only there: relayed with LF alone, it would join the next for them while the proxy has
   * read and recorded two.
   */
  static byte[] crlf(byte[] line) {
    int n = line.length;
    if (n == 0 || line[n - 1] != '\n' || (n > 1 && line[n - 2] == '\r')) {
      return line;
    }
    byte[] ended = Arrays.copyOf(line, n + 1);
    ended[n - 1] = '\r';
    ended[n] = '\n';
    return ended;
  }

  /** Whether the line holds a NUL byte, which no command or reply has. */
  static boolean hasNul(byte[] line) {
    for (byte b : line) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  /** The line with every control character but tab shown as {@code \xNN}, for messages. */
  static String printable(String text) {
    String shown = shown(text);
    return shown.length() > 200 ? shown.substring(0, 200) : shown;
  }

  /**
   * The whole text with every control character but tab (C0, DEL and C1, among them a bare CR and
   * NEL, which readers take for line ends) shown as {@code \xNN}, so that a record keeps one wire
   * line on one line; the text itself when it has none.
   */
  static String shown(String text) {
    int first = 0;
    while (first < text.length() && !isControl(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isControl(char c) {
    return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f);
  }

  private static String decode(ByteBuffer bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes.duplicate())
          .toString();
    } catch (CharacterCodingException e) {
      return StandardCharsets.ISO_8859_1.decode(bytes).toString();
    }
  }
}
