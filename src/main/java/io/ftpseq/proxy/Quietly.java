package io.ftpseq.proxy;

import java.io.Closeable;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/** Closing sockets where a failure to close changes nothing: the connection is over either way. */
final class Quietly {

  private Quietly() {}

  /** Closes {@code closeable}, if there is one, ignoring a failure to close. */
  static void close(Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException e) {
      // closing is best effort: the peer is gone or going
    }
  }

  /**
   * Makes closing {@code channel}, if there is one, reset the connection (SO_LINGER 0) instead of
   * ending it cleanly, so its peer sees a failure rather than the end of the data.
   */
  static void reset(SocketChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.setOption(StandardSocketOptions.SO_LINGER, 0);
    } catch (IOException | RuntimeException e) {
      // closed already: the peer has seen its end
    }
  }
}
