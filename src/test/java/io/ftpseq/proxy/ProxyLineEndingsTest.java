package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.testing.servers.FtpServerUnderTest;
import io.ftpseq.testing.servers.RealServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A control line is a line whether it ends in CRLF, as RFC 959 asks, or in LF alone, as careless
 * clients and servers send: the proxy records it as one line and relays it so that the other side
 * reads one line too, whatever that side accepts.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProxyLineEndingsTest {

  @TempDir Path dir;

  @Test
  void commandsEndedByLfAloneReachAServerThatWantsCrlfAsTheLinesRecorded() throws Exception {
    // pyftpdlib ends a command at CRLF only: a bare LF relayed as it came would join the lines
    try (FtpServerUnderTest server =
            RealServer.PYFTPDLIB.startOrSkip(Files.createDirectories(dir.resolve("server")));
        ProxyRig rig = ProxyRig.over(server, dir, s -> s.profile(ProfileChoice.AUTO));
        RawControl control = new RawControl(rig.port())) {
      assertThat(control.reply()).startsWith("220");
      control.send("USER " + rig.user + "\nPASS " + rig.password + "\nRNTO x\nPWD\r\nNOOP\nQUIT\n");
      assertThat(control.codes(6)).containsExactly("331", "230", "503", "257", "200", "221");
      rig.awaitClosed(1);

      String transcript = rig.transcript("s1");
      // the server's replies may come between the commands: the client did not wait for them
      assertThat(transcript.lines().filter(l -> l.startsWith("C: ")))
          .containsExactly(
              "C: USER " + rig.user, "C: PASS ****", "C: RNTO x", "C: PWD", "C: NOOP", "C: QUIT");
      assertThat(transcript.lines().filter(l -> l.startsWith("S: ")).map(l -> l.substring(3, 6)))
          .containsExactly("220", "331", "230", "503", "257", "200", "221");
      assertThat(rig.liveFindings("s1"))
          .singleElement()
          .asString()
          .startsWith("RNTO_WITHOUT_RNFR@");
      assertThat(rig.recordedFindings("s1")).isEqualTo(rig.liveFindings("s1"));
      assertThat(rig.events().notices())
          .filteredOn(n -> n.contains("LF"))
          .singleElement()
          .asString()
          .contains("the client ended a line with LF alone");
    }
  }

  @Test
  void repliesEndedByLfAloneReachTheClientEndedByCrlf() throws Exception {
    try (ScriptedServer server =
            new ScriptedServer(
                "220-scripted\n220 ready\n",
                c -> c.startsWith("USER") ? "331 ok\n" : "230 in\r\n");
        ProxyRig rig = ProxyRig.over(server, dir);
        RawControl control = new RawControl(rig.port())) {
      InputStream in = control.socket.getInputStream();
      assertThat(read(in, "220-scripted\r\n220 ready\r\n"))
          .isEqualTo("220-scripted\r\n220 ready\r\n");
      control.send("USER a\r\n");
      assertThat(read(in, "331 ok\r\n")).isEqualTo("331 ok\r\n");
      control.send("PASS b\r\n");
      assertThat(read(in, "230 in\r\n")).isEqualTo("230 in\r\n");
      control.close();
      rig.awaitClosed(1);
      assertThat(rig.transcript("s1"))
          .contains(
              "S: 220-scripted\nS: 220 ready\nC: USER a\nS: 331 ok\nC: PASS ****\nS: 230 in\n");
      assertThat(rig.events().notices())
          .anySatisfy(n -> assertThat(n).contains("the server ended a line with LF alone"));
    }
  }

  /** Reads as many bytes as {@code expected} has, as text. */
  private static String read(InputStream in, String expected) throws Exception {
    byte[] bytes = new byte[expected.length()];
    int n = 0;
    while (n < bytes.length) {
      int read = in.read(bytes, n, bytes.length - n);
      if (read < 0) {
        break;
      }
      n += read;
    }
    return new String(Arrays.copyOf(bytes, n), StandardCharsets.US_ASCII);
  }
}
