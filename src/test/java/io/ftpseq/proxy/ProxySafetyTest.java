package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The proxy is safe to leave running: no FTP bounce, data connections only from the session's own
 * peers, malformed addresses refused and never forwarded, and whatever one client or server does
 * (garbage, overlong lines, stalls, vanishing) ends at most its own session.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxySafetyTest {

  private static final Pattern PASSIVE =
      Pattern.compile("\\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)");

  @TempDir Path dir;

  @Test
  void portNamingAnotherHostIsRefusedAndNothingIsConnected() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, UnaryOperator.identity());
        ServerSocket elsewhere = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"));
        RawControl control = loggedIn(rig)) {
      int p = elsewhere.getLocalPort();
      String port = control.send("PORT 127,0,0,2," + (p >> 8) + "," + (p & 0xff) + "\r\n").reply();
      String eprt = control.send("EPRT |1|127.0.0.2|" + p + "|\r\n").reply();
      control.send("LIST\r\n").reply();

      assertThat(port)
          .startsWith("501 ftpseq proxy: PORT names 127.0.0.2")
          .contains("no FTP bounce");
      assertThat(eprt).startsWith("501 ftpseq proxy: EPRT names 127.0.0.2");
      elsewhere.setSoTimeout(500);
      assertThatThrownBy(elsewhere::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PORT 127,0,0,1,0,21",
        "PORT 127,0,0,1,3,255",
        "EPRT |1|127.0.0.1|1023|",
        "PORT 127,0,0,1",
        "PORT 127,0,0,1,300,1",
        "EPRT |1|localhost|5000|",
        "EPRT |9|127.0.0.1|5000|",
        "EPRT 127.0.0.1 5000"
      })
  void badOrPrivilegedDataAddressIsAnswered501AndNeverForwarded(String command) throws Exception {
    try (ScriptedServer server = new ScriptedServer("220 scripted\r\n", c -> "200 OK\r\n");
        ProxyRig rig = ProxyRig.over(server, dir);
        RawControl control = new RawControl(rig.port())) {
      control.reply();
      String reply = control.send(command + "\r\n").reply();
      control.send("NOOP\r\n").reply();

      assertThat(reply).startsWith("501 ftpseq proxy: ");
      assertThat(server.received()).containsExactly("NOOP");
    }
  }

  @Test
  void dataConnectionFromAnotherAddressIsRefusedAndTheClientsStillWorks() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, UnaryOperator.identity());
        RawControl control = loggedIn(rig)) {
      byte[] file = rig.serverFile("f.bin", 5000);
      InetSocketAddress data = passive(control.send("TYPE I\r\nPASV\r\n"));
      try (Socket intruder = new Socket()) {
        intruder.bind(new InetSocketAddress("127.0.0.2", 0));
        intruder.connect(data, 5000);
        intruder.setSoTimeout(5000);
        assertThat(intruder.getInputStream().read()).isEqualTo(-1);
      }
      try (Socket socket = new Socket(data.getAddress(), data.getPort())) {
        control.send("RETR f.bin\r\n");
        assertThat(socket.getInputStream().readAllBytes()).isEqualTo(file);
      }
      assertThat(control.codes(1)).containsExactly("150");
      assertThat(control.codes(1)).containsExactly("226");
      assertThat(rig.events().notices())
          .anyMatch(n -> n.contains("refused a data connection from 127.0.0.2"));
    }
  }

  @Test
  void serverGarbageEndsOnlyItsOwnSession() throws Exception {
    try (ScriptedServer server =
            new ScriptedServer(
                "220 scripted\r\n",
                c -> c.equals("USER bad") ? "this is not a reply\r\n" : "331 ok\r\n");
        ProxyRig rig = ProxyRig.over(server, dir);
        RawControl good = new RawControl(rig.port());
        RawControl bad = new RawControl(rig.port())) {
      good.reply();
      bad.reply();
      String reply = bad.send("USER bad\r\n").reply();
      assertThat(reply)
          .startsWith("421 ftpseq proxy: the server sent a line that is not an FTP reply");
      assertThat(bad.rest()).isEmpty();
      assertThat(good.send("USER good\r\n").reply()).isEqualTo("331 ok");
      rig.awaitClosed(1);
      SessionSummary summary = rig.events().closed().get(0);
      assertThat(summary.check().problems())
          .singleElement()
          .satisfies(p -> assertThat(p.message()).contains("this is not a reply"));
    }
  }

  @Test
  void passiveReplyNamingAnotherHostStillConnectsOnlyToTheServer() throws Exception {
    try (ServerSocket serverData = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int p = serverData.getLocalPort();
      String pasv = "227 Entering Passive Mode (10,9,8,7," + (p >> 8) + "," + (p & 0xff) + ").\r\n";
      try (ScriptedServer server = new ScriptedServer("220 scripted\r\n", c -> pasv);
          ProxyRig rig = ProxyRig.over(server, dir);
          RawControl control = new RawControl(rig.port())) {
        control.reply();
        InetSocketAddress data = passive(control.send("PASV\r\n"));
        assertThat(data.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        try (Socket client = new Socket(data.getAddress(), data.getPort())) {
          assertThat(client.isConnected()).isTrue();
          serverData.setSoTimeout(5000);
          try (Socket relayed = serverData.accept()) {
            assertThat(relayed.getInetAddress().getHostAddress()).isEqualTo("127.0.0.1");
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "227 Entering Passive Mode (127,0,0,1,0,21).",
        "227 Entering Passive Mode.",
        "227 Entering Passive Mode (127,0,0,1,999,1)."
      })
  void badPassiveReplyBecomes501(String answer) throws Exception {
    try (ScriptedServer server = new ScriptedServer("220 scripted\r\n", c -> answer + "\r\n");
        ProxyRig rig = ProxyRig.over(server, dir);
        RawControl control = new RawControl(rig.port())) {
      control.reply();
      String reply = control.send("PASV\r\n").reply();
      assertThat(reply).startsWith("501 ftpseq proxy: ").endsWith("; not forwarded.");
      rig.proxy.close();
      assertThat(rig.transcript("s1"))
          .contains(
              "# not from the server: ftpseq proxy answered in place of the server, which answered"
                  + " \""
                  + answer
                  + "\"\nS: 501 ");
      assertThat(rig.events().ownReplies()).anySatisfy(r -> assertThat(r).startsWith("s1: 501 "));
    }
  }

  @Test
  void badExtendedPassiveReplyBecomes501() throws Exception {
    try (ScriptedServer server =
            new ScriptedServer("220 scripted\r\n", c -> "229 Entering (|||99999|)\r\n");
        ProxyRig rig = ProxyRig.over(server, dir);
        RawControl control = new RawControl(rig.port())) {
      control.reply();
      assertThat(control.send("EPSV\r\n").reply()).startsWith("501 ftpseq proxy: the 229 reply");
    }
  }

  @Test
  void serverThatIsDownIsAnswered421() throws Exception {
    int nothing;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      nothing = free.getLocalPort();
    }
    CollectedEvents events = new CollectedEvents();
    try (FtpProxy proxy =
            FtpProxy.start(
                ProxySettings.of(
                    new InetSocketAddress("127.0.0.1", 0),
                    new InetSocketAddress("127.0.0.1", nothing)),
                events);
        RawControl control = new RawControl(proxy.address().getPort())) {
      assertThat(control.reply())
          .startsWith("421 ftpseq proxy cannot connect to the server 127.0.0.1:" + nothing);
      assertThat(control.rest()).isEmpty();
      assertThat(proxy.awaitClosed(1, Duration.ofSeconds(10))).isTrue();
      assertThat(events.closed().get(0).ending().english())
          .startsWith("cannot connect to the server");
    }
  }

  @Test
  void overlongLineOrNulEndsOnlyThatSession() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, s -> s.limits(10, 1024));
        RawControl longLine = new RawControl(rig.port());
        RawControl nul = new RawControl(rig.port());
        RawControl good = new RawControl(rig.port())) {
      longLine.reply();
      nul.reply();
      good.reply();
      longLine.send("NOOP " + "x".repeat(5000) + "\r\n");
      nul.send("NO\0OP\r\n");
      assertThat(longLine.reply())
          .startsWith("421 ftpseq proxy: the client sent a line longer than 1024 bytes");
      assertThat(nul.reply()).startsWith("421 ftpseq proxy: the client sent a NUL byte");
      assertThat(longLine.rest()).isEmpty();
      assertThat(nul.rest()).isEmpty();
      assertThat(good.send("USER alice\r\n").codes(1)).containsExactly("331");
    }
  }

  @Test
  void idleSessionIsClosedAfterTheIdleTimeout() throws Exception {
    try (ProxyRig rig =
            ProxyRig.embedded(
                dir,
                s ->
                    s.timeouts(
                        Duration.ofSeconds(5), Duration.ofMillis(400), Duration.ofSeconds(5)));
        RawControl control = loggedIn(rig)) {
      assertThat(control.reply()).startsWith("421 ftpseq proxy: no activity for");
      assertThat(control.rest()).isEmpty();
      rig.awaitClosed(1);
      assertThat(rig.transcript("s1")).contains("S: 421 ftpseq proxy: no activity");
    }
  }

  @Test
  void dataConnectionNeverOpenedOrStalledIsClosedAfterTheTransferTimeout() throws Exception {
    try (ProxyRig rig =
            ProxyRig.embedded(
                dir,
                s ->
                    s.timeouts(
                        Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(400)));
        RawControl control = loggedIn(rig)) {
      rig.serverFile("big.bin", 32 << 20);
      passive(control.send("TYPE I\r\nPASV\r\n"));
      Thread.sleep(1200);
      assertThat(rig.events().notices()).anyMatch(n -> n.contains("data connection not opened"));
      InetSocketAddress data = passive(control.send("PASV\r\n"));
      try (Socket stalled = new Socket(data.getAddress(), data.getPort())) {
        stalled.setReceiveBufferSize(4096);
        control.send("RETR big.bin\r\n");
        assertThat(control.codes(1)).containsExactly("150");
        // never read: the relay blocks, goes silent, and is closed
        String end = control.reply();
        assertThat(end).matches("4\\d\\d .*");
      }
      assertThat(rig.events().notices()).anyMatch(n -> n.contains("data connection stalled"));
      assertThat(control.send("NOOP\r\n").codes(1)).containsExactly("200");
    }
  }

  @Test
  void sessionsBeyondTheCapAreTurnedAway() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, s -> s.limits(2, 8192));
        RawControl first = new RawControl(rig.port());
        RawControl second = new RawControl(rig.port())) {
      first.reply();
      second.reply();
      try (RawControl third = new RawControl(rig.port())) {
        assertThat(third.reply())
            .startsWith("421 ftpseq proxy: 2 sessions are open, the most allowed");
        assertThat(third.rest()).isEmpty();
      }
      first.send("QUIT\r\n").rest();
      rig.awaitClosed(1);
      try (RawControl fourth = new RawControl(rig.port())) {
        assertThat(fourth.reply()).startsWith("220");
      }
      assertThat(rig.events().turnedAway()).hasSize(1);
    }
  }

  @Test
  void clientThatHalfClosesStillGetsEveryReply() throws Exception {
    try (ScriptedServer server =
            new ScriptedServer(
                "220 scripted\r\n",
                c ->
                    c.equals("QUIT")
                        ? "221 bye\r\n"
                        : c.startsWith("USER") ? "331 ok\r\n" : "200 ok\r\n");
        ProxyRig rig = ProxyRig.over(server, dir);
        RawControl control = new RawControl(rig.port())) {
      control.send("USER alice\r\nNOOP\r\nQUIT\r\n");
      control.socket.shutdownOutput();
      assertThat(control.codes(4)).containsExactly("220", "331", "200", "221");
      assertThat(control.rest()).isEmpty();
      rig.awaitClosed(1);
      assertThat(rig.events().closed().get(0).check().commands()).isEqualTo(3);
    }
  }

  @Test
  void serverThatHangsUpOnAHalfCloseEndsOnlyThatSession() throws Exception {
    // Apache FtpServer drops a connection, and the commands before it, when the client half-closes
    try (ProxyRig rig = ProxyRig.embedded(dir, UnaryOperator.identity());
        RawControl other = new RawControl(rig.port());
        RawControl control = new RawControl(rig.port())) {
      control.send("USER alice\r\nPASS wonderland\r\nQUIT\r\n");
      control.socket.shutdownOutput();
      control.rest();
      rig.awaitClosed(1);
      assertThat(other.reply()).startsWith("220");
      assertThat(other.send("USER alice\r\n").codes(1)).containsExactly("331");
    }
  }

  @Test
  void authTlsWithoutTlsSetUpIsRefusedWith534AndTheSessionGoesOnInClear() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, UnaryOperator.identity());
        RawControl control = new RawControl(rig.port())) {
      control.reply();
      assertThat(control.send("AUTH TLS\r\n").reply())
          .startsWith("534 ftpseq proxy: TLS is not configured");
      assertThat(control.send("USER alice\r\n").codes(1)).containsExactly("331");
    }
  }

  @Test
  void clientVanishingMidTransferLeavesTheOtherSessionsAlone() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, UnaryOperator.identity())) {
      byte[] big = rig.serverFile("big.bin", 8 << 20);
      FTPClient vanishing = rig.login();
      FTPClient steady = rig.login();
      InputStream stream = vanishing.retrieveFileStream("big.bin");
      stream.readNBytes(10_000);
      vanishing.setSoLinger(true, 0);
      vanishing.disconnect(); // reset, mid-transfer
      stream.close();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      assertThat(steady.retrieveFile("big.bin", got)).isTrue();
      assertThat(got.toByteArray()).isEqualTo(big);
      steady.logout();
      steady.disconnect();
      rig.awaitClosed(2);
      assertThat(rig.proxy.openSessions()).isZero();
    }
  }

  @Test
  void uploadResetByTheClientIsResetToTheServerNotEndedAsIfComplete() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, UnaryOperator.identity());
        RawControl control = loggedIn(rig)) {
      InetSocketAddress data = passive(control.send("TYPE I\r\nPASV\r\n"));
      try (Socket upload = new Socket(data.getAddress(), data.getPort())) {
        control.send("STOR cut.bin\r\n");
        assertThat(control.reply()).startsWith("150");
        upload.getOutputStream().write(ProxyRig.randomBytes(100_000, 9));
        upload.getOutputStream().flush();
        upload.setSoLinger(true, 0); // the client's connection is reset, not closed
      }
      // a clean end would have made the server store the part and answer 226
      assertThat(control.reply()).doesNotStartWith("226").matches("4\\d\\d .*");
      assertThat(control.send("NOOP\r\n").reply()).startsWith("200");
    }
  }

  private static RawControl loggedIn(ProxyRig rig) throws IOException {
    RawControl control = new RawControl(rig.port());
    control.reply();
    control.send("USER " + rig.user + "\r\n").reply();
    control.send("PASS " + rig.password + "\r\n").reply();
    return control;
  }

  /** The address of the next 227 reply (after skipping one 200 for TYPE, if sent). */
  private static InetSocketAddress passive(RawControl control) throws IOException {
    String reply = control.reply();
    if (reply.startsWith("200")) {
      reply = control.reply();
    }
    Matcher m = PASSIVE.matcher(reply);
    assertThat(m.find()).as(reply).isTrue();
    return new InetSocketAddress(
        m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4),
        Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6)));
  }
}
