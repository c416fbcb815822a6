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

  /**
   * A JSON log need not write its keys in the order the examples do: an object whose password comes
   * before {@code "command":"PASS"} has the next key after the command, and that key ({@code
   * completion_code}, {@code reply_code}) was learnt as the password and masked wherever the word
   * stood, a reply's text too.
   */
  @Test
  void theKeyAfterAPassCommandOfAJsonLogIsNoPassword() throws Exception {
    String eve =
        SecretsInEveryReportTest.eve(0, "\"completion_code\":[\"220\"],\"reply\":[\"hi\"]")
            + SecretsInEveryReportTest.eve(
                1,
                "\"command_data\":\"Rev3rsed\",\"command\":\"PASS\","
                    + "\"completion_code\":[\"530\"],\"reply\":[\"no\"]")
            + SecretsInEveryReportTest.eve(
                2,
                "\"command\":\"RNTO\",\"command_data\":\"x\",\"completion_code\":[\"503\"],"
                    + "\"reply\":[\"no completion_code for x\"]");
    String zeek =
        zeek("\"user\":\"<unknown>\",\"command\":\"<init>\",\"reply_code\":220")
            + zeek(
                "\"user\":\"anonymous\",\"arg\":\"Rev3rsed\",\"password\":\"Rev3rsed\","
                    + "\"command\":\"PASS\",\"reply_code\":530,\"reply_msg\":\"no\"")
            + zeek(
                "\"user\":\"anonymous\",\"command\":\"RNTO\",\"arg\":\"x\",\"reply_code\":503,"
                    + "\"reply_msg\":\"no reply_code for x\"");
    for (List<String> each :
        List.of(
            List.of("eve.json", eve, "completion_code"), List.of("ftp.json", zeek, "reply_code"))) {
      Path input = temp.resolve(each.get(0));
      Files.writeString(input, each.get(1), StandardCharsets.UTF_8);
      for (String report : REPORTS) {
        String written = check(report, input);
        assertThat(written).as(report).doesNotContain("Rev3rsed");
        if (List.of("text", "json", "html").contains(report)) { // the others list no replies
          assertThat(written).as(report).contains("no " + each.get(2) + " for x");
        }
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

  /** A row of Zeek's ftp.log written as JSON, of one connection, with the given fields. */
  private static String zeek(String fields) {
    return "{\"ts\":1795467910.1,\"uid\":\"C1\",\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":5000,"
        + "\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":21,"
        + fields
        + "}\n";
  }
}
