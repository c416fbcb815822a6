package io.ftpseq.transcript;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The servers' own logs, on lines as ProFTPD 1.3.8, pyftpdlib 1.5.7 and Apache FtpServer 1.2.1
 * wrote them (the recorded samples are checked whole by the golden tests).
 */
class ServerOwnLogReadersTest {

  private static TranscriptChecker.Result check(TranscriptFormat format, String log)
      throws IOException {
    return new TranscriptChecker(ServerProfiles.RFC, format, null)
        .check("server.log", new ByteArrayInputStream(log.getBytes(UTF_8)));
  }

  @Test
  void proftpdLinesInTheirLogFormatAreSessionsByPid() throws IOException {
    String log =
        """
        [[28/Nov/2026:20:09:16 +0000]] 30237 127.0.0.1 "USER ftpseq" 331 "Password required"
        [[28/Nov/2026:20:09:16 +0000]] 30195 127.0.0.1 "USER ftpseq" 331 "Password required"
        [[28/Nov/2026:20:09:17 +0000]] 30237 127.0.0.1 "PASS (hidden)" 230 "User ftpseq logged in"
        [[28/Nov/2026:20:09:17 +0000]] 30237 127.0.0.1 "RNTO x.txt" 503 "Bad sequence of commands"
        [[28/Nov/2026:20:09:17 +0000]] 30195 127.0.0.1 "PASS (hidden)" 230 "User ftpseq logged in"
        [[28/Nov/2026:20:09:17 +0000]] 30237 127.0.0.1 "QUIT" 221 "Goodbye."
        [[28/Nov/2026:20:09:18 +0000]] 30195 127.0.0.1 "QUIT" 221 "Goodbye."
        """;
    TranscriptChecker.Result result = check(null, log);

    assertThat(result.summary().format()).isEqualTo("proftpd");
    assertThat(result.summary().problems()).isZero();
    assertThat(result.sessions())
        .extracting(SessionCheck::session)
        .containsExactlyInAnyOrder("127.0.0.1 pid 30237", "127.0.0.1 pid 30195");
    SessionCheck renamed =
        result.sessions().stream()
            .filter(s -> s.session().endsWith("30237"))
            .findFirst()
            .orElseThrow();
    assertThat(renamed.findings())
        .extracting(f -> f.rule().name() + "@" + f.source().line())
        .contains("RNTO_WITHOUT_RNFR@4");
  }

  @Test
  void aLineTheLogFormatDoesNotMatchIsAProblemNamingItsLine() throws IOException {
    ProftpdLogFormat format = ProftpdLogFormat.compile("%{epoch} %P %a \"%r\" %s");
    String log =
        """
        1795896553 30195 127.0.0.1 "USER ftpseq" 331
        this is not a log line
        1795896554 30195 127.0.0.1 "QUIT" 221
        """;
    TranscriptChecker.Result result = check(new ProftpdLog(format), log);

    assertThat(result.summary().problems()).isEqualTo(1);
    assertThat(result.summary().inputProblems())
        .extracting(p -> p.source().line() + ": " + p.message())
        .singleElement()
        .asString()
        .isEqualTo(
            "2: not a line of the ProFTPD log in the LogFormat %{epoch} %P %a \"%r\" %s:"
                + " \"this is not a log line\"");
  }

