package io.ftpseq.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.benchmark.LogGenerator;
import io.ftpseq.report.SessionStore;
import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.transcript.TranscriptChecker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's store keeps the steps of the sessions the page may draw and of no other, deciding as
 * sessions end, in an order unlike the input's: every session the page draws has all its steps.
 */
class DrawnStepsTest {

  @TempDir Path temp;

  @Test
  void everySessionDrawnHasItsStepsAndFewOthersKeepThem() throws IOException {
    Path log = temp.resolve("vsftpd.log");
    LogGenerator.vsftpd(log, 8 << 20); // about 6,900 interleaved sessions, 138 with a finding
    TreeMap<Long, Integer> steps = new TreeMap<>(); // each session's steps, by its place
    int kept = 0;
    int drawn = 0;
    try (SessionStore store = new SessionStore(1 << 20).keepingStepsOf(HtmlReport.drawings(false));
        InputStream in = Files.newInputStream(log)) {
      new TranscriptChecker(ProfileChoice.AUTO, null, null)
          .keepingSteps()
          .check(
              "vsftpd.log",
              in,
              (order, session) -> {
                steps.put(order, session.steps().size());
                store.add(SessionStore.key(0, order), session);
              });
      assertThat(store.spilled()).isTrue();
      DrawnSessions choice = new DrawnSessions(false);
      Iterator<Integer> all = steps.values().iterator();
      for (SessionCheck session : store) {
        int whole = all.next();
        boolean full = session.steps().size() == whole && whole > 4;
        kept += full ? 1 : 0;
        if (choice.next(session)) {
          drawn++;
          assertThat(full).as(session.session()).isTrue();
        } else {
          // the steps of its first and last line and time, for its line in the session table
          assertThat(session.steps().size()).as(session.session()).isLessThanOrEqualTo(4);
        }
      }
      assertThat(steps).hasSizeGreaterThan(6_000);
    }
    assertThat(drawn).isEqualTo(DrawnSessions.PER_RULE);
    assertThat(kept).isEqualTo(DrawnSessions.PER_RULE);
  }
}
