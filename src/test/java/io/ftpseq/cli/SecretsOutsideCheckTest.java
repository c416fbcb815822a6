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
            List.of("compare", "ftp://u:Leak5@h", "503"),
            List.of("check", "--lang", "PASS Leak6", "samples/dialogue/bad-order.txt"))) {
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(args.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).as(args.toString()).contains("****").doesNotContain("Leak");
      assertThat(run.out()).as(args.toString()).doesNotContain("Leak");
    }
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
}
