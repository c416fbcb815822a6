package io.ftpseq.rules;

import java.util.Optional;

/**
 * The offset of a REST command as servers read it: decimal digits (RFC 3659 §5.3: {@code "REST" SP
 * 1*DIGIT}), which ProFTPD, Pure-FTPd, pyftpdlib and Apache FtpServer also take after a plus sign
 * (vsftpd reads that as 0, and more than 15 digits too). Anything else, a letter, a minus sign or
 * {@code 0x10}, is not a number to any of them. Asked of the real servers: vsftpd 3.0.3, ProFTPD
 * 1.3.8, Pure-FTPd 1.0.50, pyftpdlib 1.5.7, Apache FtpServer 1.2.1.
 */
final class RestartOffset {

  private RestartOffset() {}

  /** The largest offset most servers take, 2^63-1, a file offset of 64 bits with a sign. */
  private static final String LARGEST = Long.toString(Long.MAX_VALUE);

  /** More digits than this are read as 0 by vsftpd, which counts them as written. */
  private static final int VSFTPD_DIGITS = 15;

  /**
   * The situation of an offset that servers answer otherwise than a plain number, if it is one:
   * {@link Situation#ARGUMENT_MISSING} for none, {@link Situation#REST_OFFSET_NEGATIVE}, {@link
   * Situation#REST_OFFSET_NOT_A_NUMBER}, {@link Situation#REST_OFFSET_WITH_PLUS}, {@link
   * Situation#REST_OFFSET_OVER_63_BITS} or {@link Situation#REST_OFFSET_OVER_15_DIGITS}, in that
   * order; empty for up to 15 digits.
   */
  static Optional<Situation> situation(String argument) {
    if (argument.isEmpty()) {
      return Optional.of(Situation.ARGUMENT_MISSING);
    }
    Optional<String> value = value(argument);
    if (value.isEmpty()) {
      boolean negative = argument.startsWith("-") && value(argument.substring(1)).isPresent();
      return Optional.of(
          negative && !argument.startsWith("-+")
              ? Situation.REST_OFFSET_NEGATIVE
              : Situation.REST_OFFSET_NOT_A_NUMBER);
    }
    String digits = value.get();
    if (argument.startsWith("+")) {
      return Optional.of(Situation.REST_OFFSET_WITH_PLUS);
    }
    boolean over63 =
        digits.length() > LARGEST.length()
            || (digits.length() == LARGEST.length() && digits.compareTo(LARGEST) > 0);
    if (over63) {
      return Optional.of(Situation.REST_OFFSET_OVER_63_BITS);
    }
    return argument.length() > VSFTPD_DIGITS
        ? Optional.of(Situation.REST_OFFSET_OVER_15_DIGITS)
        : Optional.empty();
  }

  /**
   * The offset's value in plain decimal digits, as servers write it back: {@code +007} is {@code
   * 7}; empty when the argument is not a number.
   */
  static Optional<String> value(String argument) {
    int start = argument.startsWith("+") ? 1 : 0;
    if (start == argument.length()) {
      return Optional.empty();
    }
    for (int i = start; i < argument.length(); i++) {
      char c = argument.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
    }
    int first = start;
    while (first < argument.length() - 1 && argument.charAt(first) == '0') {
      first++;
    }
    return Optional.of(argument.substring(first));
  }
}
