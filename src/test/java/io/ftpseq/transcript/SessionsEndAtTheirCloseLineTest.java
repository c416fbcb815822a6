package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.Note;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every reader ends a session at the line its format writes when the control connection closes: the
 * session is reported and forgotten there, not 10,000 sessions later or at the end of the input,
 * and a line of the same ids after it is another session's.
 */
class SessionsEndAtTheirCloseLineTest {

  @ParameterizedTest(name = "{0} ({2} at line {3})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          filezilla-server|\
          (000004) 2/2/2025 12:00:00 PM - (not logged in) (1.2.3.4)> Connected on port 21, sending welcome message...\\n\
          (000004) 2/2/2025 12:00:00 PM - (not logged in) (1.2.3.4)> 220 Hello\\n\
          (000004) 2/2/2025 12:00:01 PM - (not logged in) (1.2.3.4)> USER alice\\n\
          (000004) 2/2/2025 12:00:01 PM - (not logged in) (1.2.3.4)> 331 Password required\\n\
          (000004) 2/2/2025 12:00:02 PM - (not logged in) (1.2.3.4)> disconnected.\\n\
          (000004) 2/2/2025 12:00:03 PM - (not logged in) (1.2.3.4)> PASS ****\
          |connection 000004 1.2.3.4|5|START_MISSING
          filezilla-server|\
          (000007)2025/11/6 15:58:48 - (not logged in) (10.0.0.1)> 220 Hello\\n\
          (000007)2025/11/6 15:58:49 - (not logged in) (10.0.0.1)> could not send reply, disconnected.\\n\
          (000007)2025/11/6 15:58:50 - (not logged in) (10.0.0.1)> 331 Password required\
          |connection 000007 10.0.0.1|2|START_MISSING
          filezilla|\
          2026-11-22 10:00:00 12345 1 Status: Connecting to 127.0.0.1:21...\\n\
          2026-11-22 10:00:00 12345 1 Response: 220 Hello\\n\
          2026-11-22 10:00:01 12345 1 Status: Disconnected from server\\n\
          2026-11-22 10:00:02 12345 1 Command: USER alice\
          |pid 12345 engine 1|3|pid 12345 engine 1 connection 2
          filezilla|\
          2026-11-22 10:00:00 12345 2 Response: 220 Hello\\n\
          2026-11-22 10:00:01 12345 2 Error: Disconnected from server: ECONNRESET - Connection reset by peer\\n\
          2026-11-22 10:00:02 12345 2 Command: USER alice\
          |pid 12345 engine 2|2|pid 12345 engine 2 connection 2
          filezilla|\
          Status:\tConnecting to 127.0.0.1:21...\\n\
          Response:\t220 Hello\\n\
          Error:\tConnection closed by server\\n\
          Command:\tUSER alice\
          |connection 1|3|connection 2
          pure-ftpd|\
          Nov 23 10:14:48 ftphost pure-ftpd: (?@10.0.0.1) [INFO] New connection from 10.0.0.1\\n\
          Nov 23 10:14:48 ftphost pure-ftpd: (?@10.0.0.1) [DEBUG] Command [user] [alice]\\n\
          Nov 23 10:14:48 ftphost pure-ftpd: (?@10.0.0.1) [DEBUG] Command [quit] []\\n\
          Nov 23 10:14:48 ftphost pure-ftpd: (?@10.0.0.1) [INFO] Logout.\\n\
          Nov 23 10:14:49 ftphost pure-ftpd: (?@10.0.0.1) [DEBUG] Command [user] [bob]\
          |10.0.0.1|4|START_MISSING
          proftpd|\
          Nov 23 08:41:10 vm5 proftpd[684684] vm5 (client.example[10.0.0.9]): USER alice: Login successful.\\n\
          Nov 23 08:41:11 vm5 proftpd[684684] vm5 (client.example[10.0.0.9]): FTP session closed.\\n\
          Nov 23 08:46:12 vm5 proftpd[684684] vm5 (client.example[10.0.0.9]): FTP session opened.\
          |10.0.0.9 pid 684684|2|START_MISSING
          pyftpdlib|\
          [I 2026-11-28 20:09:36] 127.0.0.1:34320-[] FTP session opened (connect)\\n\
          [D 2026-11-28 20:09:36] 127.0.0.1:34320-[] -> 220 pyftpdlib 1.5.7 ready.\\n\
          [I 2026-11-28 20:09:37] 127.0.0.1:34320-[] FTP session closed (disconnect).\\n\
          [D 2026-11-28 20:09:38] 127.0.0.1:34320-[] <- USER alice\
          |127.0.0.1:34320|3|START_MISSING
          vsftpd|\
          Mon Nov 23 06:40:23 2026 [pid 100] CONNECT: Client "10.0.0.1"\\n\
          Mon Nov 23 06:40:23 2026 [pid 100] FTP response: Client "10.0.0.1", "220 Hi"\\n\
          Mon Nov 23 06:40:24 2026 [pid 100] FTP command: Client "10.0.0.1", "QUIT"\\n\
          Mon Nov 23 06:40:24 2026 [pid 100] FTP response: Client "10.0.0.1", "221 Bye"\\n\
          Mon Nov 23 06:40:25 2026 [pid 100] FTP command: Client "10.0.0.1", "USER bob"\
          |10.0.0.1 pid 100|4|START_MISSING
          curl|\
          * Connected to localhost (127.0.0.1) port 21 (#1)\\n\
          < 220 Hello\\n\
          > USER alice\\n\
          * Closing connection 1\\n\
          > USER bob\
          |#1|4|#1
          curl|\
          * Connected to localhost (127.0.0.1) port 21 (#1)\\n\
          < 220 Hello\\n\
          * shutting down connection #1\\n\
          > USER bob\
          |#1|3|#1
          lftp|\
          ---- Connecting to localhost (127.0.0.1) port 21\\n\
          <--- 220 Hello\\n\
          ---> USER alice\\n\
          <--- 331 Password required\\n\
          ---- Closing control socket\\n\
          ---> USER bob\
          |connection 1|5|connection 2
          ftp|\
          Connected to localhost.\\n\
          220 Hello\\n\
          ---> QUIT\\n\
          221 Goodbye.\\n\
          ---> USER bob\
          |connection 1|4|connection 2
          ftp|\
          Connected to localhost.\\n\
          220 Hello\\n\
          ---> USER alice\\n\
          421 Service not available, remote server has closed connection\\n\
          ---> USER bob\
          |connection 1|4|connection 2
          fluentftp|\
          # Connect()\\n\
          Response: 220 Hello [2ms]\\n\
          # Disconnect()\\n\
          Command:  QUIT\\n\
          Response: 221 Goodbye [1ms]\\n\
          Command:  USER bob\
          |connection 1|5|connection 2
          fluentftp|\
          # Connect()\\n\
          Response: 220 Hello [2ms]\\n\
          Command:  USER alice\\n\
          Response: 331 Password required [1ms]\\n\
          # Disconnect()\\n\
          Status:   Disposing FtpSocketStream...\\n\
          Command:  USER bob\
          |connection 1|6|connection 2
          vsftpd|\
          Mon Nov 23 06:40:23 2026 [pid 100] CONNECT: Client "10.0.0.1"\\n\
          Mon Nov 23 06:40:23 2026 [pid 100] FTP response: Client "10.0.0.1", "220 Hi"\\n\
          Mon Nov 23 06:40:24 2026 [pid 100] FTP command: Client "10.0.0.1", "USER alice"\\n\
          Mon Nov 23 06:45:24 2026 [pid 100] FTP response: Client "10.0.0.1", "421 Timeout."\\n\
          Mon Nov 23 06:45:25 2026 [pid 100] FTP command: Client "10.0.0.1", "USER bob"\
          |10.0.0.1 pid 100|4|START_MISSING
          filezilla-server|\
          (000004) 2/2/2025 12:00:00 PM - (not logged in) (1.2.3.4)> 220 Hello\\n\
          (000004) 2/2/2025 12:00:01 PM - (not logged in) (1.2.3.4)> USER alice\\n\
          (000004) 2/2/2025 12:00:02 PM - (not logged in) (1.2.3.4)> 421 Too many users\\n\
          (000004) 2/2/2025 12:00:03 PM - (not logged in) (1.2.3.4)> USER bob\
          |connection 000004 1.2.3.4|3|START_MISSING
          proftpd|\
          2026-11-23 08:45:53,430 [21308] <command:7>: dispatching PRE_CMD command 'USER alice' to mod_core.c\\n\
          2026-11-23 08:50:53,430 [21308] <response:1>: 421 Login timeout (300 seconds): closing control connection\\n\
          2026-11-23 08:50:54,430 [21308] <command:7>: dispatching PRE_CMD command 'USER bob' to mod_core.c\
          |pid 21308|2|pid 21308
          zeek|\
          #path\\tftp\\n\
          #fields\\tts\\tuid\\tid.orig_h\\tid.orig_p\\tid.resp_h\\tid.resp_p\\tcommand\\targ\\treply_code\\treply_msg\\n\
          1.0\\tC1\\t10.0.0.1\\t40000\\t10.0.0.2\\t21\\tUSER\\talice\\t421\\tTimeout.\\n\
          2.0\\tC1\\t10.0.0.1\\t40000\\t10.0.0.2\\t21\\tUSER\\tbob\\t331\\tPassword required.\
          |C1 10.0.0.1:40000 -> 10.0.0.2:21|3|C1 10.0.0.1:40000 -> 10.0.0.2:21
          suricata|\
          {"timestamp":"2026-11-23T08:50:00.000000+0000","flow_id":7,"event_type":"ftp","src_ip":"10.0.0.7","src_port":50310,"dest_ip":"10.0.0.2","dest_port":21,"proto":"TCP","tx_id":0,"ftp":{"completion_code":["220"],"reply":["Hi"]}}\\n\
          {"timestamp":"2026-11-23T08:50:01.000000+0000","flow_id":7,"event_type":"ftp","src_ip":"10.0.0.7","src_port":50310,"dest_ip":"10.0.0.2","dest_port":21,"proto":"TCP","tx_id":1,"ftp":{"command":"USER","command_data":"alice","completion_code":["421"],"reply":["Too many users."]}}\\n\
          {"timestamp":"2026-11-23T08:50:02.000000+0000","flow_id":7,"event_type":"ftp","src_ip":"10.0.0.7","src_port":50310,"dest_ip":"10.0.0.2","dest_port":21,"proto":"TCP","tx_id":2,"ftp":{"command":"USER","command_data":"bob","completion_code":["331"],"reply":["Password required."]}}\
          |flow 7 10.0.0.7:50310 -> 10.0.0.2:21|2|flow 7 10.0.0.7:50310 -> 10.0.0.2:21
          proftpd|\
          127.0.0.1 UNKNOWN - [22/Nov/2026:10:00:00 +0000] "USER alice" 331 -\\n\
          127.0.0.1 UNKNOWN - [22/Nov/2026:10:00:01 +0000] "EXIT" - -\\n\
          127.0.0.1 UNKNOWN - [22/Nov/2026:10:00:02 +0000] "USER bob" 331 -\
          |127.0.0.1|2|127.0.0.1
          proftpd|\
          ftp.example [4321] 10.0.0.9 [22/Nov/2026:10:00:00 +0000] "USER alice" 331\\n\
          ftp.example [4321] 10.0.0.9 [22/Nov/2026:10:00:01 +0000] "EXIT" -\\n\
          ftp.example [4321] 10.0.0.9 [22/Nov/2026:10:00:02 +0000] "USER bob" 331\
          |10.0.0.9 pid 4321|2|10.0.0.9 pid 4321
          proftpd|\
          2026-11-23 08:45:53,430 [21308] <command:7>: dispatching PRE_CMD command 'USER alice' to mod_core.c\\n\
          2026-11-23 08:45:53,431 [21308] <response:1>: 331 Password required for alice\\n\
          2026-11-23 08:45:54,000 [21308] <command:7>: dispatching LOG_CMD command 'EXIT' to mod_log.c\\n\
          2026-11-23 08:45:55,000 [21308] <command:7>: dispatching PRE_CMD command 'USER bob' to mod_core.c\
          |pid 21308|3|pid 21308
          filezilla|\
          2026-11-22 10:00:00 12345 3 Antwort: 220 Hallo\\n\
          2026-11-22 10:00:01 12345 3 Fehler: Verbindung zum Server getrennt: ECONNRESET - Verbindung vom Server zurückgesetzt\\n\
          2026-11-22 10:00:02 12345 3 Befehl: USER alice\
          |pid 12345 engine 3|2|pid 12345 engine 3 connection 2
          """)
  void theSessionEndsAtItsCloseLine(
      String format, String log, String session, long line, String next) {
    List<String> seen = read(format, log.replace("\\n", "\n").replace("\\t", "\t"));

    int end = seen.indexOf("end " + session + " @" + line);
    assertThat(end).as("%s ends at line %d in %s", session, line, seen).isNotNegative();
    List<String> after = seen.subList(end + 1, seen.size());
    assertThat(after).noneMatch(s -> s.startsWith("end "));
    if (next.equals("START_MISSING")) {
      // the same name again: a session of its own, whose start the record does not show
      assertThat(after).contains(session + " @" + (line + 1) + " START_MISSING");
    } else { // the next connection's, or a session of the same name that starts after the end
      assertThat(after).anyMatch(s -> s.startsWith(next + " @" + (line + 1) + " "));
    }
  }

  /** What the reader of the format gave, in order: events by session and line, and ends. */
  private static List<String> read(String format, String log) {
    List<String> seen = new ArrayList<>();
    long[] at = {0};
    TranscriptSink sink =
        new TranscriptSink() {
          @Override
          public void event(String session, SessionEvent event) {
            seen.add(
                session
                    + " @"
                    + event.source().line()
                    + " "
                    + (event instanceof Note note ? note.kind().name() : "dialogue"));
          }

          @Override
          public void problem(String session, Problem problem) {
            seen.add("problem " + problem.message());
          }

          @Override
          public void end(String session) {
            seen.add("end " + session + " @" + at[0]);
          }
        };
    TranscriptParser parser = TranscriptFormats.named(format).orElseThrow().parser("log", sink);
    String[] lines = log.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      at[0] = i + 1;
      parser.line(i + 1, lines[i]);
    }
    parser.end(lines.length);
    return seen;
  }
}
