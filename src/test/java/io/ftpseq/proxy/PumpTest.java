package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
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

  @Test
  void aWriteThatFailsPartWayThroughASliceLeavesTheCountAtWhatTheReceiverTook() throws Exception {
    FailingSink sink = new FailingSink(5000, 5);
    SocketChannel from = mock(SocketChannel.class);
    when(from.read(any(ByteBuffer.class)))
        .thenAnswer(
            call -> {
              ByteBuffer buffer = call.getArgument(0);
              buffer.put(new byte[64 * 1024]);
              return 64 * 1024;
            });
    AtomicLong reported = new AtomicLong();
    assertThatThrownBy(() -> Pump.channels(from, sink.channel, reported::set))
        .isInstanceOf(IOException.class);
    assertThat(sink.taken).isEqualTo(3 * 5000 + 1384 + 5000); // a slice and 5000 bytes
    assertThat(reported.get()).isEqualTo(sink.taken);
  }

  @Test
  void streamsCountWhatAClearReceiverTookWhenItsWriteFailsPartWay() throws Exception {
    FailingSink sink = new FailingSink(5000, 5);
    Socket from = mock(Socket.class);
    when(from.getInputStream()).thenReturn(new ByteArrayInputStream(new byte[64 * 1024]));
    Socket to = mock(Socket.class);
    when(to.getChannel()).thenReturn(sink.channel);
    when(to.getOutputStream()).thenReturn(sink.stream());
    AtomicLong reported = new AtomicLong();
    assertThatThrownBy(() -> Pump.streams(from, to, reported::set)).isInstanceOf(IOException.class);
    assertThat(sink.taken).isEqualTo(3 * 5000 + 1384 + 5000); // a slice and 5000 bytes
    assertThat(reported.get()).isEqualTo(sink.taken);
  }

  /**
   * A receiving connection that takes a few bytes per write, as a socket whose peer reads slowly
   * does, and then fails as one whose peer reset it: its writes end part way through a slice.
   */
  private static final class FailingSink {
    final SocketChannel channel = mock(SocketChannel.class);
    long taken;
    private int writes;

    FailingSink(int perWrite, int beforeFailing) throws IOException {
      when(channel.write(any(ByteBuffer.class)))
          .thenAnswer(
              call -> {
                if (writes++ == beforeFailing) {
                  throw new IOException("Connection reset by peer");
                }
                ByteBuffer buffer = call.getArgument(0);
                int n = Math.min(perWrite, buffer.remaining());
                buffer.position(buffer.position() + n);
                taken += n;
                return n;
              });
    }

    /**
     * The connection's stream, which writes through the channel until all is taken, as a socket's.
     */
    OutputStream stream() {
      return new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
        }
      };
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
