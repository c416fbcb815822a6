package io.ftpseq.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ftpseq.benchmark.LogGenerator;
import io.ftpseq.explain.Explainer;
import io.ftpseq.report.html.HtmlReport;
import io.ftpseq.report.html.InputLines;
import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.session.InputSummary;
import io.ftpseq.transcript.TranscriptChecker;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store keeps a run's sessions in input order whatever order they end in, and a run spilled to
 * disk reports exactly what a run held in memory reports, in every format.
 */
class SessionStoreTest {

  private static final Explainer ENGLISH = Explainer.forLocale(Locale.ENGLISH);

  @Test
  void everySampleSpilledToDiskGivesTheSameReports() throws IOException {
    List<Path> samples;
    try (Stream<Path> files = Files.walk(Path.of("samples"))) {
      samples = files.filter(Files::isRegularFile).sorted().toList();
    }
    try (SessionStore memory = new SessionStore(Long.MAX_VALUE);
        SessionStore disk = new SessionStore(0);
        SessionStore readAhead = new SessionStore(0).readingAhead()) {
      List<InputSummary> inputs = new ArrayList<>();
      TranscriptChecker checker =
          new TranscriptChecker(ProfileChoice.AUTO, null, null).keepingSteps();
      for (int i = 0; i < samples.size(); i++) {
        int index = i;
        try (InputStream in = Files.newInputStream(samples.get(i))) {
          inputs.add(
              checker.check(
                  samples.get(i).toString(),
                  in,
                  (order, session) -> {
                    memory.add(SessionStore.key(index, order), session);
                    disk.add(SessionStore.key(index, order), session);
                    readAhead.add(SessionStore.key(index, order), session);
                  }));
        }
      }
      assertThat(disk.spilled()).isTrue();
      assertThat(memory.spilled()).isFalse();
      CheckRun held = new CheckRun(memory, inputs, memory.totals());
      CheckRun spilled = new CheckRun(disk, inputs, disk.totals());
      CheckRun readBackAhead = new CheckRun(readAhead, inputs, readAhead.totals());
      for (ReportWriter report :
          List.of(
              new TextReport(ENGLISH),
              new JsonReport(ENGLISH),
              new JunitXmlReport(ENGLISH, null),
              new SarifReport(ENGLISH, "test"),
              new GithubReport(ENGLISH),
              new MarkdownReport(ENGLISH))) {
        String expected = write(report, held);
        assertThat(write(report, spilled))
            .as(report.getClass().getSimpleName())
            .isEqualTo(expected);
        assertThat(write(report, readBackAhead))
            .as(report.getClass().getSimpleName() + ", read back ahead")
            .isEqualTo(expected);
      }
    }
  }

