package io.ftpseq.proxy;

import java.io.Closeable;
import java.io.IOException;

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
}
