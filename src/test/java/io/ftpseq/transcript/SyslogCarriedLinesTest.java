package io.ftpseq.transcript;

import static io.ftpseq.transcript.ServerLogReadersTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What a server logs through syslog reaches the file with its control characters escaped by the
 * syslog daemon ({@code #012} a line feed, {@code #011} a tab, {@code #015} a carriage return):
 * each reader of such a log reads the line ends back as the server wrote them, so a multi-line
 * reply that vsftpd wrote in one message is its lines. The daemon does not escape its prefix, so a
 * tab's {@code #011} is also what a client typed: it stays as written.
 */
class SyslogCarriedLinesTest {

  @Test
  void pureFtpdCommandsAndRepliesAreReadAsTheServerWroteThem() {
    String at = "Nov 22 10:00:00 host pure-ftpd: (?@127.0.0.1) [DEBUG] ";
    String log =
        String.join(
            "\n",
            "Nov 22 10:00:00 host pure-ftpd: (?@127.0.0.1) [INFO] New connection from 127.0.0.1",
            at + "220 Welcome",
            at + "Command [feat] []",
            at + "211-Extensions supported:#015",
            at + "211- UTF8#015",
            at + "211 End.",
            at + "Command [stor] [tab#011in #101 name.txt]",
            at + "150 Accepted data connection for tab#011in #101 name.txt");
    String session = "127.0.0.1 @";
    String time = " --11-22T10:00:00 ";
    assertThat(read(new PureFtpdLog(), log))
        .containsExactly(
            session + 2 + time + "R 220 Welcome",
            session + 3 + time + "C FEAT",
            session + 4 + time + "R 211-Extensions supported:|211- UTF8|211 End.",
            session + 7 + time + "C STOR tab#011in #101 name.txt",
            session + 8 + time + "R 150 Accepted data connection for tab#011in #101 name.txt");
  }

  @Test
  void vsftpdRepliesWrittenInOneSyslogMessageAreTheirLines() {
    String at = "Nov 23 06:40:20 host vsftpd[101]: ";
    String log =
        String.join(
            "\n",
            at + "CONNECT: Client \"1.2.3.4\"",
            at
                + "FTP response: Client \"1.2.3.4\", \"220-Welcome#015#012220 to this host#015#012\"",
            at + "FTP command: Client \"1.2.3.4\", \"FEAT\"",
            at + "FTP response: Client \"1.2.3.4\", \"211-Features:\"",
            at + "FTP response: Client \"1.2.3.4\", \" EPRT#015#012\"",
            at + "FTP response: Client \"1.2.3.4\", \" EPSV#015#012\"",
            at + "FTP response: Client \"1.2.3.4\", \"211 End\"",
            at + "FTP command: Client \"1.2.3.4\", \"STOR tab#011name\"");
    String session = "1.2.3.4 pid 101 @";
    String time = " --11-23T06:40:20 ";
    assertThat(read(new VsftpdLog(), log))
        .containsExactly(
            session + 2 + time + "R 220-Welcome|220 to this host",
            session + 3 + time + "C FEAT",
            session + 4 + time + "R 211-Features:| EPRT| EPSV|211 End",
            session + 8 + time + "C STOR tab#011name");
  }

  /**
   * The daemon does not escape its own prefix, so a client's {@code #011} typed in a file name is
   * the same text as an escaped tab: whether or not the log shows the daemon's escaping elsewhere,
   * it is read as written, in each reader that reads syslog's escapes.
   */
  @Test
  void aClientsLiteralEscapeStaysAsWrittenWhenTheLogShowsNoEscaping() {
    String pure = "Nov 22 10:00:00 host pure-ftpd: (?@127.0.0.1) [DEBUG] ";
    assertThat(
            read(
                new PureFtpdLog(),
                String.join(
                    "\n",
                    "Nov 22 10:00:00 host pure-ftpd: (?@127.0.0.1) [INFO] New connection from"
                        + " 127.0.0.1",
                    pure + "220 Welcome",
                    pure + "Command [stor] [report#011final.txt]",
                    pure + "150 Accepted data connection for report#011final.txt")))
        .contains(
            "127.0.0.1 @3 --11-22T10:00:00 C STOR report#011final.txt",
            "127.0.0.1 @4 --11-22T10:00:00 R 150 Accepted data connection for report#011final.txt");
    String vsftpd = "Nov 23 06:40:20 host vsftpd[101]: ";
    assertThat(
            read(
                new VsftpdLog(),
                String.join(
                    "\n",
                    vsftpd + "CONNECT: Client \"1.2.3.4\"",
                    vsftpd + "FTP response: Client \"1.2.3.4\", \"220 Welcome\"",
                    vsftpd + "FTP command: Client \"1.2.3.4\", \"STOR report#011final.txt\"")))
        .contains("1.2.3.4 pid 101 @3 --11-23T06:40:20 C STOR report#011final.txt");
  }

  @Test
  void aClientsLiteralEscapeStaysAsWrittenAfterTheLogShowedTheEscaping() {
    String pure = "Nov 22 10:00:00 host pure-ftpd: (?@127.0.0.1) [DEBUG] ";
    assertThat(
            read(
                new PureFtpdLog(),
                String.join(
                    "\n",
                    "Nov 22 10:00:00 host pure-ftpd: (?@127.0.0.1) [INFO] New connection from"
                        + " 127.0.0.1",
                    pure + "220 Welcome#015",
                    pure + "Command [stor] [report#011final.txt]",
                    pure + "150 Accepted data connection for report#011final.txt")))
        .contains(
            "127.0.0.1 @2 --11-22T10:00:00 R 220 Welcome",
            "127.0.0.1 @3 --11-22T10:00:00 C STOR report#011final.txt",
            "127.0.0.1 @4 --11-22T10:00:00 R 150 Accepted data connection for report#011final.txt");
    String vsftpd = "Nov 23 06:40:20 host vsftpd[101]: ";
    assertThat(
            read(
                new VsftpdLog(),
                String.join(
                    "\n",
                    vsftpd + "CONNECT: Client \"1.2.3.4\"",
                    vsftpd + "FTP response: Client \"1.2.3.4\", \"220 Welcome#015#012\"",
                    vsftpd + "FTP command: Client \"1.2.3.4\", \"STOR report#011final.txt\"",
                    vsftpd + "FTP command: Client \"1.2.3.4\", \"STOR a#015#012b.txt\"")))
        .contains(
            "1.2.3.4 pid 101 @2 --11-23T06:40:20 R 220 Welcome",
            "1.2.3.4 pid 101 @3 --11-23T06:40:20 C STOR report#011final.txt",
            "1.2.3.4 pid 101 @4 --11-23T06:40:20 C STOR a#015#012b.txt");
    String c = "Nov 23 06:40:20 host vsftpd[101]: ";
    assertThat(
            read(
                new VsftpdLog(),
                String.join(
                    "\n",
                    c + "CONNECT: Client \"1.2.3.4\"",
                    c + "FTP response: Client \"1.2.3.4\", \"220 Welcome\\r\\n\"",
                    c + "FTP command: Client \"1.2.3.4\", \"CWD C:\\temp\\new\"")))
        .contains(
            "1.2.3.4 pid 101 @2 --11-23T06:40:20 R 220 Welcome",
            "1.2.3.4 pid 101 @3 --11-23T06:40:20 C CWD C:\\temp\\new");
  }
}
