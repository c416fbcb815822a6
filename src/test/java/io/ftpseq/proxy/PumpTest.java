package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pump reports progress as bytes reach the receiving side, not only when a whole buffer has: a
 * slow but steady reader (a client reading a large RETR at 64 KB/s) must not look stalled to the
 * transfer and idle timeouts while a large write is only partly done.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PumpTest {

  /** What the reader takes before it stops reading: less than one of the pump's buffers. */
  private static final int READ = 48 * 1024;

  /** The most a write may have done without reporting it. */
  private static final int SLICE = 16 * 1024;

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void bytesTakenByASlowReaderAreReportedBeforeTheWholeBufferIsWritten() throws Exception {
    try (Pair source = Pair.open(1 << 20, 1 << 20);
        Pair sink = Pair.open(4096, 4096)) {
      AtomicLong reported = new AtomicLong();
      fill(source);
      threads.execute(
          () -> {
            try {
              Pump.channels(source.receiver, sink.sender, reported::set);
            } catch (Exception e) {
              // the test closed the sockets
            }
          });
      assertThat(readExactly(sink.received(), READ)).isEqualTo(READ);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (reported.get() < READ - SLICE && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(reported.get()).isGreaterThanOrEqualTo(READ - SLICE);
    }
  }

  @Test
  void streamsReportBytesTakenByASlowReaderBeforeTheWholeBufferIsWritten() throws Exception {
    try (Pair source = Pair.open(1 << 20, 1 << 20);
        Pair sink = Pair.open(4096, 4096)) {
      AtomicLong reported = new AtomicLong();
      fill(source);
      threads.execute(
          () -> {
            try {
              Pump.streams(source.receiver.socket(), sink.sender.socket(), reported::set);
            } catch (Exception e) {
              // the test closed the sockets
            }
          });
      assertThat(readExactly(sink.received(), READ)).isEqualTo(READ);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (reported.get() < READ - SLICE && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(reported.get()).isGreaterThanOrEqualTo(READ - SLICE);
    }
  }

  /**
   * Sends more than one of the pump's buffers into the source, so that its first read can fill a
   * whole buffer.
   */
  private void fill(Pair source) throws Exception {
    threads.execute(
        () -> {
          try {
            source.fill(512 * 1024);
          } catch (Exception e) {
            // the test closed the sockets
          }
        });
    Thread.sleep(200);
  }

  private static int readExactly(InputStream in, int count) throws Exception {
    byte[] buffer = new byte[1024];
    int total = 0;
    while (total < count) {
      int n = in.read(buffer, 0, Math.min(buffer.length, count - total));
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  /**
   * A connection on 127.0.0.1 with the sender's send buffer and the receiver's receive buffer of
   * the given sizes: the pump reads from a receiver and writes to a sender.
   */
  private record Pair(SocketChannel sender, SocketChannel receiver) implements AutoCloseable {

    static Pair open(int sendBuffer, int receiveBuffer) throws Exception {
      try (ServerSocketChannel listener = ServerSocketChannel.open()) {
        listener.socket().setReceiveBufferSize(receiveBuffer);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        SocketChannel sender = SocketChannel.open();
        sender.socket().setSendBufferSize(sendBuffer);
        sender.connect(listener.getLocalAddress());
        return new Pair(sender, listener.accept());
      }
    }

    void fill(int bytes) throws Exception {
      sender.socket().getOutputStream().write(new byte[bytes]);
    }

    InputStream received() throws Exception {
      return receiver.socket().getInputStream();
    }

    @Override
    public void close() throws Exception {
      sender.close();
      receiver.close();
    }
  }
}