  @Test
  void aLogFormatWithoutACommandIsRefused() {
    assertThatThrownBy(() -> ProftpdLogFormat.compile("%t %a %s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no command");
  }

  @Test
  void withoutAPidTheSessionsAreByClientWithANote() throws IOException {
    String log =
        """
        1795896553 127.0.0.1 "USER ftpseq" 331
        1795896554 127.0.0.1 "QUIT" 221
        """;
    TranscriptChecker.Result result =
        check(new ProftpdLog(ProftpdLogFormat.compile("%{epoch} %a \"%r\" %s")), log);

    assertThat(result.sessions())
        .singleElement()
        .extracting(SessionCheck::session)
        .isEqualTo("127.0.0.1");
    assertThat(result.sessions().get(0).notes())
        .extracting(n -> n.kind().name())
        .contains("GROUPED_BY_CLIENT");
  }

  @Test
  void pyftpdlibInfoLinesAreReadAfterAGapAndTheServersOwnRefusalIsReported() throws IOException {
    String log =
        """
        [I 2026-11-28 20:09:36] 127.0.0.1:34320-[] FTP session opened (connect)
        [I 2026-11-28 20:09:36] 127.0.0.1:34320-[ftpseq] USER 'ftpseq' logged in.
        [I 2026-11-28 20:09:36] 127.0.0.1:34320-[ftpseq] RNTO /srv/x.txt 503 'Bad sequence of commands: use RNFR first.'
        [I 2026-11-28 20:09:36] 127.0.0.1:34320-[ftpseq] FTP session closed (disconnect).
        """;
    TranscriptChecker.Result result = check(null, log);

    assertThat(result.summary().format()).isEqualTo("pyftpdlib");
    assertThat(result.summary().problems()).isZero();
    // the login notice and the close are skipped; the opening starts the session
    assertThat(result.summary().skipped()).isEqualTo(2);
    assertThat(result.sessions())
        .singleElement()
        .extracting(SessionCheck::session)
        .isEqualTo("127.0.0.1:34320");
    // the log shows the connection's start, so the session is not taken as begun mid-way
    assertThat(result.sessions().get(0).start()).isEqualTo(SessionCheck.Start.COMPLETE);
    assertThat(result.sessions().get(0).notes())
        .extracting(n -> n.kind().name() + " " + n.source().line())
        .containsExactly("UNLOGGED_COMMANDS 3");
  }

  @Test
  void pyftpdlibSessionOpenedAgainOnTheSamePortIsANewSession() throws IOException {
    // the close of the first session is not in the log: the second opening still ends it
    String log =
        """
        [I 2026-11-28 20:09:36] 127.0.0.1:34320-[] FTP session opened (connect)
        [I 2026-11-28 20:09:36] 127.0.0.1:34320-[ftpseq] RNFR /srv/x.txt 350
        [I 2026-11-28 20:10:36] 127.0.0.1:34320-[] FTP session opened (connect)
        [I 2026-11-28 20:10:36] 127.0.0.1:34320-[ftpseq] RNTO /srv/y.txt 503 'Bad sequence of commands: use RNFR first.'
        """;
    TranscriptChecker.Result result = check(null, log);

    assertThat(result.sessions())
        .extracting(s -> s.session() + " " + s.commands())
        .containsExactly("127.0.0.1:34320 1", "127.0.0.1:34320 1");
  }

  @Test
  void pyftpdlibInPythonsDefaultFormatPairsCommandsAndReplies() throws IOException {
    String log =
        """
        INFO:pyftpdlib:127.0.0.1:60332-[] FTP session opened (connect)
        DEBUG:pyftpdlib:127.0.0.1:60332-[] -> 220 pyftpdlib 1.5.7 ready.
        DEBUG:pyftpdlib:127.0.0.1:60332-[] <- USER ftpseq
        DEBUG:pyftpdlib:127.0.0.1:60332-[] -> 331 Username ok, send password.
        DEBUG:pyftpdlib:127.0.0.1:60332-[ftpseq] <- PASS ******
        DEBUG:pyftpdlib:127.0.0.1:60332-[ftpseq] -> 230 Login successful.
        INFO:pyftpdlib:127.0.0.1:60332-[ftpseq] USER 'ftpseq' logged in.
        DEBUG:pyftpdlib:127.0.0.1:60332-[ftpseq] <- RNTO x.txt
        DEBUG:pyftpdlib:127.0.0.1:60332-[ftpseq] -> 503 Bad sequence of commands: use RNFR first.
        DEBUG:pyftpdlib:[debug] call: close() (<FTPHandler(id=1, addr='127.0.0.1:60332')>)
        INFO:pyftpdlib:127.0.0.1:60332-[ftpseq] FTP session closed (disconnect).
        """;
    TranscriptChecker.Result result = check(null, log);

    assertThat(result.summary().format()).isEqualTo("pyftpdlib");
    assertThat(result.summary().problems()).isZero();
    assertThat(result.sessions().get(0).commands()).isEqualTo(3);
    assertThat(result.sessions().get(0).findings())
        .extracting(Finding::rule)
        .extracting(Enum::name)
        .containsExactly("RNTO_WITHOUT_RNFR");
  }

  @Test
  void apacheFtpServerMultiLineRepliesAreJoinedAndStrayLinesAreProblems() throws IOException {
    String session = "[8d15f3c2-7f0e-4c57-9b8e-2f8a4c0b321e] [127.0.0.1:47818]";
    String log =
        String.join(
            "\n",
            "[ INFO] 2026-11-28 15:33:04,700 " + session + " FtpLoggingFilter - SENT: 220 Ready.\r",
            "",
            "[ INFO] 2026-11-28 15:33:04,701 " + session + " FtpLoggingFilter - RECEIVED: FEAT",
            "[ INFO] 2026-11-28 15:33:04,702 "
                + session
                + " FtpLoggingFilter - SENT: 211-Extensions",
            " SIZE",
            " MDTM",
            "211 End\r",
            "",
            "garbage",
            "");
    TranscriptChecker.Result result = check(null, log);

    assertThat(result.summary().format()).isEqualTo("apache-ftpserver");
    assertThat(result.summary().problems()).isEqualTo(1);
    assertThat(result.summary().inputProblems())
        .extracting(p -> p.source().line())
        .containsExactly(9L);
    assertThat(result.sessions().get(0).session())
        .isEqualTo("8d15f3c2-7f0e-4c57-9b8e-2f8a4c0b321e");
    assertThat(result.sessions().get(0).replies()).isEqualTo(2);
  }
}