  /**
   * The store's memory does not grow with the sessions written: 400,000 sessions go through a 16 MB
   * heap (an index of 24 bytes per session, doubled as it grows and copied to sort it, does not
   * fit).
   */
  @Test
  void hundredsOfThousandsOfSessionsFitASmallHeap() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx16m",
                "-cp",
                System.getProperty("java.class.path"),
                ManySessions.class.getName(),
                "400000")
            .redirectErrorStream(true)
            .start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), UTF_8);
      assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
    } finally {
      process.destroyForcibly();
    }
  }

  /**
   * The default budget leaves most of a small heap to the rest of the run: 40 MB of sessions, as
   * the heap holds them, go through a 32 MB heap. Counted at what they really hold, sessions filled
   * a budget of 32 MB whatever the heap.
   */
  @Test
  void defaultBudgetFitsASmallHeap(@TempDir Path temp) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx32m",
                "-cp",
                System.getProperty("java.class.path"),
                DefaultBudget.class.getName(),
                temp.toString())
            .redirectErrorStream(true)
            .start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), UTF_8);
      assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
    } finally {
      process.destroyForcibly();
    }
  }

  /**
   * The HTML page reads a run's sessions twice, for its overview and for the few it draws: of a run
   * written to disk it decodes each session once and those it draws twice, and its page is that of
   * the run held in memory. It decoded every session twice.
   */
  @Test
  void htmlReportOfARunOnDiskDecodesAgainOnlyTheSessionsItDraws(@TempDir Path temp)
      throws IOException {
    Path log = temp.resolve("vsftpd.log");
    LogGenerator.vsftpd(log, 2 << 20); // 1,700 sessions, 34 with a finding
    HtmlReport html =
        new HtmlReport(ENGLISH, new HtmlReport.Options(false, false, InputLines.NONE));
    try (SessionStore memory =
            new SessionStore(Long.MAX_VALUE).keepingStepsOf(HtmlReport.drawings(false));
        SessionStore disk =
            new SessionStore(0).readingAhead().keepingStepsOf(HtmlReport.drawings(false));
        InputStream in = Files.newInputStream(log)) {
      InputSummary input =
          new TranscriptChecker(ProfileChoice.AUTO, null, null)
              .keepingSteps()
              .check(
                  "vsftpd.log",
                  in,
                  (order, session) -> {
                    memory.add(SessionStore.key(0, order), session);
                    disk.add(SessionStore.key(0, order), session);
                  });
      String page = write(html, new CheckRun(disk, List.of(input), disk.totals()));
      long drawn = page.split("<section class=\"session\"", -1).length - 1L;
      assertThat(drawn).isBetween(30L, 50L);
      assertThat(disk.decoded()).isEqualTo(disk.size() + drawn);
      assertThat(page)
          .isEqualTo(write(html, new CheckRun(memory, List.of(input), memory.totals())));
    }
  }

  @Test
  void sessionsComeBackInInputOrderWhateverOrderTheyEnded() throws IOException {
    List<SessionCheck> sessions;
    try (InputStream in =
        Files.newInputStream(Path.of("samples/proftpd/tracelog-two-sessions-interleaved.log"))) {
      sessions = new TranscriptChecker(ProfileChoice.AUTO, null, null).check("t", in).sessions();
    }
    assertThat(sessions).hasSizeGreaterThan(1);
    try (SessionStore store = new SessionStore(0)) {
      for (int i = sessions.size() - 1; i >= 0; i--) {
        store.add(SessionStore.key(0, i), sessions.get(i));
      }
      List<String> names = new ArrayList<>();
      store.forEach(s -> names.add(s.session()));
      assertThat(names).isEqualTo(sessions.stream().map(SessionCheck::session).toList());
    }
  }

  @Test
  void sessionsPastTheBudgetAreReleasedAndStillComeBack() throws IOException {
    List<WeakReference<SessionCheck>> added = new ArrayList<>();
    try (SessionStore store = new SessionStore(0);
        InputStream in =
            Files.newInputStream(
                Path.of("samples/proftpd/tracelog-two-sessions-interleaved.log"))) {
      new TranscriptChecker(ProfileChoice.AUTO, null, null)
          .check(
              "t",
              in,
              (order, session) -> {
                added.add(new WeakReference<>(session));
                store.add(SessionStore.key(0, order), session);
              });
      assertThat(store.spilled()).isTrue();
      for (int i = 0; i < 20 && added.stream().anyMatch(r -> r.get() != null); i++) {
        System.gc();
      }
      assertThat(added).hasSizeGreaterThan(1).allMatch(r -> r.get() == null);
      List<String> names = new ArrayList<>();
      store.forEach(s -> names.add(s.session()));
      assertThat(names).hasSize(added.size());
    }
  }

  /**
   * Passing sessions on as the run goes: each passes as soon as every one before it in its input
   * was added, or its input ended; inputs pass in their order whatever order they end in, and gaps
   * in an input's start orders wait for its end.
   */
  @Test
  void sessionsArePassedOnInInputOrderAsSoonAsNoneBeforeThemIsToCome() throws IOException {
    List<SessionCheck> sessions = twoSessions();
    List<Long> passed = new ArrayList<>();
    Map<SessionCheck, Long> keys = new IdentityHashMap<>();
    try (SessionStore store =
        new SessionStore(Long.MAX_VALUE).passingOn(s -> passed.add(keys.get(s)))) {
      BiConsumer<Integer, Long> add =
          (input, order) -> {
            SessionCheck session = copyOf(sessions.get((int) (order % 2)));
            keys.put(session, SessionStore.key(input, order));
            store.add(SessionStore.key(input, order), session);
          };
      add.accept(0, 1L);
      assertThat(passed).isEmpty(); // waits for the session that started before it
      add.accept(1, 0L);
      add.accept(0, 0L);
      assertThat(passed).containsExactly(SessionStore.key(0, 0), SessionStore.key(0, 1));
      add.accept(0, 3L); // the session of order 2 was never seen to end
      store.inputEnded(1);
      assertThat(passed).hasSize(2);
      store.inputEnded(0);
      assertThat(passed)
          .containsExactly(
              SessionStore.key(0, 0),
              SessionStore.key(0, 1),
              SessionStore.key(0, 3),
              SessionStore.key(1, 0));
      assertThatThrownBy(store::iterator).isInstanceOf(IllegalStateException.class);
    }
  }

  /**
   * Sessions that wait for one before them go to disk past the budget and still pass on in order; a
   * run whose sessions end in the order they started holds none and writes nothing to disk.
   */
  @Test
  void sessionsWaitingOnDiskPassOnInOrderAndSessionsInOrderNeverGoThere() throws IOException {
    List<SessionCheck> sessions = twoSessions();
    List<String> passed = new ArrayList<>();
    try (SessionStore store = new SessionStore(0).passingOn(s -> passed.add(s.session()))) {
      for (int order = 1; order <= 1_000; order++) {
        store.add(SessionStore.key(0, order), sessions.get(order % 2));
      }
      assertThat(store.spilled()).isTrue();
      assertThat(passed).isEmpty();
      store.add(SessionStore.key(0, 0), sessions.get(0));
      store.inputEnded(0);
      List<String> expected = new ArrayList<>();
      for (int order = 0; order <= 1_000; order++) {
        expected.add(sessions.get(order % 2).session());
      }
      assertThat(passed).isEqualTo(expected);
    }
    passed.clear();
    try (SessionStore store = new SessionStore(0).passingOn(s -> passed.add(s.session()))) {
      for (int order = 0; order < 1_000; order++) {
        store.add(SessionStore.key(0, order), sessions.get(order % 2));
        assertThat(passed).hasSize(order + 1);
      }
      assertThat(store.spilled()).isFalse();
    }
  }

  private static List<SessionCheck> twoSessions() throws IOException {
    try (InputStream in =
        Files.newInputStream(Path.of("samples/proftpd/tracelog-two-sessions-interleaved.log"))) {
      List<SessionCheck> sessions =
          new TranscriptChecker(ProfileChoice.AUTO, null, null).check("t", in).sessions();
      assertThat(sessions).hasSize(2);
      return sessions;
    }
  }

  /** Another object with the same content, told apart by identity. */
  private static SessionCheck copyOf(SessionCheck session) {
    return session.withSteps(session.steps());
  }

  /** A report that stops reading part way leaves no thread behind once the store is closed. */
  @Test
  void readingAheadStopsWhenTheStoreCloses() throws IOException {
    List<SessionCheck> sessions;
    try (InputStream in =
        Files.newInputStream(Path.of("samples/proftpd/tracelog-two-sessions-interleaved.log"))) {
      sessions = new TranscriptChecker(ProfileChoice.AUTO, null, null).check("t", in).sessions();
    }
    List<Thread> before = readers();
    SessionStore store = new SessionStore(0).readingAhead();
    for (int i = 0; i < 10_000; i++) {
      store.add(SessionStore.key(0, i), sessions.get(i % sessions.size()));
    }
    assertThat(store.iterator().next().session()).isEqualTo(sessions.get(0).session());
    assertThat(readers()).hasSizeGreaterThan(before.size());
    store.close();
    assertThat(readers()).isSubsetOf(before);
  }

  /**
   * The read-ahead thread interrupted by someone else while it waits for room: it used to end
   * without a last batch, and the report waited for one forever.
   */
  @Test
  void aReadAheadThatEndsEarlyDoesNotLeaveTheReportWaiting() throws Exception {
    List<SessionCheck> sessions;
    try (InputStream in =
        Files.newInputStream(Path.of("samples/proftpd/tracelog-two-sessions-interleaved.log"))) {
      sessions = new TranscriptChecker(ProfileChoice.AUTO, null, null).check("t", in).sessions();
    }
    List<Thread> before = readers();
    try (SessionStore store = new SessionStore(0).readingAhead()) {
      for (int i = 0; i < 20_000; i++) {
        store.add(SessionStore.key(0, i), sessions.get(i % sessions.size()));
      }
      Iterator<SessionCheck> read = store.iterator();
      assertThat(read.next().session()).isEqualTo(sessions.get(0).session());
      List<Thread> started = new ArrayList<>(readers());
      started.removeAll(before);
      assertThat(started).hasSize(1);
      started.get(0).interrupt(); // it has most likely filled its queue and waits for room
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () ->
              assertThatThrownBy(
                      () -> {
                        while (read.hasNext()) {
                          read.next();
                        }
                      })
                  .isInstanceOf(RuntimeException.class));
    }
  }

  private static List<Thread> readers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("ftpseq-report-read-ahead") && t.isAlive())
        .toList();
  }

  private static String write(ReportWriter report, CheckRun run) throws IOException {
    StringWriter out = new StringWriter();
    report.write(run, out);
    return out.toString();
  }
}
