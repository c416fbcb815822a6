package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ftpseq.benchmark.LogGenerator;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.session.InputSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One input's sessions judged on worker threads while the input's thread reads: the same sessions,
 * findings and summary as judged on the reading thread, and a failure on a worker reaches the
 * caller instead of hanging the check.
 */
class SessionWorkersTest {

  @TempDir static Path logs;
  private static Path log;

  @BeforeAll
  static void generate() throws IOException {
    log = logs.resolve("vsftpd.log");
    LogGenerator.vsftpd(log, 3_000_000); // thousands of interleaved sessions
  }

  private record Run(Map<Long, SessionCheck> sessions, Set<String> threads, InputSummary summary) {}

  private static Run check(TranscriptChecker checker) throws IOException {
    Map<Long, SessionCheck> sessions = new ConcurrentHashMap<>();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    try (InputStream in = Files.newInputStream(log)) {
      InputSummary summary =
          checker.check(
              log.toString(),
              in,
              (order, session) -> {
                threads.add(Thread.currentThread().getName());
                assertThat(sessions.put(order, session)).isNull();
              });
      return new Run(new TreeMap<>(sessions), threads, summary);
    }
  }

  @Test
  void sessionsJudgedOnWorkersAreTheSessionsJudgedOnTheReadingThread() throws IOException {
    Run inline = check(new TranscriptChecker(ServerProfiles.RFC, null));
    Run workers = check(new TranscriptChecker(ServerProfiles.RFC, null).judgingSessionsOn(3));

    assertThat(inline.threads()).containsExactly(Thread.currentThread().getName());
    assertThat(workers.threads()).hasSize(3).allMatch(name -> name.startsWith("ftpseq-sessions-"));
    assertThat(inline.sessions()).hasSizeGreaterThan(1_000);
    assertThat(inline.sessions().values()).anyMatch(s -> !s.findings().isEmpty());
    assertThat(workers.sessions()).isEqualTo(inline.sessions());
    assertThat(workers.summary()).isEqualTo(inline.summary());
  }

  @Test
  void aFailureOnAWorkerEndsTheCheckOnTheCallersThread() throws IOException {
    TranscriptChecker checker =
        new TranscriptChecker(ServerProfiles.RFC, null).judgingSessionsOn(2);
    try (InputStream in = Files.newInputStream(log)) {
      assertThatThrownBy(
              () ->
                  checker.check(
                      log.toString(),
                      in,
                      (order, session) -> {
                        throw new IllegalStateException("the store is full");
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the store is full");
    }
  }

  /**
   * A worker thread interrupted by someone else: it used to end without a word, and the reading
   * thread waited for it forever (memory running out between two pieces of work did the same).
   */
  @Test
  void aWorkerThatEndsEarlyDoesNotLeaveTheReaderWaiting() {
    TranscriptChecker checker =
        new TranscriptChecker(ServerProfiles.RFC, null).judgingSessionsOn(2);
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          try (InputStream in = Files.newInputStream(log)) {
            assertThatThrownBy(
                    () ->
                        checker.check(
                            log.toString(),
                            in,
                            (order, session) -> Thread.currentThread().interrupt()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("interrupted while checking sessions");
          }
        });
  }
}
