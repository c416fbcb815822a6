package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.session.SessionEvent.NoteKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A server log's reader forgets a session as soon as it said goodbye (221), instead of keeping it
 * among the 10,000 latest: kept, the sessions that ended filled the old generation of a large log's
 * heap. A line of the same session name after the goodbye is then read as what it is, a session
 * whose start the log does not show, not as more of the one that ended.
 */
class EndedSessionsForgottenTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          pure-ftpd|\
          Nov 23 10:14:48 ftphost pure-ftpd: (?@10.0.0.1) [INFO] New connection from 10.0.0.1\\n\
          Nov 23 10:14:48 ftphost pure-ftpd: (?@10.0.0.1) [DEBUG] 220 Welcome\\n\
          Nov 23 10:14:48 ftphost pure-ftpd: (?@10.0.0.1) [DEBUG] Command [quit] []\\n\
          Nov 23 10:14:48 ftphost pure-ftpd: (?@10.0.0.1) [DEBUG] 221 Logout.\\n\
          Nov 23 10:14:49 ftphost pure-ftpd: (?@10.0.0.1) [DEBUG] Command [user] [bob]\\n\
          Nov 23 10:14:49 ftphost pure-ftpd: (?@10.0.0.1) [DEBUG] 331 User bob OK
          filezilla-server|\
          2026-11-23T08:15:00.107Z << [FTP Session 6 10.0.0.1] 220 Hello\\n\
          2026-11-23T08:15:00.407Z >> [FTP Session 6 10.0.0.1] QUIT\\n\
          2026-11-23T08:15:00.507Z << [FTP Session 6 10.0.0.1] 221 Goodbye.\\n\
          2026-11-23T08:15:01.407Z >> [FTP Session 6 10.0.0.1] USER bob\\n\
          2026-11-23T08:15:01.507Z << [FTP Session 6 10.0.0.1] 331 Password required
          """)
  void aLineAfterTheGoodbyeStartsASessionWhoseStartIsMissing(String format, String log)
      throws Exception {
    List<SessionCheck> sessions =
        new TranscriptChecker(ServerProfiles.RFC, null)
            .check(
                "t",
                new ByteArrayInputStream(
                    log.replace("\\n", "\n").concat("\n").getBytes(StandardCharsets.UTF_8)))
            .sessions();

    assertThat(sessions).hasSize(2).allMatch(s -> s.format().equals(format));
    assertThat(sessions.get(0).notes()).noneMatch(n -> n.kind() == NoteKind.START_MISSING);
    assertThat(sessions.get(1).notes()).anyMatch(n -> n.kind() == NoteKind.START_MISSING);
    assertThat(sessions.get(1).commands()).isEqualTo(1);
  }
}
