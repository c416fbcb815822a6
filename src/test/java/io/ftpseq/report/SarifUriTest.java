package io.ftpseq.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A file's SARIF URI is a relative reference that names that file, whatever its name. */
class SarifUriTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "10:00.log              | 10%3A00.log",
        "logs/10:00.log         | logs/10:00.log",
        "2026-11-30T10:00/x.log | 2026-11-30T10%3A00/x.log",
        "/var/log/a:b.log       | /var/log/a:b.log",
        "plain.log              | plain.log"
      })
  void aColonBeforeTheFirstSlashIsNoScheme(String file, String expected) {
    String uri = SarifReport.uri(file);
    assertThat(uri).isEqualTo(expected);
    assertThat(URI.create(uri).getScheme()).isNull();
    assertThat(URI.create(uri).getPath()).isEqualTo(file);
  }
}
