package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A session the server kept from being checked in full says so, whatever ended it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyServerFaultTest {

  @Test
  void aServerThatNeverGreetsLeavesTheSessionUncheckedWhenTheProxyStops() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      CollectedEvents events = new CollectedEvents();
      FtpProxy proxy =
          FtpProxy.start(
              ProxySettings.builder(
                      new InetSocketAddress("127.0.0.1", 0),
                      new InetSocketAddress("127.0.0.1", silent.getLocalPort()))
                  .build(),
              events);
      try (RawControl control = new RawControl(proxy.address().getPort())) {
        while (events.opened().isEmpty()) {
          Thread.sleep(10);
        }
        proxy.close();
        assertThat(control.reply()).startsWith("421");
      }
      assertThat(proxy.awaitClosed(1, java.time.Duration.ofSeconds(20))).isTrue();
      assertThat(events.closed())
          .singleElement()
          .satisfies(s -> assertThat(s.unchecked().english()).contains("never sent its greeting"));
    }
  }
}
