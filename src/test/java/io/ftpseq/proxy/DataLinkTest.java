package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A transfer's final reply waits for its data: the proxy relays the server's 226 only once the
 * bytes the server sent have reached the client, even when the server connected, sent and answered
 * before the proxy's own thread had taken the connection from its listener.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DataLinkTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void aFinalReplyWaitsForBytesTheServerSentBeforeTheProxyTookItsConnection() throws Exception {
    byte[] file = ProxyRig.randomBytes(60_001, 3);
    try (ServerSocket client = new ServerSocket(0, 1, LOOPBACK)) {
      Gate gate = new Gate(threads);
      DataLink link = activeLink(client, gate);
      link.start(gate); // its thread has not run yet: nothing taken from the listener
      try (Socket server = new Socket(LOOPBACK, link.listening().getPort())) {
        OutputStream out = server.getOutputStream();
        out.write(file);
      }
      link.announced(); // 150, then 226 at once, as Pure-FTPd answers a small RETR
      CompletableFuture<Void> reply =
          CompletableFuture.runAsync(() -> awaitDrained(link, true), threads);

      Thread.sleep(300);
      assertThat(reply).as("226 relayed before the data connection was taken").isNotDone();

      gate.open();
      byte[] got;
      try (Socket fromProxy = client.accept()) {
        got = fromProxy.getInputStream().readAllBytes();
      }
      reply.get(30, TimeUnit.SECONDS);
      assertThat(got).isEqualTo(file);
    }
  }

  @Test
  void aTransferRefusedBeforeItsDataConnectionIsAnsweredAtOnce() throws Exception {
    try (ServerSocket client = new ServerSocket(0, 1, LOOPBACK)) {
      Gate gate = new Gate(threads);
      DataLink link = activeLink(client, gate);
      link.start(gate);
      CompletableFuture<Void> reply =
          CompletableFuture.runAsync(() -> awaitDrained(link, false), threads);
      reply.get(5, TimeUnit.SECONDS); // 550 with no 150: no data connection to wait for
      assertThat(link.connected()).isFalse();
      link.close();
    }
  }

  private static DataLink activeLink(ServerSocket client, Executor threads) throws Exception {
    ServerSocketChannel listener = ServerSocketChannel.open();
    listener.bind(new InetSocketAddress(LOOPBACK, 0));
    InetSocketAddress unused = new InetSocketAddress(LOOPBACK, 21);
    return new DataLink(
        DataLink.Mode.ACTIVE,
        listener,
        LOOPBACK,
        new InetSocketAddress(LOOPBACK, client.getLocalPort()),
        LOOPBACK,
        null,
        new DataLink.Owner() {
          @Override
          public void touch() {}

          @Override
          public void notice(io.ftpseq.session.Phrase message) {}

          @Override
          public void closed(DataLink link) {}
        },
        ProxySettings.of(unused, unused));
  }

  private static void awaitDrained(DataLink link, boolean completed) {
    try {
      link.awaitDrained(20_000, completed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Holds the tasks it is given until opened, as a busy machine delays a thread's start. */
  private static final class Gate implements Executor {
    private final Executor threads;
    private final List<Runnable> held = new ArrayList<>();
    private boolean open;

    Gate(Executor threads) {
      this.threads = threads;
    }

    @Override
    public synchronized void execute(Runnable task) {
      if (open) {
        threads.execute(task);
      } else {
        held.add(task);
      }
    }

    synchronized void open() {
      open = true;
      held.forEach(threads::execute);
      held.clear();
    }
  }
}
