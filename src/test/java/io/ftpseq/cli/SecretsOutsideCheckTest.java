package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The commands besides {@code check} mask the passwords they quote back too: {@code explain} and
 * {@code compare} echoed an input they could not explain, {@code simulate} showed a script's
 * "password x" or "C pass x" line as it was, and a usage error quoted the bad value.
 */
class SecretsOutsideCheckTest {

  @Test
  void explainAndCompareMaskWhatTheyQuoteBack() {
    for (List<String> args :
        List.of(
            List.of("explain", "C: XYZZY PASS Leak2"),
            List.of("explain", "> XYZZY PASS Leak3"),
            List.of("explain", "ftp://u:Leak4@host"),
            List.of("explain", "503", "ftp://u:Leak4@host", "xyzzy pass Leak5"),
            // each word is looked up alone: the password word must not be quoted alone
            List.of("explain", "xyzzy", "PASS", "Leak7"),
            List.of("explain", "PASS", "Leak7", "230", "530"),
            List.of("explain", "---> PASS", "--Leak8"),
            List.of("explain", "SITE", "PSWD", "old", "Leak9", "503", "230"),
            List.of("explain", "SITE", "GPASS", "Leak13", "503", "230"),
            List.of("explain", "zz Command: ADAT Leak10"),
            List.of(
                "explain",
                "{\"event_type\": \"ftp\", \"ftp\": {\"command\": \"PASS\", \"command_data\":"
                    + " \"Leak11\", \"reply\": [\"530 x\"]"),
            List.of("compare", "ftp://u:Leak5@h", "503"),
            List.of("check", "--lang", "PASS Leak6", "samples/dialogue/bad-order.txt"))) {
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(args.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).as(args.toString()).contains("****").doesNotContain("Leak");
      assertThat(run.out()).as(args.toString()).doesNotContain("Leak");
    }
  }

  @Test
  void explainNamesALineWithATabByItsPlaceAndEscapesControlCharacters() {
    CliRun zeek = CliRun.of("explain", "503", "C8bf\talice\tLeak12\t-\tzz");
    assertThat(zeek.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(zeek.err())
        .contains("nothing to explain for argument 2 (22 characters, not shown)")
        .doesNotContain("Leak");
    CliRun control = CliRun.of("explain", "xx \u001b]0;pwned\u0007 \u001b[31mred");
    assertThat(control.err())
        .contains("'xx \\x1b]0;pwned\\x07 \\x1b[31mred'")
        .doesNotContain("\u001b");
  }

  /** A pasted line that sends a password is explained by its verb, and shows it nowhere. */
  @Test
  void explainOfAPastedPasswordLineShowsThePassVerbOnly() {
    for (String line :
        List.of(
            "Tue Nov 24 10:00:02 2026 [pid 2001] FTP command: Client \"10.0.0.5\", \"PASS"
                + " Leak1\"",
            "C: PASS Leak2",
            "> PASS Leak3",
            "*cmd* 'PASS Leak4'")) {
      CliRun run = CliRun.of("explain", line, "--lang", "en");
      assertThat(run.exitCode()).as(line).isEqualTo(ExitCodes.OK);
      assertThat(run.out()).as(line).startsWith("The PASS command\n").doesNotContain("Leak");
      assertThat(run.err()).as(line).isEmpty();
    }
  }

  @Test
  void simulateMasksAScriptLineThatShowsAPassword() {
    InputStream stdin = System.in;
    try {
      System.setIn(
          new ByteArrayInputStream(
              "USER a\npassword Leak7\nC pass Leak8\nPASS:Leak9\n"
                  .getBytes(StandardCharsets.UTF_8)));
      CliRun run = CliRun.of("simulate", "--profile", "rfc", "-");
      assertThat(run.out()).contains("PASSWORD ****", "C pass ****").doesNotContain("Leak");
      assertThat(run.err()).doesNotContain("Leak");
    } finally {
      System.setIn(stdin);
    }
  }

  /**
   * A reply line explain cannot explain is quoted back as the server wrote it: its words are no
   * password, as in a check's report.
   */
  @Test
  void explainQuotesAnUnknownReplyLineAsTheServerWroteIt() {
    CliRun run = CliRun.of("explain", "599 Password required for proftest");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("'599 Password required for proftest'");
  }
}
