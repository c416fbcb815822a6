package io.ftpseq.rules;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The argument of TYPE as servers tell its forms apart (RFC 959 §4.1.2: {@code A} or {@code E} with
 * an optional format {@code N}, {@code T} or {@code C}, {@code I}, {@code L} and a byte size), in
 * any case: the situation whose reaction answers it. Their answers differ by form, not by case:
 * vsftpd takes {@code A N} and refuses {@code A T}, pyftpdlib refuses both, Apache FtpServer
 * refuses {@code L 8}.
 */
final class TransferType {

  private TransferType() {}

  /** A type code, one space and one word: {@code L 16}, {@code I N}, {@code A X}. */
  private static final Pattern WITH_PARAMETER = Pattern.compile("([AEIL]) ([^ ]+)");

  /**
   * The situation of a TYPE argument: empty for {@code I}, answered as usual ({@code REPLY:TYPE});
   * {@link Situation#REPLY} for a form no situation names ({@code L} alone, {@code L 8 X}, {@code E
   * X}), whose answer is not known.
   */
  static Optional<Situation> situation(String argument) {
    String type = argument.toUpperCase(Locale.ROOT);
    if (type.isEmpty()) {
      return Optional.of(Situation.ARGUMENT_MISSING);
    }
    return Optional.ofNullable(
        switch (type) {
          case "I" -> null;
          case "A" -> Situation.TYPE_ASCII;
          case "A N" -> Situation.TYPE_ASCII_NON_PRINT;
          case "A T", "A C" -> Situation.TYPE_ASCII_OTHER_FORMAT;
          case "L 8" -> Situation.TYPE_LOCAL_8;
          case "L 7" -> Situation.TYPE_LOCAL_7;
          case "E", "E N", "E T", "E C" -> Situation.TYPE_EBCDIC;
          default ->
              "AEIL".indexOf(type.charAt(0)) < 0 ? Situation.TYPE_UNKNOWN : withParameter(type);
        });
  }

  /**
   * A type code with a parameter its form does not name: {@code L} with another byte size, {@code
   * I} with any, {@code A} with an unknown format; anything else is not known.
   */
  private static Situation withParameter(String type) {
    Matcher form = WITH_PARAMETER.matcher(type);
    if (!form.matches()) {
      return Situation.REPLY;
    }
    String parameter = form.group(2);
    return switch (form.group(1)) {
      case "L" ->
          parameter.chars().allMatch(c -> c >= '0' && c <= '9')
              ? Situation.TYPE_LOCAL_OTHER
              : Situation.REPLY;
      case "I" -> Situation.TYPE_IMAGE_WITH_FORMAT;
      case "A" -> Situation.TYPE_ASCII_UNKNOWN_FORMAT;
      default -> Situation.REPLY;
    };
  }

  /**
   * Whether a TYPE the server accepted leaves the session in ASCII mode: an ASCII form, or {@code L
   * 7}, 7-bit bytes, which ProFTPD and pyftpdlib take as ASCII (Pure-FTPd answers it "Missing
   * argument" and sets image, the one server the model does not follow here).
   */
  static boolean setsAscii(String argument) {
    String type = argument.toUpperCase(Locale.ROOT);
    return type.startsWith("A") || type.equals("L 7");
  }
}
