package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A line of a reader's own format that it cannot read (a mistyped kind, a cut line, a missing
 * field) is a problem that names its line and quotes it, and the lines around it are still read:
 * one row per reader, each a good line, a broken one and a good one (after a header where the
 * format needs one). Readers skipped such lines without a word: vsftpd's {@code FTP comand:},
 * Pure-FTPd's {@code Comand [user]}, a cut ProFTPD trace dispatch and others.
 */
class UnreadableLinesTest {

  private static final String VSFTPD = "Mon Oct 22 14:11:54 2012 [pid 2677] ";
  private static final String PURE = "Nov 22 10:00:00 host pure-ftpd: (?@127.0.0.1) [DEBUG] ";
  private static final String SYSLOG = "Nov 23 06:40:20 host vsftpd[101]: ";
  private static final String TRACE = "2026-11-23 08:45:53,430 [21308] ";
  private static final String PYFTPDLIB = "[D 2026-11-28 15:03:44] 127.0.0.1:47324-[] ";
  private static final String PYFTPDLIB_INFO = "[I 2026-11-28 15:03:44] 127.0.0.1:47324-[alice] ";
  private static final String APACHE =
      "[ INFO] 2026-11-28 15:33:04,734 [0a1b2c3d-0000-4000-8000-000000000001] [127.0.0.1:47818]"
          + " FtpLoggingFilter - ";
  private static final String FZS_09 = "(000002)2025/11/6 15:58:48 - (not logged in) (127.0.0.1)> ";
  private static final String IIS_FIELDS =
      "#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status"
          + " sc-win32-status sc-substatus x-session x-fullpath";
  private static final String IIS = "2026-11-22 10:00:00 10.0.0.1 - 10.0.0.2 21 ";
  private static final String ZEEK =
      "{\"ts\":1700000000.1,\"uid\":\"C1\",\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":50003,"
          + "\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":21";
  private static final String EVE =
      "{\"flow_id\":1,\"src_ip\":\"10.0.0.1\",\"src_port\":5,\"dest_ip\":\"10.0.0.2\","
          + "\"dest_port\":21";

