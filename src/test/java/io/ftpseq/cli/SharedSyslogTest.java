package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server that logs through syslog shares {@code /var/log/syslog} with every other program: the
 * lines of cron, systemd, the kernel and sshd around the server's are passed over by their tag,
 * counted as skipped and said in one note of the input, where each was a problem before. A line of
 * the server's own tag that cannot be read is still one.
 */
class SharedSyslogTest {

  /** Lines of other programs, in the traditional and the RFC 3339 forms rsyslog writes. */
  private static final List<String> OTHERS =
      List.of(
          "Nov 22 10:00:01 host CRON[1234]: (root) CMD (run-parts /etc/cron.hourly)",
          "Nov 22 10:00:01 host kernel: [ 1234.567890] eth0: link up",
          "Nov 22 10:00:02 host systemd[1]: Started Session 5 of user root.",
          "2026-11-22T10:00:02.123456+00:00 host sshd[999]: Accepted publickey for root",
          "Nov 22 10:00:03 host postfix/qmgr[77]: 4F2A: removed");

  @TempDir Path dir;

  static Stream<Arguments> servers() {
    String vsftpd = "Nov 22 10:00:00 host vsftpd[101]: ";
    String pure = "Nov 22 10:00:00 host pure-ftpd: (?@127.0.0.1) ";
    String proftpd = "Nov 22 10:00:00 host proftpd[42]: ";
    String clf = "127.0.0.1 UNKNOWN alice [22/Nov/2026:10:00:00 +0000] ";
    return Stream.of(
        Arguments.of(
            "vsftpd",
            List.of(
                vsftpd + "CONNECT: Client \"127.0.0.1\"",
                vsftpd + "FTP response: Client \"127.0.0.1\", \"220 Welcome\"",
                vsftpd + "FTP command: Client \"127.0.0.1\", \"QUIT\"",
                vsftpd + "FTP response: Client \"127.0.0.1\", \"221 Goodbye\""),
            vsftpd + "FTP frobnicate: Client \"127.0.0.1\", \"x\""),
        Arguments.of(
            "pure-ftpd",
            List.of(
                pure + "[INFO] New connection from 127.0.0.1",
                pure + "[DEBUG] 220 Welcome",
                pure + "[DEBUG] Command [quit] []",
                pure + "[DEBUG] 221 Goodbye"),
            "Nov 22 10:00:00 host pure-ftpd: broken"),
        Arguments.of(
            "proftpd",
            List.of(
                proftpd + clf + "\"USER alice\" 331 -",
                proftpd + clf + "\"PASS (hidden)\" 230 -",
                proftpd + clf + "\"QUIT\" 221 -"),
            proftpd + "broken"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void linesOfOtherProgramsAreSkippedAndSaidOnce(String format, List<String> own, String broken)
      throws IOException {
    Path log = dir.resolve("syslog");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < own.size(); i++) {
      text.append(own.get(i)).append('\n').append(OTHERS.get(i % OTHERS.size())).append('\n');
    }
    OTHERS.forEach(o -> text.append(o).append('\n'));
    text.append(broken).append('\n');
    Files.writeString(log, text);
    int others = own.size() + OTHERS.size();
    long lines = text.chars().filter(c -> c == '\n').count();

    CliRun run = CliRun.of("check", "--lang", "en", "--format", format, log.toString());

    assertThat(run.out().lines().filter(l -> l.contains(": problem: ")))
        .as(run.out())
        .singleElement()
        .asString()
        .startsWith(log + ":" + lines + ": problem: ");
    assertThat(run.out())
        .contains(
            log
                + ": note: "
                + others
                + " line(s) of other programs (CRON, kernel, systemd...) in this shared syslog"
                + " file were passed over")
        .contains(lines + " line(s) read, 1 of them unreadable.");
    assertThat(run.out().lines().filter(l -> l.contains(": note: " + others))).hasSize(1);

    CliRun json = CliRun.of("check", "--report", "json", "--format", format, log.toString());
    assertThat(json.out())
        .contains("\"inputNotes\"")
        .contains("\"read\" : " + lines)
        .contains("\"skipped\" : " + others);
  }
}
