package io.ftpseq.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;

/**
 * Whether a proxy's upstream is the proxy itself: the same port on an address its listening socket
 * takes connections on. A proxy listening on 0.0.0.0 or :: takes them on every local address.
 */
final class SelfRelay {

  private SelfRelay() {}

  /** Whether connecting to {@code upstream} would reach a proxy listening on {@code listen}. */
  static boolean isSelf(InetSocketAddress listen, InetSocketAddress upstream) {
    if (listen.getPort() != upstream.getPort() || listen.getPort() == 0) {
      return false;
    }
    InetAddress listening = listen.getAddress();
    InetAddress target = upstream.getAddress();
    if (listening == null || target == null) {
      return false;
    }
    if (listening.equals(target)) {
      return true;
    }
    if (listening.isAnyLocalAddress()) {
      return isLocal(target);
    }
    // connecting to 0.0.0.0 or :: reaches this host
    return target.isAnyLocalAddress() && isLocal(listening);
  }

  private static boolean isLocal(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      return false;
    }
  }
}
