package io.ftpseq.proxy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * Which session an event is about.
 *
 * @param id the session's id, {@code s1}, {@code s2}, ... in the order clients connected; also the
 *     name findings and reports give the session
 * @param client the client's address
 * @param upstream the server's address
 * @param started when the client connected
 */
public record SessionInfo(
    String id, InetSocketAddress client, InetSocketAddress upstream, Instant started) {

  /** Validates the parts. */
  public SessionInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(started, "started");
  }

  /** An address as messages show it: {@code 127.0.0.1:2121}, {@code [::1]:2121}. */
  public static String show(InetSocketAddress address) {
    String host =
        address.getAddress() == null ? address.getHostString() : host(address.getAddress());
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  /**
   * An address as text the way clients and servers write it: {@code 127.0.0.1}, and an IPv6 address
   * as RFC 5952 §4 has it ({@code ::1}, {@code fe80::1}), not as Java writes it ({@code
   * 0:0:0:0:0:0:0:1}), which a server that compares the address of an EPRT as text with its
   * client's (pyftpdlib) refuses.
   */
  public static String host(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }
    byte[] bytes = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    // the longest run of two or more zero groups, the first of equals, becomes "::" (§4.2)
    int start = -1;
    int length = 0;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > length && j - i >= 2) {
        start = i;
        length = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == start) {
        text.append("::");
        i += length - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }
}
