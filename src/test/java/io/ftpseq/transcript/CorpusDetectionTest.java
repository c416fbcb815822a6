package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Detection on real text files written by others (../shared/corpus, read in place when present):
 * each transcript is read by the right reader, and a file that is none says so.
 */
class CorpusDetectionTest {

  private static final Path CORPUS = Path.of("../shared/corpus");

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "zeek/scripts.base.protocols.ftp.ftp-ipv4/ftp.log, zeek",
    "zeek/scripts.base.protocols.ftp.ftp-multiline-reply/ftp.log, zeek",
    "zeek/scripts.base.protocols.ftp.ftp-password-pass-command/ftp.log, zeek",
    "zeek/scripts.policy.protocols.ftp.bruteforce/ftp.log, zeek",
    "fail2ban/vsftpd, vsftpd",
    "fail2ban/proftpd, proftpd",
    "fail2ban/pure-ftpd, pure-ftpd",
    "SOURCES.md, none",
    "suricata-verify/output-eve-ftp/test.yaml, none"
  })
  void corpusFileIsReadByTheRightReader(String file, String format) throws IOException {
    Path path = CORPUS.resolve(file);
    assumeTrue(Files.exists(path), "../shared/corpus is not here; the corpus check is skipped");
    TranscriptChecker.Result result;
    try (InputStream in = Files.newInputStream(path)) {
      result = new TranscriptChecker(ServerProfiles.RFC, null).check(file, in);
    }
    if (format.equals("none")) {
      assertThat(result.sessions()).isEmpty();
      assertThat(result.unreadable().message())
          .startsWith("not an FTP transcript in any known format");
      return;
    }
    assertThat(result.summary().format()).isEqualTo(format);
    // a log that shows no command or reply (only a login warning) is read, and said to hold none;
    // Zeek's test baselines mask every time (XXXXXXXXXX.XXXXXX), which is said once and counted
    assertThat(result.summary().inputProblems())
        .allMatch(
            p ->
                p.message().startsWith("no FTP dialogue found")
                    || p.message()
                        .endsWith(
                            "ftp.log line: \"XXXXXXXXXX.XXXXXX\"; the line is read without one")
                    || p.message().contains("have a time that cannot be read"));
    assertThat(result.sessions()).isNotEmpty().allMatch(s -> s.format().equals(format));
    // only a Zeek log with the connection's start (its <init> row, the greeting) shows one
    SessionCheck.Start start =
        Files.readString(path).contains("\t<init>\t")
            ? SessionCheck.Start.COMPLETE
            : SessionCheck.Start.MID_SESSION;
    assertThat(result.sessions().stream().filter(s -> !s.session().isEmpty()))
        .as("every session of a log that shows no connection's start starts mid-session")
        .allMatch(s -> s.start() == start);
    assertThat(result.sessions()).allMatch(s -> s.findings().isEmpty() || format.equals("zeek"));
  }
}
