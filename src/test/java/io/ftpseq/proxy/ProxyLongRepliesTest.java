package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.testing.servers.FtpServerUnderTest;
import io.ftpseq.testing.servers.RealServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A multi-line reply is relayed whole however many lines it has (STAT of a big directory is tens of
 * thousands); only one that holds more than the bound in bytes ends the session.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProxyLongRepliesTest {

  private static final int LINES = 20_000;

  @TempDir Path dir;

  private static String statReply() {
    StringBuilder reply = new StringBuilder("213-Status of /pub:\r\n");
    for (int i = 0; i < LINES; i++) {
      reply.append(
          String.format(
              Locale.ROOT, "-rw-r--r--   1 ftp ftp %8d Nov 30 12:00 file%05d.txt\r\n", i, i));
    }
    return reply.append("213 End of status\r\n").toString();
  }

  @Test
  void aReplyOfTwentyThousandLinesIsRelayedWhole() throws Exception {
    String stat = statReply();
    try (ScriptedServer server =
            new ScriptedServer(
                "220 scripted\r\n",
                c ->
                    c.startsWith("STAT") ? stat : c.equals("QUIT") ? "221 bye\r\n" : "200 ok\r\n");
        ProxyRig rig = ProxyRig.over(server, dir);
        RawControl control = new RawControl(rig.port())) {
      control.reply();
      String reply = control.send("STAT /pub\r\n").reply();
      assertThat(reply.lines().toList())
          .hasSize(LINES + 2)
          .endsWith(
              "-rw-r--r--   1 ftp ftp    19999 Nov 30 12:00 file19999.txt", "213 End of status");
      assertThat(control.send("NOOP\r\n").reply()).isEqualTo("200 ok");
      assertThat(control.send("QUIT\r\n").reply()).isEqualTo("221 bye");
      rig.awaitClosed(1);

      SessionSummary summary = rig.events().closed().get(0);
      assertThat(summary.unchecked()).isNull();
      assertThat(summary.check().problems()).isEmpty();
      assertThat(summary.check().replies()).isEqualTo(4);
      assertThat(rig.transcript("s1")).contains("S: 213 End of status\nC: NOOP\nS: 200 ok\n");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = RealServer.class,
      names = {"VSFTPD", "PROFTPD", "PURE_FTPD", "PYFTPDLIB"})
  void statOfABigDirectoryOnARealServerIsRelayedWhole(RealServer kind) throws Exception {
    try (FtpServerUnderTest server =
            kind.startOrSkip(Files.createDirectories(dir.resolve("server")));
        ProxyRig rig = ProxyRig.over(server, dir, s -> s.profile(ProfileChoice.AUTO));
        RawControl control = new RawControl(rig.port())) {
      // the Debian servers share one data directory: a name of its own, removed after
      String name = "big-" + UUID.randomUUID();
      Path big = Files.createDirectories(server.dataDirectory().resolve(name));
      try {
        for (int i = 0; i < LINES; i++) {
          Files.createFile(big.resolve(String.format(Locale.ROOT, "file%05d.txt", i)));
        }
        assertThat(control.reply()).startsWith("220");
        assertThat(control.send("USER " + rig.user + "\r\n").reply()).startsWith("331");
        assertThat(control.send("PASS " + rig.password + "\r\n").reply()).startsWith("230");
        List<String> reply = control.send("STAT " + name + "\r\n").reply().lines().toList();
        // Pure-FTPd lists at most 10,000 entries (its -L default): still past the old bound
        assertThat(reply).hasSizeGreaterThan(10_001);
        assertThat(reply.get(0)).matches("21[123]-.*");
        assertThat(reply.get(reply.size() - 1)).startsWith(reply.get(0).substring(0, 3) + " ");
        assertThat(control.send("NOOP\r\n").reply()).startsWith("200");
        assertThat(control.send("QUIT\r\n").reply()).startsWith("221");
        rig.awaitClosed(1);
      } finally {
        try (Stream<Path> files = Files.list(big)) {
          for (Path file : files.toList()) {
            Files.delete(file);
          }
        }
        Files.delete(big);
      }

      SessionCheck check = rig.events().closed().get(0).check();
      assertThat(rig.events().closed().get(0).unchecked()).isNull();
      assertThat(check.problems()).isEmpty();
    }
  }
}
