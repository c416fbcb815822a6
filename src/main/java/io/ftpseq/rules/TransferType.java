package io.ftpseq.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * The argument of TYPE as servers tell its forms apart (RFC 959 §4.1.2: {@code A} or {@code E} with
 * an optional format {@code N}, {@code T} or {@code C}, {@code I}, {@code L} and a byte size), in
 * any case: the situation whose reaction answers it. Their answers differ by form, not by case:
 * vsftpd takes {@code A N} and refuses {@code A T}, pyftpdlib refuses both, Apache FtpServer
 * refuses {@code L 8}.
 */
final class TransferType {

  private TransferType() {}

  /**
   * The situation of a TYPE argument: empty for {@code I}, answered as usual ({@code REPLY:TYPE});
   * {@link Situation#REPLY} for a form no situation names ({@code L 7}, {@code I X}), whose answer
   * is not known.
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
          case "E", "E N", "E T", "E C" -> Situation.TYPE_EBCDIC;
          default -> "AEIL".indexOf(type.charAt(0)) < 0 ? Situation.TYPE_UNKNOWN : Situation.REPLY;
        });
  }
}
