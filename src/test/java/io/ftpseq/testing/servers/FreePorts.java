package io.ftpseq.testing.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.BitSet;
import java.util.concurrent.ThreadLocalRandom;

/** Ports on 127.0.0.1 that were free when asked for. */
final class FreePorts {

  /** The ports of every passive range given so far. */
  private static final BitSet given = new BitSet();

  private FreePorts() {}

  /** One free port. */
  static int one() {
    return one(InetAddress.getLoopbackAddress());
  }

  /** A port free on {@code host} at the time of the call. */
  static int one(InetAddress host) {
    try (ServerSocket socket = new ServerSocket(0, 1, host)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first of {@code size} consecutive free ports, for a server's passive range. A server binds
   * its passive ports only when a transfer needs them, so ranges given to servers that run at the
   * same time in this JVM never overlap, however long ago they were given.
   */
  static synchronized int range(int size) {
    for (int attempt = 0; attempt < 50; attempt++) {
      int first = ThreadLocalRandom.current().nextInt(20_000, 30_000);
      if (given.get(first, first + size).isEmpty() && allFree(first, size)) {
        given.set(first, first + size);
        return first;
      }
    }
    throw new IllegalStateException("no " + size + " consecutive free ports in 20000-30000");
  }

  private static boolean allFree(int first, int size) {
    for (int port = first; port < first + size; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}
