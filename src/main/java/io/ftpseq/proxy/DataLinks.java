package io.ftpseq.proxy;

import java.util.ArrayList;
import java.util.List;

/** A session's data connections: those still open, and what those that closed moved. */
final class DataLinks {

  private final List<DataLink> open = new ArrayList<>();
  private int transfers;
  private long bytesToClient;
  private long bytesToServer;

  /**
   * Keeps a new data connection; one still waiting for its peer is closed, as a server forgets a
   * PASV or PORT never used when the next one comes.
   */
  synchronized void add(DataLink link) {
    for (DataLink old : open) {
      if (!old.connected()) {
        old.close();
      }
    }
    open.add(link);
  }

  /** The newest data connection still open, or {@code null}. */
  synchronized DataLink newest() {
    return open.isEmpty() ? null : open.get(open.size() - 1);
  }

  /** Closes every open data connection: ABOR, or the session's end. */
  void closeAll() {
    List<DataLink> closing;
    synchronized (this) {
      closing = new ArrayList<>(open);
    }
    closing.forEach(DataLink::close); // outside the lock: closing calls back into ended
  }

  /**
   * Waits, up to {@code nanos} in all, until every data connection open now has ended and is
   * counted: the counts of a session that ends while a transfer runs include that transfer.
   */
  void awaitEnded(long nanos) throws InterruptedException {
    List<DataLink> ending;
    synchronized (this) {
      ending = new ArrayList<>(open);
    }
    long deadline = System.nanoTime() + nanos;
    for (DataLink link : ending) {
      link.awaitEnded(Math.max(0, deadline - System.nanoTime()));
    }
  }

  /** Counts a data connection that has closed. */
  synchronized void ended(DataLink link) {
    open.remove(link);
    if (link.connected()) {
      transfers++;
    }
    bytesToClient += link.bytesToClient();
    bytesToServer += link.bytesToServer();
  }

  /** How many data connections were relayed. */
  synchronized int transfers() {
    return transfers;
  }

  synchronized long bytesToClient() {
    return bytesToClient;
  }

  synchronized long bytesToServer() {
    return bytesToServer;
  }
}
