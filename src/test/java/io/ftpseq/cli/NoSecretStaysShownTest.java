package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is no password is shown as the input wrote it, in every report format, while the password
 * beside it stays masked: masking too much hides what a reader needs (a time, a field's name) and,
 * where the masks fall, tells where a password was thought to be.
 */
class NoSecretStaysShownTest {

  private static final List<String> REPORTS =
      List.of("text", "json", "markdown", "html", "junit", "sarif", "github");

  @TempDir Path temp;

  /**
   * A vsftpd syslog line cut after {@code "PASS}, its password on the next line (cut off by a lone
   * CR), then vsftpd's {@code OK LOGIN} record, which the reader leaves out: only the rest of the
   * password is learnt, not the record after it, whose time stamp (the first word of every line of
   * the log) was masked everywhere.
   */
  @Test
  void aRecordTheReaderLeavesOutAfterACutPasswordIsNoPartOfIt() throws Exception {
    String at = "2026-11-23T06:40:23+00:00 ftphost vsftpd[17062]: ";
    String log =
        at
            + "CONNECT: Client \"127.0.0.1\"\n"
            + at
            + "FTP response: Client \"127.0.0.1\", \"220 (vsFTPd 3.0.3)\"\n"
            + at
            + "FTP command: Client \"127.0.0.1\", \"USER alice\"\n"
            + at
            + "[alice] FTP response: Client \"127.0.0.1\", \"331 Please specify the password.\"\n"
            + at
            + "[alice] FTP command: Client \"127.0.0.1\", \"PASS\rCut9rest\"\n"
            + at
            + "[alice] OK LOGIN: Client \"127.0.0.1\"\n"
            + at
            + "[alice] FTP response: Client \"127.0.0.1\", \"230 Login successful.\"\n"
            + at
            + "[alice] FTP command: Client \"127.0.0.1\", \"RNTO x\"\n"
            + at
            + "[alice] FTP response: Client \"127.0.0.1\", \"503 RNFR required first.\"\n";
    Path input = temp.resolve("vsftpd.log");
    Files.writeString(input, log, StandardCharsets.UTF_8);
    for (String report : REPORTS) {
      String written = check(report, input);
      assertThat(written).as(report).doesNotContain("Cut9rest");
      if (List.of("text", "json", "html").contains(report)) { // they quote the cut line
        assertThat(written).as(report).contains("2026-11-23T06:40:23+00:00 ftphost");
      }
    }
  }

  /** The report {@code check} writes in the format, with standard error after it. */
  private String check(String report, Path input) throws Exception {
    Path out = temp.resolve("report." + report);
    CliRun run =
        CliRun.of(
            "check", "--explain-all", "--report", report, "-o", out.toString(), input.toString());
    return Files.readString(out) + run.err();
  }
}
