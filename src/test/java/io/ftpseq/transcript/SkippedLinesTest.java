package io.ftpseq.transcript;

import static io.ftpseq.transcript.ServerLogReadersTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The lines a server log reader skips are those the server writes about something other than the
 * dialogue (its status messages, other trace channels, other records); a line that carries a
 * command or a reply is read whatever else it shows, and a line the reader cannot place is a
 * problem, never read as a command it is not.
 */
class SkippedLinesTest {

  /** vsftpd's own file forwarded through syslog keeps its {@code [pid N]} after the tag. */
  @Test
  void vsftpdLinesWithASyslogTagAndTheirOwnPidAreRead() {
    String tag = "Nov 23 06:40:2%d host vsftpd[101]: [pid 101] ";
    String log =
        String.join(
            "\n",
            tag.formatted(0) + "CONNECT: Client \"1.2.3.4\"",
            tag.formatted(0) + "FTP response: Client \"1.2.3.4\", \"220 ready\"",
            tag.formatted(1) + "FTP command: Client \"1.2.3.4\", \"USER alice\"",
            tag.formatted(1) + "[alice] FTP response: Client \"1.2.3.4\", \"331 Password?\"",
            tag.formatted(2) + "[alice] FTP command: Client \"1.2.3.4\", \"PASS x\"");
    assertThat(read(new VsftpdLog(), log))
        .containsExactly(
            "1.2.3.4 pid 101 @2 --11-23T06:40:20 R 220 ready",
            "1.2.3.4 pid 101 @3 --11-23T06:40:21 C USER alice",
            "1.2.3.4 pid 101 @4 --11-23T06:40:21 R 331 Password?",
            "1.2.3.4 pid 101 @5 --11-23T06:40:22 C PASS ****");
  }

  /**
   * The response channel traces the reply lines as sent at level 1 (an asynchronous one after
   * {@code async: }); its other messages (a response added to the pending list, one dropped for
   * want of a pool) are not lines sent, and are skipped.
   */
  @Test
  void proftpdTraceReadsOnlyTheResponseLinesSent() {
    String at = "2026-11-23 08:45:53,430 [21308] ";
    String log =
        String.join(
            "\n",
            at + "<response:1>: 220 ProFTPD Server [127.0.0.1]\r",
            at + "<command:7>: dispatching CMD command 'RETR a.txt' to mod_xfer.c",
            at + "<response:7>: response added to pending list: 150 Opening data connection",
            at + "<response:1>: 150 Opening data connection\r",
            at + "<response:7>: error response added to pending list: 426 Transfer aborted",
            at + "<response:1>: async: 426 Transfer aborted\r",
            at + "<response:1>: no response pool set, ignoring added 226 response",
            at + "<response:19>: responses blocked, not flushing response chain",
            at + "<command:7>: dispatching CMD command 'NOOP' to mod_core.c",
            at + "<response:1>: 200 NOOP command successful\r");
    String session = "pid 21308 @";
    String time = " 2026-11-23T08:45:53.430 ";
    assertThat(read(new ProftpdLog(), log))
        .containsExactly(
            session + 1 + time + "R 220 ProFTPD Server [127.0.0.1]",
            session + 2 + time + "C RETR a.txt",
            session + 4 + time + "R 150 Opening data connection",
            session + 6 + time + "R 426 Transfer aborted",
            session + 9 + time + "C NOOP",
            session + 10 + time + "R 200 NOOP command successful");
  }

  /**
   * FileZilla Server 0.9 writes commands, replies and its status messages after the same {@code >}:
   * a status message is skipped, a command is a verb as the client sent it, and a line that is
   * neither is a problem, not a command of an unknown verb awaiting a reply.
   */
  @Test
  void fileZillaServer09StatusMessagesAreSkippedAndUnknownLinesReported() {
    String three = "(000003)11/23/2026 9:40:23 AM - (not logged in) (127.0.0.1)> ";
    String four = "(000004)11/23/2026 9:40:24 AM - alice (10.0.0.5)> ";
    String log =
        String.join(
            "\n",
            three + "Connected on port 21, sending welcome message...",
            three + "220 FileZilla Server 0.9.60 beta",
            three + "AUTH TLS",
            three + "234 Using authentication type TLS",
            three + "TLS connection established",
            three + "TLS info: TLSv1.2",
            three + "user alice",
            three + "331 Password required for alice",
            three + "could not send reply, disconnected.",
            four + "Refusing connection. Reason: Max. connection count reached.",
            four + "421 Too many users are connected, please try again later.",
            four + "Can't get remote IP, disconnected",
            four + "Failed to convert reply to UTF-8",
            four + "Something else entirely",
            four + "disconnected.");
    String s3 = "connection 000003 127.0.0.1 @";
    String s4 = "connection 000004 10.0.0.5 @";
    String t3 = " 2026-11-23T09:40:23 ";
    String t4 = " 2026-11-23T09:40:24 ";
    assertThat(read(new FileZillaServerLog(), log))
        .containsExactly(
            s3 + 2 + t3 + "R 220 FileZilla Server 0.9.60 beta",
            s3 + 3 + t3 + "C AUTH TLS",
            s3 + 4 + t3 + "R 234 Using authentication type TLS",
            s3 + 7 + t3 + "C USER alice",
            s3 + 8 + t3 + "R 331 Password required for alice",
            s4 + 11 + t4 + "N START_MISSING",
            s4 + 11 + t4 + "R 421 Too many users are connected, please try again later.",
            "problem log:14 cannot read this FileZilla Server log line: it is no command, no reply"
                + " and no status message the server writes: \""
                + four.strip()
                + " Something else entirely\"");
  }

