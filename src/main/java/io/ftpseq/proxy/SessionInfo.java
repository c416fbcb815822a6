package io.ftpseq.proxy;

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
        address.getAddress() == null
            ? address.getHostString()
            : address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