  static Stream<Arguments> readers() {
    return Stream.of(
        row("dialogue", "S: 220 ready", "Q: USER alice", "C: USER alice"),
        row("commons-net", "220 ready", "22", "USER alice"),
        row("curl", "< 220 ready", "=> Send header, 10 bytes", "> USER alice"),
        row("ftplib", "*resp* '220 ready'", "*comd* 'USER alice'", "*cmd* 'USER alice'"),
        row("lftp", "<--- 220 ready", "--> USER alice", "---> USER alice"),
        row("ftp", "220 ready", "--> USER alice", "---> USER alice"),
        row("filezilla", "Response:\t220 ready", "Comand:\tUSER alice", "Command:\tUSER alice"),
        row(
            "winscp",
            "< 2026-11-22 10:00:00.000 220 ready",
            "> 2026-11-22 10:00 USER alice",
            "> 2026-11-22 10:00:01.000 USER alice"),
        row("fluentftp", "Response: 220 ready", "Comand:  USER alice", "Command:  USER alice"),
        row(
            "vsftpd",
            VSFTPD + "FTP response: Client \"10.0.0.1\", \"220 ready\"",
            VSFTPD + "FTP comand: Client \"10.0.0.1\", \"USER alice\"",
            VSFTPD + "FTP command: Client \"10.0.0.1\", \"USER alice\""),
        row(
            "vsftpd",
            VSFTPD + "FTP response: Client \"10.0.0.1\", \"220 ready\"",
            VSFTPD + "FTP command: Client \"10.0.0.1\", \"USER ali",
            VSFTPD + "FTP command: Client \"10.0.0.1\", \"USER alice\""),
        row(
            "vsftpd",
            VSFTPD + "FTP response: Client \"10.0.0.1\", \"220 ready\"",
            VSFTPD + "FTP command: Client \"10.0.0.1\"",
            VSFTPD + "FTP command: Client \"10.0.0.1\", \"USER alice\""),
        row(
            "vsftpd",
            SYSLOG + "FTP response: Client \"10.0.0.1\", \"220 ready\"",
            SYSLOG + "[alice] ftp command: Client \"10.0.0.1\", \"USER alice\"",
            SYSLOG + "FTP command: Client \"10.0.0.1\", \"USER alice\""),
        row(
            "zeek",
            ZEEK
                + ",\"command\":\"USER\",\"arg\":\"alice\",\"reply_code\":331,\"reply_msg\":\"Go\"}",
            ZEEK + "}",
            ZEEK + ",\"command\":\"PASV\",\"reply_code\":227,\"reply_msg\":\"Passive\"}"),
        row(
            "pure-ftpd",
            PURE + "220 Welcome",
            PURE + "Comand [user] [alice]",
            PURE + "Command [user] [alice]"),
        row(
            "pure-ftpd",
            PURE + "220 Welcome",
            PURE + "Command [user] [ali",
            PURE + "Command [user] [alice]"),
        row(
            "proftpd",
            TRACE + "<response:1>: 220 ready",
            TRACE + "<command:7>: dispatching CMD command 'USER ali",
            TRACE + "<command:7>: dispatching CMD command 'USER alice' to mod_auth.c"),
        row(
            "proftpd",
            TRACE + "<response:1>: 220 ready",
            TRACE + "<command:7>: dispatching PREE_CMD command 'USER alice' to mod_core.c",
            TRACE + "<command:7>: dispatching PRE_CMD command 'USER alice' to mod_core.c"),
        row(
            "pyftpdlib",
            PYFTPDLIB + "-> 220 ready.",
            PYFTPDLIB + "<= USER alice",
            PYFTPDLIB + "<- USER alice"),
        row(
            "pyftpdlib",
            PYFTPDLIB_INFO + "RNFR /srv/a.txt 350",
            PYFTPDLIB_INFO + "RNTO /srv/b.t",
            PYFTPDLIB_INFO + "DELE /srv/b.txt 250"),
        row(
            "pyftpdlib",
            PYFTPDLIB_INFO + "RNFR /srv/a.txt 350",
            PYFTPDLIB_INFO + "RETR /srv/a.txt completed=1 byt",
            PYFTPDLIB_INFO + "DELE /srv/b.txt 250"),
        row(
            "pyftpdlib",
            PYFTPDLIB_INFO + "RNFR /srv/a.txt 350",
            "[I 2026-11-28 15:03:44] 127.0.0.1:47324-[ali",
            PYFTPDLIB_INFO + "DELE /srv/b.txt 250"),
        row(
            "apache-ftpserver",
            APACHE + "SENT: 220 ready",
            APACHE + "RECIEVED: USER alice",
            APACHE + "RECEIVED: USER alice"),
        row(
            "filezilla-server",
            "2025-08-25T00:15:13.045Z << [FTP Session 6 10.0.0.1] 220 ready",
            "2025-08-25T00:15:13.046Z >> [FTP Sesion 6 10.0.0.1] USER alice",
            "2025-08-25T00:15:13.047Z >> [FTP Session 6 10.0.0.1] USER alice"),
        row(
            "filezilla-server",
            FZS_09 + "220 ready",
            FZS_09 + "Something the server never writes",
            FZS_09 + "USER alice"),
        row(
            "iis",
            IIS_FIELDS,
            IIS + "ControlChannelOpened - - 0 0 s1 -",
            IIS + "- alice 331 0 0 s1 -",
            IIS + "USER alice 331 0 0 s1 -"),
        row(
            "suricata",
            EVE + ",\"event_type\":\"ftp\",\"tx_id\":0,\"ftp\":{\"command\":\"USER\"}}",
            EVE + ",\"event_type\":\"ftp\",\"tx_id\":1}",
            EVE + ",\"event_type\":\"ftp\",\"tx_id\":2,\"ftp\":{\"command\":\"PASV\"}}"),
        row(
            "suricata",
            EVE + ",\"event_type\":\"ftp\",\"tx_id\":0,\"ftp\":{\"command\":\"USER\"}}",
            EVE + ",\"tx_id\":1,\"ftp\":{\"command\":\"PASS\",\"command_data\":\"alice\"}}",
            EVE + ",\"event_type\":\"ftp\",\"tx_id\":2,\"ftp\":{\"command\":\"PASV\"}}"));
  }

  /** A reader's lines: any header, then a good line, the broken one and a good one. */
  private static Arguments row(String format, String... lines) {
    return Arguments.of(format, List.of(lines));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("readers")
  void brokenLineIsAProblemQuotingItAndTheLinesAroundItAreRead(String format, List<String> lines) {
    List<Long> eventLines = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    TranscriptSink sink =
        new TranscriptSink() {
          @Override
          public void event(String session, SessionEvent event) {
            eventLines.add(event.source().line());
          }

          @Override
          public void problem(String session, Problem problem) {
            problems.add(problem);
          }
        };
    TranscriptParser parser = TranscriptFormats.named(format).orElseThrow().parser("log", sink);
    List<LineUse> uses = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      uses.add(parser.line(i + 1, lines.get(i)));
    }
    parser.end(lines.size());

    int broken = lines.size() - 1; // the line's number, 1-based
    String text = lines.get(broken - 1);
    assertThat(uses.get(broken - 1)).isEqualTo(LineUse.PROBLEM);
    assertThat(problems)
        .as("a problem at line %d quoting it", broken)
        .anySatisfy(
            p -> {
              assertThat(p.source().line()).isEqualTo(broken);
              assertThat(p.message()).contains(Problem.quote(text));
            });
    assertThat(eventLines).contains((long) broken - 1, (long) broken + 1);
  }
}
