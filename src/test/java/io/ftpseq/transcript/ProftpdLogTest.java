package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.cli.CliRun;
import io.ftpseq.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ProFTPD status that is not a reply code (000, 700) is a problem at its line, in the default
 * ExtendedLog and in a LogFormat given with {@code --log-format}; it used to be dropped without a
 * word, the reply lost. {@code -} is ProFTPD's "no reply was sent", and no problem.
 */
class ProftpdLogTest {

  @TempDir Path temp;

  @Test
  void aStatusThatIsNoReplyCodeIsAProblemAtItsLine() throws IOException {
    Path log = temp.resolve("extended.log");
    Files.writeString(
        log,
        """
        127.0.0.1 UNKNOWN - [22/Nov/2026:10:00:00 +0000] "USER alice" 331 -
        127.0.0.1 UNKNOWN alice [22/Nov/2026:10:00:00 +0000] "PASS (hidden)" 230 -
        127.0.0.1 UNKNOWN alice [22/Nov/2026:10:00:01 +0000] "NOOP" - -
        127.0.0.1 UNKNOWN alice [22/Nov/2026:10:00:01 +0000] "PWD" 000 -
        127.0.0.1 UNKNOWN alice [22/Nov/2026:10:00:02 +0000] "SYST" 700 -
        127.0.0.1 UNKNOWN alice [22/Nov/2026:10:00:03 +0000] "QUIT" 221 -
        """);

    CliRun run = CliRun.of("check", log.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.out())
        .contains(log + ":4: problem: reply code is not three digits from 100 to 699: \"000\"")
        .contains(log + ":5: problem: reply code is not three digits from 100 to 699: \"700\"")
        .doesNotContain(log + ":3:")
        .contains("6 line(s) read, 2 of them unreadable");
  }

  @Test
  void aStatusThatIsNoReplyCodeIsAProblemInAGivenLogFormatToo() throws IOException {
    Path log = temp.resolve("custom.log");
    Files.writeString(
        log,
        """
        2026-11-28 21:00:49,727 pid=25845 client=127.0.0.1 user=- cmd="USER ftpseq" code=331 text=Password required for ftpseq
        2026-11-28 21:00:49,850 pid=25845 client=127.0.0.1 user=ftpseq cmd="PASS (hidden)" code=000 text=User ftpseq logged in
        2026-11-28 21:00:49,853 pid=25845 client=127.0.0.1 user=ftpseq cmd="NOOP" code=- text=
        """);

    CliRun run =
        CliRun.of(
            "check",
            "--log-format",
            "%{iso8601} pid=%P client=%a user=%u cmd=\"%r\" code=%s text=%S",
            log.toString());

    assertThat(run.out())
        .contains(log + ":2: problem: reply code is not three digits from 100 to 699: \"000\"")
        .doesNotContain(log + ":3:")
        .doesNotContain(log + ":1:");
  }
}