  /**
   * FileZilla Server 0.9 writes the server's own messages (start, listen sockets) with no
   * connection and no date: they are skipped, and a line of no shape it writes is still a stray
   * line.
   */
  @Test
  void fileZillaServer09OwnMessagesWithoutAConnectionAreSkipped() {
    String log =
        String.join(
            "\n",
            "FileZilla Server 0.9.60 beta started",
            "Initializing Server.",
            "Creating listen socket on port 21...",
            "Failed to bind the listen socket on port 21 to the following IPs: ::0",
            "Server online",
            "(000001)11/23/2026 9:40:23 AM - (not logged in) (127.0.0.1)> 220 ready",
            "Failure in CListenSocket::OnAccept(0)  11/23/2026 9:40:24 AM - call to"
                + " CAsyncSocketEx::Accept failed, errorcode 10055",
            "If you use a firewall, please check your firewall configuration",
            "Closing all listening sockets",
            "Server offline.",
            "something else");
    assertThat(read(new FileZillaServerLog(), log))
        .containsExactly(
            "connection 000001 127.0.0.1 @6 2026-11-23T09:40:23 R 220 ready",
            "problem log:11 not a line of the FileZilla Server log: \"something else\"");
  }

  /**
   * Apache FtpServer's layouts write each record's date and time, which the commands and replies
   * keep; a record with a throwable is followed by its stack trace, lines of the record skipped
   * with it, not lines of no format.
   */
  @Test
  void apacheFtpServerRecordsKeepTheirTimesAndStackTracesAreSkippedWithTheirRecord() {
    String at = "[ INFO] 2026-11-28 21:00:5%s [alice] [127.0.0.1:47818] ";
    String log =
        String.join(
            "\n",
            at.formatted("4,987") + "SENT: 220 Service ready for new user.",
            "",
            at.formatted("5,009") + "RECEIVED: USER alice",
            "[ WARN] 2026-11-28 21:00:55,020 [alice] [127.0.0.1:47818] EXCEPTION :",
            "java.io.IOException: Connection reset by peer",
            "\tat sun.nio.ch.FileDispatcherImpl.read0(Native Method)",
            "\tat org.apache.mina.core.polling.AbstractPollingIoProcessor.read(Unknown Source)",
            "\t... 12 more",
            "Caused by: java.net.SocketException: Connection reset",
            "\t... 3 common frames omitted",
            at.formatted("6.5Z") + "SENT: 331 User name okay, need password for alice.",
            "",
            at.formatted("7,5") + "RECEIVED: PASS *****",
            "[ INFO] 2026-13-28 21:00:58,000 [alice] [127.0.0.1:47818] SENT: 230 Logged in.",
            "java.lang.String is no stack trace here");
    String session = "127.0.0.1:47818 @";
    assertThat(read(new ApacheFtpServerLog(), log))
        .containsExactly(
            session + "1 2026-11-28T21:00:54.987 R 220 Service ready for new user.",
            session + "3 2026-11-28T21:00:55.009 C USER alice",
            session + "11 2026-11-28T21:00:56.5Z R 331 User name okay, need password for alice.",
            session + "13 2026-11-28T21:00:57.5 C PASS ****",
            "problem log:14 cannot read the time of this Apache FtpServer log line:"
                + " \"2026-13-28 21:00:58,000\"; the line is read without one",
            session + "14  R 230 Logged in.",
            "problem log:15 not a line of the Apache FtpServer log: \"java.lang.String is no stack trace"
                + " here\"");
  }
}
