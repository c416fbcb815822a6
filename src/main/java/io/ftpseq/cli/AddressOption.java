package io.ftpseq.cli;

import io.ftpseq.session.BadValue;
import io.ftpseq.session.Phrase;
import java.net.InetSocketAddress;

/** Reads the socket addresses of {@code ftpseq proxy}'s {@code --listen} and {@code --upstream}. */
final class AddressOption {

  private AddressOption() {}

  /**
   * {@code HOST:PORT}, {@code [IPV6]:PORT}, {@code PORT} alone (on {@code defaultHost}) or {@code
   * HOST} alone (on {@code defaultPort}).
   *
   * @throws BadValue saying what is wrong with the text
   */
  static InetSocketAddress parse(String text, String defaultHost, int defaultPort) {
    String host;
    String port;
    int colon = text.lastIndexOf(':');
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new BadValue(Phrase.of("value.address.noBracket", text));
      }
      host = text.substring(1, close);
      port =
          close + 1 < text.length() && text.charAt(close + 1) == ':'
              ? text.substring(close + 2)
              : "";
    } else if (colon >= 0 && text.indexOf(':') == colon) {
      host = text.substring(0, colon);
      port = text.substring(colon + 1);
    } else if (text.chars().allMatch(Character::isDigit) && defaultHost != null) {
      host = defaultHost;
      port = text;
    } else {
      host = text;
      port = "";
    }
    int number = port.isEmpty() ? defaultPort : parsePort(port, text);
    if (host.isEmpty() || number < 0) {
      throw new BadValue(Phrase.of("value.address.form", text));
    }
    InetSocketAddress address = new InetSocketAddress(host, number);
    if (address.isUnresolved()) {
      throw new BadValue(Phrase.of("value.address.unknownHost", host));
    }
    return address;
  }

  private static int parsePort(String port, String text) {
    if (!port.chars().allMatch(Character::isDigit) || port.length() > 5) {
      throw new BadValue(Phrase.of("value.address.port", port, text));
    }
    int number = Integer.parseInt(port);
    if (number > 65535) {
      throw new BadValue(Phrase.of("value.address.port", port, text));
    }
    return number;
  }
}
