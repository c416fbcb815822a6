package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user who gives an option the way another tool takes it is told: a comma list of reports, a
 * report format given to {@code --format}, a profile name in capitals.
 */
class UsageHintsTest {

  private static final String SAMPLE = "samples/dialogue/bad-order.txt";

  @TempDir Path dir;

  @Test
  void aCommaListOfReportsShowsHowToAskForEachNotTheFirstOfThem() {
    // --report json,html suggested "json"
    CliRun run = CliRun.of("check", SAMPLE, "--report", "json,html");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .contains("--report json --report html -o ftpseq-report.html")
        .doesNotContain("did you mean");
  }

  @Test
  void aFileWhoseNameStartsWithADashIsToldHowToBeGiven() throws Exception {
    // a name relative to the working folder, as typed: an absolute one starts with no dash
    Path dashed = Path.of("-dashed-" + ProcessHandle.current().pid() + ".txt");
    Files.copy(Path.of("samples/dialogue/clean-session.txt"), dashed);
    try {
      CliRun run = CliRun.of("check", dashed.toString());

      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err())
          .contains(
              "; '"
                  + dashed
                  + "' is a file: put -- before it (ftpseq check -- "
                  + dashed
                  + ") or write it as ./"
                  + dashed);
      assertThat(CliRun.of("check", "--", dashed.toString()).exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(CliRun.of("check", "./" + dashed).exitCode()).isEqualTo(ExitCodes.OK);
    } finally {
      Files.deleteIfExists(dashed);
    }
  }

  @Test
  void aMistypedCommandOrOptionIsAnsweredWithTheNearestName() {
    // "Unmatched arguments from index 0: 'chek', 'x'" said nothing of check
    assertThat(CliRun.of("chek", SAMPLE).err()).contains("(did you mean 'check'?)");
    assertThat(CliRun.of("--lang", "fr", "simualte", SAMPLE).err())
        .contains("(vouliez-vous dire «\u00a0simulate\u00a0»\u00a0?)");
    assertThat(CliRun.of("--lang", "ja", "expalin", "503").err()).contains("（「explain」のことですか？）");
    assertThat(CliRun.of("check", "--reprot", "json", SAMPLE).err())
        .contains("(did you mean '--report'?)");
    assertThat(CliRun.of("rules", "--fromat", "markdown").err())
        .contains("(did you mean '--format'?)");
    assertThat(CliRun.of("rules", "extra").err()).doesNotContain("did you mean");
  }

  @Test
  void aMistypedOptionThatNamesNoFileGetsNoFileHint() {
    assertThat(CliRun.of("check", "-no-such-file.txt").err()).doesNotContain("is a file");
  }

  @Test
  void theCommandTheHintShowsRuns() {
    Path html = dir.resolve("ftpseq-report.html");
    CliRun run =
        CliRun.of("check", SAMPLE, "--report", "json", "--report", "html", "-o", html.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("{");
    assertThat(html).exists();
  }

  @Test
  void aCommaListWithAnUnknownItemGetsTheUsualSuggestion() {
    assertThat(CliRun.of("check", SAMPLE, "--report", "jsn,xyzzy").err())
        .doesNotContain("one format each time");
  }

  @Test
  void aReportFormatGivenToFormatNamesReportEvenByItsOtherName() {
    // --format xml got no hint: --format names the transcripts' format, xml is the junit report
    CliRun xml = CliRun.of("check", SAMPLE, "--format", "xml");

    assertThat(xml.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(xml.err()).contains("for a junit report use --report junit");
    assertThat(CliRun.of("check", SAMPLE, "--format", "md").err())
        .contains("for a markdown report use --report markdown");
    assertThat(CliRun.of("check", SAMPLE, "--format", "html").err())
        .contains("for a html report use --report html");
  }

  @Test
  void profileNamesAreReadInAnyCaseByEveryCommandThatTakesThem() throws IOException {
    String lower = CliRun.of("check", SAMPLE, "--profile", "vsftpd").out();
    CliRun upper = CliRun.of("check", SAMPLE, "--profile", "VSFTPD");
    assertThat(upper.err()).isEmpty();
    assertThat(upper.out()).isEqualTo(lower);
    CliRun auto = CliRun.of("check", SAMPLE, "--profile", "Auto");
    assertThat(auto.err()).isEmpty();
    assertThat(auto.out()).isEqualTo(CliRun.of("check", SAMPLE, "--profile", "auto").out());

    Path saved = dir.resolve("p.json");
    CliRun save = CliRun.of("profiles", "--save", "ProFTPD", saved.toString());
    assertThat(save.exitCode()).as(save.err()).isZero();
    assertThat(Files.readString(saved, StandardCharsets.UTF_8)).contains("\"proftpd\"");
  }

  @Test
  void aMistypedProfileIsStillRefusedWithTheNearestName() {
    CliRun run = CliRun.of("check", SAMPLE, "--profile", "VSFTP");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("(did you mean 'vsftpd'?)");
  }

  @Test
  void namesFromATranscriptShowLiterallyInTheMarkdownReport() throws IOException {
    Path transcript = dir.resolve("[x](http:evil) *b*.txt");
    Files.writeString(
        transcript,
        "S: 220 ready\nC: USER u\nS: 331 p\nC: PASS p\nS: 230 ok\n"
            + "C: RETR [y](http://evil)_`c`\nS: 425 no\nC: QUIT\nS: 221 bye\n",
        StandardCharsets.UTF_8);

    CliRun run = CliRun.of("check", transcript.toString(), "--report", "markdown");

    // the Mermaid block is code, where Markdown reads no markup; it escapes for Mermaid
    String tables = run.out().substring(0, run.out().indexOf("```mermaid"));
    assertThat(tables)
        .contains("\\[x\\](http:evil) \\*b\\*.txt")
        .contains("RETR \\[y\\](http://evil)\\_\\`c\\`")
        .doesNotContain(" [y](")
        .doesNotContain("[x](http:evil)");
  }
}
