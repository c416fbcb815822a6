package io.ftpseq.spark;

import java.util.regex.Pattern;

/**
 * The client and server addresses a session's name gives. Readers name a session by what its record
 * keys it on: a connection {@code client -> server} (captures, Zeek, Suricata), or the client's
 * address with a process or connection number (vsftpd, ProFTPD, Pure-FTPd, FileZilla Server, IIS).
 * Where a name gives no address, the column is empty: nothing is guessed.
 *
 * @param client the client's address, without its port, or {@code null}
 * @param server the server's address, without its port, or {@code null}
 */
record Endpoints(String client, String server) {

  private static final String ARROW = " -> ";
  private static final Pattern SPACE = Pattern.compile(" ");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

  /** The addresses in a session's name. */
  static Endpoints of(String session) {
    int arrow = session.indexOf(ARROW);
    if (arrow >= 0) {
      String before = session.substring(0, arrow);
      String client = before.substring(before.lastIndexOf(' ') + 1);
      String after = session.substring(arrow + ARROW.length());
      int space = after.indexOf(' ');
      String server = space < 0 ? after : after.substring(0, space);
      return new Endpoints(withoutPort(client), withoutPort(server));
    }
    for (String token : SPACE.split(session, -1)) {
      if (isAddress(token)) {
        return new Endpoints(token, null);
      }
    }
    return new Endpoints(null, null);
  }

  /**
   * An address without its port: {@code [v6]:port}, {@code v4:port}, or Zeek's {@code v6:port} (the
   * port after the last colon when the rest is an address).
   */
  private static String withoutPort(String endpoint) {
    if (endpoint.startsWith("[")) {
      int close = endpoint.indexOf(']');
      return close > 0 ? endpoint.substring(1, close) : endpoint;
    }
    int colon = endpoint.lastIndexOf(':');
    if (colon > 0 && isAddress(endpoint.substring(0, colon))) {
      return endpoint.substring(0, colon);
    }
    return endpoint;
  }

  private static boolean isAddress(String token) {
    return IPV4.matcher(token).matches()
        || (IPV6.matcher(token).matches() && token.indexOf(':') != token.lastIndexOf(':'));
  }
}
