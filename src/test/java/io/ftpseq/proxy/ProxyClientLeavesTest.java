package io.ftpseq.proxy;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client that leaves, by QUIT or by closing its connection, ends its session in a bounded time
 * when the server greets and then never answers nor closes: the session stayed open until
 * --idle-timeout (10 minutes by default).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyClientLeavesTest {

  /** A server that greets each connection, then reads nothing, answers nothing, closes nothing. */
  private static final class GreetsThenSilent implements AutoCloseable {
    final ServerSocket socket = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
    final List<Socket> held = new ArrayList<>();
    final Thread accepting =
        new Thread(
            () -> {
              try {
                while (true) {
                  Socket connection = socket.accept();
                  synchronized (held) {
                    held.add(connection);
                  }
                  connection.getOutputStream().write("220 hello\r\n".getBytes(US_ASCII));
                }
              } catch (java.io.IOException e) {
                // closed at the test's end
              }
            });

    GreetsThenSilent() throws java.io.IOException {
      accepting.setDaemon(true);
      accepting.start();
    }

    @Override
    public void close() throws Exception {
      socket.close();
      synchronized (held) {
        for (Socket connection : held) {
          connection.close();
        }
      }
    }
  }

  private static FtpProxy proxyTo(GreetsThenSilent server, CollectedEvents events)
      throws Exception {
    return FtpProxy.start(
        ProxySettings.builder(
                new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", server.socket.getLocalPort()))
            .build(),
        events);
  }

  @Test
  void aClientThatClosesEndsItsSessionThoughTheServerStaysSilent() throws Exception {
    CollectedEvents events = new CollectedEvents();
    try (GreetsThenSilent server = new GreetsThenSilent();
        FtpProxy proxy = proxyTo(server, events)) {
      try (RawControl control = new RawControl(proxy.address().getPort())) {
        assertThat(control.reply()).startsWith("220");
        control.send("USER alice\r\n");
      }

      assertThat(proxy.awaitClosed(1, Duration.ofSeconds(15))).isTrue();
      assertThat(events.closed())
          .singleElement()
          .satisfies(
              s ->
                  assertThat(s.ending().english())
                      .contains("the client closed the connection")
                      .contains("the server did not close its side within 2 s"));
    }
  }

  @Test
  void aQuitTheServerDoesNotAnswerEndsTheSessionWith421() throws Exception {
    CollectedEvents events = new CollectedEvents();
    try (GreetsThenSilent server = new GreetsThenSilent();
        FtpProxy proxy = proxyTo(server, events)) {
      try (RawControl control = new RawControl(proxy.address().getPort())) {
        assertThat(control.reply()).startsWith("220");
        control.send("QUIT\r\n");

        assertThat(control.reply()).startsWith("421").contains("did not answer QUIT within 2 s");
      }

      assertThat(proxy.awaitClosed(1, Duration.ofSeconds(15))).isTrue();
      assertThat(events.closed())
          .singleElement()
          .satisfies(
              s -> assertThat(s.ending().english()).contains("did not answer QUIT within 2 s"));
    }
  }
}
