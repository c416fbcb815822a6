package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords through the proxy: the client gets every byte the server sent, but whatever the proxy
 * tells or records (findings, notices, the session's ending, problems, the transcript) has the
 * password masked, also where the server echoes it back or puts it in a line that is not a reply.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxySecretsTest {

  private static final String SECRET = "s3cret-pw";

  @TempDir Path dir;

  @Test
  void aPasswordTheServerEchoesIsRelayedButMaskedInEverythingTheProxyTellsOrRecords()
      throws Exception {
    try (ScriptedServer server =
            new ScriptedServer(
                "220 scripted\r\n",
                c ->
                    switch (c.split(" ")[0]) {
                      case "USER" -> "331 password please\r\n";
                      case "PASS" -> "230 welcome, your password " + SECRET + " is weak\r\n";
                      case "RNTO" -> "503 no RNFR before RNTO " + SECRET + "\r\n";
                      case "STAT" -> "garbage with " + SECRET + "\r\n";
                      default -> "200 ok\r\n";
                    });
        ProxyRig rig = ProxyRig.over(server, dir);
        RawControl control = new RawControl(rig.port())) {
      control.reply();
      control.send("USER bob\r\n").reply();
      assertThat(control.send("PASS " + SECRET + "\r\n").reply()).contains(SECRET);
      assertThat(control.send("RNTO x\r\n").reply()).contains(SECRET);
      assertThat(control.send("STAT\r\n").reply()).startsWith("421 ftpseq proxy: the server sent");
      rig.awaitClosed(1);

      assertThat(rig.events().rules()).contains("RNTO_WITHOUT_RNFR");
      assertThat(rig.events().findings())
          .allSatisfy(f -> assertThat(f.finding().toString()).doesNotContain(SECRET));
      assertThat(rig.events().findings())
          .filteredOn(f -> f.rule().equals("RNTO_WITHOUT_RNFR"))
          .singleElement()
          .satisfies(f -> assertThat(f.finding().reply().firstLine()).endsWith("RNTO ****"));
      assertThat(String.join("\n", rig.events().notices())).doesNotContain(SECRET);
      SessionSummary summary = rig.events().closed().get(0);
      assertThat(summary.ending().english()).contains("garbage with ****").doesNotContain(SECRET);
      assertThat(summary.check().toString()).doesNotContain(SECRET);
      assertThat(summary.check().problems())
          .singleElement()
          .satisfies(p -> assertThat(p.message()).contains("garbage with ****"));
      assertThat(rig.transcript("s1"))
          .contains("C: PASS ****", "S: 230 welcome, your password **** is weak")
          .doesNotContain(SECRET);
      assertThat(summary.input().read()).isEqualTo(rig.transcript("s1").lines().count());
      assertThat(summary.input().problems()).isOne();
      try (var files = Files.list(dir.resolve("records"))) {
        for (Path file : files.toList()) {
          assertThat(Files.readString(file)).as(file.toString()).doesNotContain(SECRET);
        }
      }
    }
  }

  @Test
  void controlBytesInsideALineAreRecordedOnOneMaskedLineThatReadsBackTheSame() throws Exception {
    try (ScriptedServer server =
            new ScriptedServer(
                "220 scripted\r\n",
                c ->
                    switch (c.split(" ")[0]) {
                      case "USER" -> "331 password please\r\n";
                      case "PASS" -> "230 in\rside\r\n";
                      default -> "500 what\u0085\u0007\r\n";
                    });
        ProxyRig rig = ProxyRig.over(server, dir);
        RawControl control = new RawControl(rig.port())) {
      control.reply();
      control.send("USER bob\rPASS " + SECRET + "\r\n").reply();
      control.send("PASS " + SECRET + "\r\n").reply();
      control.send(new byte[] {(byte) 0x81, (byte) 0xfe, 0x01, 0x1b, '\r', '\n'}).reply();
      control.send("RNTO x\r\n").reply();
      control.send("QUIT\r\n").reply();
      rig.awaitClosed(1);

      String transcript = rig.transcript("s1");
      assertThat(transcript).doesNotContain(SECRET).doesNotContain("\r");
      assertThat(transcript.codePoints()).noneMatch(c -> c < 0x20 && c != '\n');
      assertThat(transcript.lines().filter(l -> !l.startsWith("#")))
          .allMatch(l -> l.startsWith("C: ") || l.startsWith("S: "));
      assertThat(rig.events().rules()).contains("RNTO_WITHOUT_RNFR");
      assertThat(rig.recordedFindings("s1")).isEqualTo(rig.liveFindings("s1"));
      assertThat(rig.recordedCheck("s1").problems()).isEmpty();
    }
  }
}
