package io.ftpseq.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import javax.net.ssl.SSLSocket;

/**
 * Copies one direction of a data connection until its sender closes, then closes that direction on
 * the other side, so each side sees the end exactly where the other ended. Between two clear
 * connections the bytes go through a direct buffer without a copy into the heap; a TLS side is read
 * and written through its streams.
 */
final class Pump {

  /**
   * Bytes per buffer. Each relayed direction holds one, so 200 sessions with transfers both ways
   * hold 50 MB of direct memory (the JVM's direct memory is capped at the heap size by default);
   * four times as much would risk running out under the soak's -Xmx256m.
   */
  private static final int BUFFER = 128 * 1024;

  /**
   * The most written before progress is reported. A write blocks until the receiver has taken all
   * it was given, so a whole buffer at once would let a reader at 64 KB/s look stalled for two
   * seconds per buffer; by slices, progress shows every 16 KB the receiver takes.
   */
  private static final int SLICE = 16 * 1024;

  /** Idle buffers kept for the next transfer, at most this many, so memory stays flat. */
  private static final int KEPT = 256;

  private static final ConcurrentLinkedQueue<ByteBuffer> IDLE = new ConcurrentLinkedQueue<>();
  private static final AtomicInteger IDLE_COUNT = new AtomicInteger();

  private Pump() {}

  /**
   * Copies between two clear connections.
   *
   * @param moved told the running total after every slice written
   * @return how many bytes were copied
   * @throws IOException when either side fails
   */
  static long channels(SocketChannel from, SocketChannel to, LongConsumer moved)
      throws IOException {
    ByteBuffer buffer = take();
    long total = 0;
    try {
      while (from.read(buffer) >= 0) {
        buffer.flip();
        total = written(buffer, to, total, moved);
        buffer.clear();
      }
      to.shutdownOutput();
      return total;
    } finally {
      give(buffer);
    }
  }

  /** Copies between two connections of which at least one is TLS, reporting as channels does. */
  static long streams(Socket from, Socket to, LongConsumer moved) throws IOException {
    InputStream in = from.getInputStream();
    OutputStream out = to.getOutputStream();
    // a clear side is written through its channel, which says how much each write took: a
    // stream's write that fails part way says nothing of the part that went out
    SocketChannel channel = to instanceof SSLSocket ? null : to.getChannel();
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) >= 0) {
      if (channel != null) {
        total = written(ByteBuffer.wrap(buffer, 0, n), channel, total, moved);
        continue;
      }
      // a TLS side takes a slice as one record (16 KB at most): all of it is sent, or none of it
      // can be read
      for (int off = 0; off < n; off += SLICE) {
        int length = Math.min(SLICE, n - off);
        out.write(buffer, off, length);
        total += length;
        moved.accept(total);
      }
    }
    out.flush();
    if (to instanceof SSLSocket) {
      to.close(); // TLS has no half-close: close_notify ends the stream
    } else {
      to.shutdownOutput();
    }
    return total;
  }

  /**
   * Writes what {@code buffer} holds, by slices, and tells {@code moved} the running total after
   * every write that took bytes: when a write fails, the total told is what the receiver's side
   * took, not what it took up to the last whole slice.
   *
   * @return the running total once the buffer is written
   */
  private static long written(ByteBuffer buffer, SocketChannel to, long total, LongConsumer moved)
      throws IOException {
    int end = buffer.limit();
    long sum = total;
    while (buffer.hasRemaining()) {
      buffer.limit(Math.min(end, buffer.position() + SLICE));
      while (buffer.hasRemaining()) {
        int n = to.write(buffer);
        if (n > 0) {
          sum += n;
          moved.accept(sum);
        }
      }
      buffer.limit(end);
    }
    return sum;
  }

  private static ByteBuffer take() {
    ByteBuffer buffer = IDLE.poll();
    if (buffer == null) {
      return ByteBuffer.allocateDirect(BUFFER);
    }
    IDLE_COUNT.decrementAndGet();
    buffer.clear();
    return buffer;
  }

  private static void give(ByteBuffer buffer) {
    if (IDLE_COUNT.incrementAndGet() <= KEPT) {
      IDLE.add(buffer);
    } else {
      IDLE_COUNT.decrementAndGet();
    }
  }
}
