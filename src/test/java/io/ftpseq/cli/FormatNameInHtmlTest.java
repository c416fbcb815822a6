package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HTML report says in a sentence how each session was read: with the format's name in the
 * report's language (format.name.*), as every message that names a format does, not the identifier
 * that {@code --format} takes. Data keeps the identifier (the JSON report's "format").
 */
class FormatNameInHtmlTest {

  private static final String LOG = "samples/vsftpd/log-ftp-protocol-two-sessions.log";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | <span>read as vsftpd log</span>",
        "fr | <span>lu comme journal de vsftpd</span>",
        "ja | <span>vsftpd ログとして読み取り</span>",
      })
  void theSessionsFormatIsNamedInTheReportsLanguage(String language, String meta) {
    CliRun run = CliRun.of("check", "--lang", language, "--report", "html", LOG);

    assertThat(run.out()).contains(meta).doesNotContain("<span>format vsftpd</span>");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"en", "fr", "ja"})
  void theJsonReportKeepsTheIdentifier(String language) {
    CliRun run = CliRun.of("check", "--lang", language, "--report", "json", LOG);

    assertThat(run.out()).contains("\"format\" : \"vsftpd\"");
  }
}
