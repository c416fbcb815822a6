package io.ftpseq.transcript;

import static io.ftpseq.transcript.ServerLogReadersTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A line that holds a time gives it to what it records, in the ISO 8601 form reports show: a date
 * the line writes with its year wins over a syslog stamp without one, and a time of day alone is
 * that time after its {@code T} ({@code T15:33:04.734}), as ISO 8601 writes a time with no date.
 */
class TimesReadTest {

  @Test
  void vsftpdsOwnDateAfterASyslogTagIsRead() {
    String log =
        String.join(
            "\n",
            "Nov 23 06:40:20 host vsftpd[101]: Mon Nov 23 06:40:21 2026 [pid 101]"
                + " CONNECT: Client \"1.2.3.4\"",
            "Nov 23 06:40:20 host vsftpd[101]: Mon Nov 23 06:40:21 2026 [pid 101]"
                + " FTP response: Client \"1.2.3.4\", \"220 ready\"",
            "Nov 23 06:40:22 host vsftpd: Mon Nov 23 06:40:22 2026 [pid 101] [alice]"
                + " FTP command: Client \"1.2.3.4\", \"USER alice\"");
    assertThat(read(new VsftpdLog(), log))
        .containsExactly(
            "1.2.3.4 pid 101 @2 2026-11-23T06:40:21 R 220 ready",
            "1.2.3.4 pid 101 @3 2026-11-23T06:40:22 C USER alice");
  }

  @Test
  void apacheFtpServerLayoutsWithATimeOfDayOnlyGiveThatTime() {
    String log =
        String.join(
            "\n",
            "15:33:04,734 INFO  [NioProcessor-3] FtpLoggingFilter - RECEIVED: USER alice",
            "15:33:04.9 INFO  [NioProcessor-3] FtpLoggingFilter - SENT: 331 Password?",
            "",
            "25:33:05 INFO  [NioProcessor-3] FtpLoggingFilter - RECEIVED: PASS *****");
    assertThat(read(new ApacheFtpServerLog(), log))
        .containsExactly(
            " @1 T15:33:04.734 C USER alice",
            " @2 T15:33:04.9 R 331 Password?",
            "problem log:4 cannot read the time of this Apache FtpServer log line: \"25:33:05\";"
                + " the line is read without one",
            " @4  C PASS ****");
  }

  /**
   * A FileZilla Server 0.9 time read once for the lines of one second is read again once the log
   * shows that its dates put the day first: the same written date is then another day.
   */
  @Test
  void fileZillaServerDatesAreReadAgainOnceTheDayIsKnownToComeFirst() {
    String log =
        String.join(
            "\n",
            "(000001)11/05/2026 09:40:23 - (not logged in) (127.0.0.1)> USER a",
            "(000001)11/05/2026 09:40:23 - (not logged in) (127.0.0.1)> 331 Password?",
            "(000001)23/11/2026 09:40:24 - (not logged in) (127.0.0.1)> PASS x",
            "(000001)11/05/2026 09:40:23 - (not logged in) (127.0.0.1)> 530 No.");
    assertThat(read(new FileZillaServerLog(), log))
        .extracting(line -> line.split(" ")[4])
        .containsExactly(
            "2026-11-05T09:40:23", // the note that the session began before the log
            "2026-11-05T09:40:23",
            "2026-11-05T09:40:23",
            "2026-11-23T09:40:24",
            "2026-05-11T09:40:23");
  }
}
