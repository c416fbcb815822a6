package io.ftpseq.rules;

import java.util.Optional;

/**
 * The offset of a REST command as servers read it: decimal digits (RFC 3659 §5.3: {@code "REST" SP
 * 1*DIGIT}), which ProFTPD, Pure-FTPd, pyftpdlib and Apache FtpServer also take after a plus sign
 * (vsftpd reads that as 0). Anything else, a letter, a minus sign or {@code 0x10}, is not a number
 * to any of them.
 */
final class RestartOffset {

  private RestartOffset() {}

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
