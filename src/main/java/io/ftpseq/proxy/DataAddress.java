package io.ftpseq.proxy;

import io.ftpseq.session.Phrase;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address of a data connection as the four commands and replies that name one write it: {@code
 * PORT h1,h2,h3,h4,p1,p2} and the {@code 227} reply (RFC 959 §4.1.2), {@code EPRT |1|host|port|}
 * and the {@code 229 (|||port|)} reply (RFC 2428). Parsing is strict: a value out of range, a host
 * name instead of a literal address, or anything else malformed is refused with a reason that
 * quotes it, so a malformed value is never passed on.
 */
final class DataAddress {

  /** Six decimal numbers, as PORT takes them and a 227 reply shows them. */
  private static final Pattern SIX_NUMBERS =
      Pattern.compile("(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3})");

  /** {@code (|||port|)} in a 229 reply; the delimiter may be any printable character. */
  private static final Pattern EXTENDED_PASSIVE =
      Pattern.compile("\\(([\\x21-\\x7e])\\1\\1(\\d{1,5})\\1\\)");

  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  /** What parsing gave: the address, or why there is none. */
  record Parsed(InetSocketAddress address, Phrase error) {
    static Parsed of(InetAddress host, int port) {
      return new Parsed(new InetSocketAddress(host, port), null);
    }

    static Parsed error(Phrase reason) {
      return new Parsed(null, reason);
    }

    boolean ok() {
      return address != null;
    }
  }

  private DataAddress() {}

  /** The argument of PORT: exactly six numbers from 0 to 255, nothing else. */
  static Parsed port(String argument) {
    Matcher m = SIX_NUMBERS.matcher(argument.strip());
    if (!m.matches()) {
      return Parsed.error(Phrase.of("proxy.address.port", argument));
    }
    return fromSix(m, "PORT " + argument);
  }

  /**
   * The address of a 227 reply: the first six numbers in its text (RFC 1123 §4.1.2.6).
   *
   * @param text the reply as the server sent it, its code included, quoted so in an error
   */
  static Parsed passiveReply(String text) {
    Matcher m = SIX_NUMBERS.matcher(text);
    if (!m.find()) {
      return Parsed.error(Phrase.of("proxy.address.no227", text));
    }
    return fromSix(m, text);
  }

  /** The argument of EPRT: {@code <d><af><d><address><d><port><d>} (RFC 2428 §2). */
  static Parsed extendedPort(String argument) {
    String arg = argument.strip();
    String quoted = "EPRT " + argument;
    if (arg.length() < 7 || arg.charAt(0) < 0x21 || arg.charAt(0) > 0x7e) {
      return Parsed.error(Phrase.of("proxy.address.eprt", argument));
    }
    String[] parts = arg.split(Pattern.quote(String.valueOf(arg.charAt(0))), -1);
    if (parts.length != 5 || !parts[0].isEmpty() || !parts[4].isEmpty()) {
      return Parsed.error(Phrase.of("proxy.address.eprt", argument));
    }
    if (!parts[1].equals("1") && !parts[1].equals("2")) {
      return Parsed.error(Phrase.of("proxy.address.family", parts[1]));
    }
    Optional<InetAddress> host = parts[1].equals("1") ? ipv4(parts[2]) : ipv6(parts[2]);
    if (host.isEmpty()) {
      return Parsed.error(Phrase.of("proxy.address.literal", parts[2], parts[1]));
    }
    int port = number(parts[3], 65535);
    return port < 1
        ? Parsed.error(Phrase.of("proxy.address.portRange", quoted))
        : Parsed.of(host.get(), port);
  }

  /**
   * The port of a 229 reply, {@code (|||port|)}; the host is the control connection's peer (RFC
   * 2428 §3), given as {@code host}.
   */
  static Parsed extendedPassiveReply(String text, InetAddress host) {
    Matcher m = EXTENDED_PASSIVE.matcher(text);
    if (!m.find()) {
      return Parsed.error(Phrase.of("proxy.address.no229", text));
    }
    int port = number(m.group(2), 65535);
    return port < 1
        ? Parsed.error(Phrase.of("proxy.address.range229", text))
        : Parsed.of(host, port);
  }

  /** {@code h1,h2,h3,h4,p1,p2} for an IPv4 address, as PORT and 227 write it. */
  static String six(InetSocketAddress address) {
    byte[] b = address.getAddress().getAddress();
    int port = address.getPort();
    return (b[0] & 0xff)
        + ","
        + (b[1] & 0xff)
        + ","
        + (b[2] & 0xff)
        + ","
        + (b[3] & 0xff)
        + ","
        + (port >> 8)
        + ","
        + (port & 0xff);
  }

  /**
   * {@code |1|a.b.c.d|port|} or {@code |2|addr|port|}, as EPRT writes it, an IPv6 address as
   * clients write it ({@link SessionInfo#host}).
   */
  static String extended(InetSocketAddress address) {
    InetAddress host = address.getAddress();
    String family = host instanceof Inet6Address ? "2" : "1";
    return "|" + family + "|" + SessionInfo.host(host) + "|" + address.getPort() + "|";
  }

  /** The reply text with its first six numbers replaced by the address. */
  static String rewritePassive(String text, InetSocketAddress address) {
    Matcher m = SIX_NUMBERS.matcher(text);
    return m.find() ? text.substring(0, m.start()) + six(address) + text.substring(m.end()) : text;
  }

  /** The reply text with the port of its {@code (|||port|)} replaced. */
  static String rewriteExtendedPassive(String text, int port) {
    Matcher m = EXTENDED_PASSIVE.matcher(text);
    return m.find() ? text.substring(0, m.start(2)) + port + text.substring(m.end(2)) : text;
  }

  private static Parsed fromSix(Matcher m, String quoted) {
    int[] n = new int[6];
    for (int i = 0; i < 6; i++) {
      n[i] = number(m.group(i + 1), 255);
      if (n[i] < 0) {
        return Parsed.error(Phrase.of("proxy.address.above255", quoted));
      }
    }
    byte[] host = {(byte) n[0], (byte) n[1], (byte) n[2], (byte) n[3]};
    int port = n[4] * 256 + n[5];
    if (port == 0) {
      return Parsed.error(Phrase.of("proxy.address.portZero", quoted));
    }
    try {
      return Parsed.of(InetAddress.getByAddress(host), port);
    } catch (UnknownHostException e) {
      throw new AssertionError("four bytes are always an address", e);
    }
  }

  /** A decimal number from 0 to {@code max}, or -1. */
  private static int number(String digits, int max) {
    if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    int value = Integer.parseInt(digits);
    return value > max ? -1 : value;
  }

  private static Optional<InetAddress> ipv4(String text) {
    Matcher m = IPV4.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      int n = number(m.group(i + 1), 255);
      if (n < 0) {
        return Optional.empty();
      }
      bytes[i] = (byte) n;
    }
    try {
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      throw new AssertionError("four bytes are always an address", e);
    }
  }

  /**
   * An IPv6 literal; only hex digits, colons and dots reach the parser, so nothing is looked up.
   */
  private static Optional<InetAddress> ipv6(String text) {
    if (!text.contains(":") || !IPV6.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      InetAddress address = InetAddress.getByName(text);
      return address instanceof Inet6Address || address instanceof Inet4Address
          ? Optional.of(address)
          : Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
