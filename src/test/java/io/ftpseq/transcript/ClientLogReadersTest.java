package io.ftpseq.transcript;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client debug formats, on logs recorded from the real programs (curl 7.88, lftp 4.9, Python
 * 3.11 ftplib, Commons Net 3.11, tnftp 20210827, inetutils ftp 2.4) against Apache FtpServer, and
 * on logs written by hand to the grammar of FileZilla, WinSCP and FluentFTP.
 */
class ClientLogReadersTest {

  private static SessionCheck check(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      TranscriptChecker.Result result =
          new TranscriptChecker(ServerProfiles.RFC, null).check(file.toString(), in);
      assertThat(result.unreadable()).isNull();
      assertThat(result.sessions()).hasSize(1);
      return result.sessions().get(0);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "samples/curl/apache-ftpserver-clean.log, curl",
    "samples/curl/apache-ftpserver-out-of-order.log, curl",
    "samples/ftplib/apache-ftpserver-clean.log, ftplib",
    "samples/ftplib/apache-ftpserver-out-of-order.log, ftplib",
    "samples/lftp/apache-ftpserver-list-get-rename.log, lftp",
    "samples/lftp/apache-ftpserver-out-of-order.log, lftp",
    "samples/commons-net/apache-ftpserver-clean.log, commons-net",
    "samples/ftp/tnftp-apache-ftpserver-clean.log, ftp",
    "samples/ftp/tnftp-apache-ftpserver-out-of-order.log, ftp",
    "samples/ftp/inetutils-apache-ftpserver-clean.log, ftp",
    "samples/ftp/inetutils-apache-ftpserver-out-of-order.log, ftp",
    "samples/filezilla/window-out-of-order-handmade.log, filezilla",
    "samples/winscp/session-out-of-order-handmade.log, winscp",
    "samples/fluentftp/console-clean-handmade.log, fluentftp",
    "samples/fluentftp/logger-out-of-order-handmade.log, fluentftp",
    // with showDirection and only one-line replies, Commons Net output is an arrow dialogue
    "samples/commons-net/apache-ftpserver-out-of-order.log, dialogue"
  })
  void recordedLogIsDetectedAndReadWithoutProblems(String file, String format) throws IOException {
    SessionCheck session = check(Path.of(file));
    assertThat(session.format()).isEqualTo(format);
    assertThat(session.problems()).isEmpty();
    assertThat(session.start()).isEqualTo(SessionCheck.Start.COMPLETE);
  }

  @Test
  void sameOutOfOrderSessionGivesTheSameFindingsInEveryClientFormat() throws IOException {
    Set<String> expected =
        Set.of("PASS_WITHOUT_USER", "RNTO_WITHOUT_RNFR", "TRANSFER_WITHOUT_DATA_CHANNEL");
    for (String file :
        List.of(
            "samples/ftplib/apache-ftpserver-out-of-order.log",
            "samples/commons-net/apache-ftpserver-out-of-order.log",
            "samples/ftp/tnftp-apache-ftpserver-out-of-order.log",
            "samples/ftp/inetutils-apache-ftpserver-out-of-order.log")) {
      assertThat(clientRules(file)).as(file).isEqualTo(expected);
    }
    // FileZilla, WinSCP and FluentFTP log in by themselves; their custom commands come after
    for (String file :
        List.of(
            "samples/filezilla/window-out-of-order-handmade.log",
            "samples/winscp/session-out-of-order-handmade.log",
            "samples/fluentftp/logger-out-of-order-handmade.log")) {
      assertThat(clientRules(file))
          .as(file)
          .containsExactlyInAnyOrder("RNTO_WITHOUT_RNFR", "TRANSFER_WITHOUT_DATA_CHANNEL");
    }
    // curl cannot send PASS first or skip the data channel; lftp cannot send PASS first
    assertThat(clientRules("samples/curl/apache-ftpserver-out-of-order.log"))
        .containsExactly("RNTO_WITHOUT_RNFR");
    assertThat(clientRules("samples/lftp/apache-ftpserver-out-of-order.log"))
        .containsExactlyInAnyOrder("RNTO_WITHOUT_RNFR", "TRANSFER_WITHOUT_DATA_CHANNEL");
  }

  @Test
  void everyClientFindingPointsAtItsCommandLine() throws IOException {
    for (String file :
        List.of(
            "samples/curl/apache-ftpserver-out-of-order.log",
            "samples/ftplib/apache-ftpserver-out-of-order.log",
            "samples/lftp/apache-ftpserver-out-of-order.log",
            "samples/lftp/apache-ftpserver-list-get-rename.log",
            "samples/ftp/tnftp-apache-ftpserver-out-of-order.log",
            "samples/ftp/inetutils-apache-ftpserver-out-of-order.log",
            "samples/filezilla/window-out-of-order-handmade.log",
            "samples/winscp/session-out-of-order-handmade.log",
            "samples/fluentftp/logger-out-of-order-handmade.log")) {
      List<String> lines = Files.readAllLines(Path.of(file));
      for (Finding f : check(Path.of(file)).findings()) {
        if (f.rule().isClientRule()) {
          assertThat(lines.get((int) f.source().line() - 1))
              .as("%s:%d", file, f.source().line())
              .contains(f.command().word());
        }
      }
    }
  }

  @Test
  void lftpListingLinesOnStandardOutputAreSkippedAndCounted() throws IOException {
    String log =
        String.join(
            "\n",
            "---- Connecting to 127.0.0.1 (127.0.0.1) port 2121",
            "<--- 220 Service ready for new user.",
            "---> USER alice",
            "<--- 331 User name okay, need password for alice.",
            "---> PASS XXXX",
            "<--- 230 User logged in, proceed.",
            "---> PASV",
            "<--- 227 Entering Passive Mode (127,0,0,1,200,10)",
            "---> LIST",
            "<--- 150 File status okay; about to open data connection.",
            "<--- 226 Closing data connection.",
            "total 2",
            "-rw-r--r--   1 user group          6 Nov 28 15:03 a.txt",
            "drwxr-xr-x   2 user group       4096 Nov 28 15:03 sub",
            "type=file;size=6;modify=20261128150300; a.txt",
            "---> QUIT",
            "<--- 221 Goodbye.",
            "");
    TranscriptChecker.Result result =
        new TranscriptChecker(ServerProfiles.RFC, null)
            .check("lftp.log", new java.io.ByteArrayInputStream(log.getBytes(UTF_8)));

    assertThat(result.summary().format()).isEqualTo("lftp");
    assertThat(result.summary().problems()).isZero();
    assertThat(result.summary().skipped()).isEqualTo(4);
    assertThat(result.sessions().get(0).findings()).isEmpty();
  }

  @Test
  void ftplibGetRecordThatIsNoReplyLineIsAProblemNamingItsLine() throws IOException {
    String log =
        String.join(
            "\n",
            "*get* '220 (vsFTPd 3.0.3)\\n'",
            "*resp* '220 (vsFTPd 3.0.3)'",
            "*cmd* 'USER ftpuser'",
            "*put* 'USER ftpuser\\r\\n'",
            "*get* '33\\n'",
            "*resp* '331 Please specify the password.'",
            "*cmd* 'QUIT'",
            "*put* 'QUIT\\r\\n'",
            "*get* '221 Goodbye.\\n'",
            "*resp* '221 Goodbye.'",
            "");
    TranscriptChecker.Result result =
        new TranscriptChecker(ServerProfiles.RFC, null)
            .check("ftplib.log", new ByteArrayInputStream(log.getBytes(UTF_8)));

    assertThat(result.summary().format()).isEqualTo("ftplib");
    assertThat(result.summary().problems()).isEqualTo(1);
    assertThat(result.sessions().get(0).problems())
        .extracting(p -> p.source().line() + ": " + p.message())
        .containsExactly("5: an ftplib *get* record that is not a reply line: \"33\"");
    assertThat(result.sessions().get(0).commands()).isEqualTo(2);
  }

  @Test
  void lftpSendsProtWithoutPbszWhenAuthTlsIsRefused() throws IOException {
    assertThat(clientRules("samples/lftp/apache-ftpserver-list-get-rename.log"))
        .containsExactly("PROT_WITHOUT_PBSZ");
  }

  @Test
  void ftplibMultiLineReplyIsOneRecord() throws IOException {
    String log =
        "*resp* '220 ready'\n*cmd* 'USER u'\n*resp* '331 pw'\n*cmd* 'PASS ****'\n"
            + "*resp* '230 ok'\n*cmd* 'FEAT'\n*resp* '211-Features:\\n EPSV\\n211 End'\n"
            + "*cmd* 'RNTO x'\n*resp* \"503 Can't rename\"\n";
    TranscriptChecker.Result result =
        new TranscriptChecker(ServerProfiles.RFC, null)
            .check("t", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
    SessionCheck session = result.sessions().get(0);
    assertThat(session.problems()).isEmpty();
    assertThat(session.replies()).isEqualTo(5);
    assertThat(session.findings())
        .extracting(f -> f.rule().name())
        .containsExactly("RNTO_WITHOUT_RNFR");
    assertThat(session.findings().get(0).reply().text()).isEqualTo("Can't rename");
  }

  @Test
  void pythonLiteralsOfBothQuoteStylesAreRead() {
    assertThat(PythonLiteral.unquote("'a\\'b\\n\\x41'")).isEqualTo("a'b\nA");
    assertThat(PythonLiteral.unquote("\"it's\"")).isEqualTo("it's");
    assertThat(PythonLiteral.unquote("b'ABOR\\r\\n'")).isEqualTo("ABOR\r\n");
    assertThat(PythonLiteral.unquote("no quotes")).isNull();
    assertThat(PythonLiteral.unquote("'no escape'")).isEqualTo("no escape");
    assertThat(PythonLiteral.unquote("'ends in \\'")).isEqualTo("ends in \\");
    assertThat(PythonLiteral.unquote("'a\\\\'")).isEqualTo("a\\");
    assertThat(PythonLiteral.unquote("'\\t'")).isEqualTo("\t");
  }

  @Test
  void curlNotesAndProgressMeterAreNotProblems() throws IOException {
    String log =
        "*   Trying 127.0.0.1:21...\n"
            + "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
            + "* Connected to localhost (127.0.0.1) port 21 (#0)\n< 220 hi\n> USER u\n< 331 pw\n"
            + "> PASS secret\n< 230 ok\n{ [12 bytes data]\n";
    SessionCheck session =
        new TranscriptChecker(ServerProfiles.RFC, null)
            .check("t", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)))
            .sessions()
            .get(0);
    assertThat(session.format()).isEqualTo("curl");
    assertThat(session.problems()).isEmpty();
    assertThat(session.findings()).isEmpty();
  }

  private static Set<String> clientRules(String file) throws IOException {
    return check(Path.of(file)).findings().stream()
        .filter(f -> f.rule().isClientRule())
        .map(f -> f.rule().name())
        .collect(Collectors.toSet());
  }
}
