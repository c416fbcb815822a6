package io.ftpseq.proxy;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens the listening sockets of data connections: on any free port, or on the next free port of a
 * configured range, taken in turn so that a port just closed is not reused at once.
 */
final class DataPorts {

  private static final int BACKLOG = 4;

  private final PortRange range;
  private final AtomicInteger next = new AtomicInteger();

  /** Ports from {@code range}, or any free port when it is {@code null}. */
  DataPorts(PortRange range) {
    this.range = range;
  }

  /**
   * A socket listening on {@code local}.
   *
   * @throws IOException when no port of the range is free
   */
  ServerSocketChannel listen(InetAddress local) throws IOException {
    if (range == null) {
      return ServerSocketChannel.open().bind(new InetSocketAddress(local, 0), BACKLOG);
    }
    for (int tried = 0; tried < range.size(); tried++) {
      int port = range.first() + Math.floorMod(next.getAndIncrement(), range.size());
      ServerSocketChannel channel = ServerSocketChannel.open();
      try {
        return channel.bind(new InetSocketAddress(local, port), BACKLOG);
      } catch (BindException e) {
        channel.close();
      }
    }
    throw new IOException("no free port in the data port range " + range);
  }
}
