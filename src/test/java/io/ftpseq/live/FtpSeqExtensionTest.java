package io.ftpseq.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.ftpseq.cli.CliRun;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.testing.servers.RealServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@link FtpSeqExtension} on user-style test classes ({@link ReportUploaderScenarios}) run through
 * the JUnit Platform test kit, against a real Apache FtpServer.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FtpSeqExtensionTest {

  private static final String CARELESS =
      "io.ftpseq.live.ReportUploaderScenarios.CarelessUploader.publishesAndDownloads";

  @Test
  void correctCodeWithKeepAliveAndRestartPasses() {
    EngineExecutionResults results = run(ReportUploaderScenarios.CorrectUploader.class, false);
    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  /**
   * JUnit from 5.13 on warns, for every test, of a stored value that is a CloseableResource and not
   * AutoCloseable: a developer saw that line under each test that used the extension.
   */
  @Test
  void aTestUsingTheExtensionMakesJunitWarnOfNothing() {
    List<String> warnings = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              warnings.add(String.valueOf(record.getMessage()));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger junit = Logger.getLogger("org.junit");
    junit.addHandler(handler);
    try {
      run(ReportUploaderScenarios.CorrectUploader.class, false)
          .testEvents()
          .assertStatistics(s -> s.succeeded(1));
    } finally {
      junit.removeHandler(handler);
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void carelessCodeFailsNamingEachRuleTheCommandAndTheFix() {
    EngineExecutionResults results = run(ReportUploaderScenarios.CarelessUploader.class, false);
    results.testEvents().assertStatistics(s -> s.failed(1));
    String message = failures(results).get("publishesAndDownloads");
    assertThat(message)
        .startsWith(
            "FTP session "
                + CARELESS
                + "#1 broke 3 ordering rule(s) at warning or above (transcript target/ftpseq/"
                + CARELESS
                + "-1.txt, report target/ftpseq/"
                + CARELESS
                + "-1.report.txt; check it again with: ftpseq check target/ftpseq/"
                + CARELESS
                + "-1.txt):\n")
        .contains("PASS_WITHOUT_USER at command 1 \"PASS ****\": PASS was sent")
        .contains("RNTO_WITHOUT_RNFR at command 6 \"RNTO daily.csv\": RNTO was sent")
        .contains("TRANSFER_WITHOUT_DATA_CHANNEL at command 7 \"RETR report.csv\"")
        .contains("  why: RFC 959 §4.1.3", "  fix: Send RNFR with the old name")
        .doesNotContain("wonderland");
  }

  @Test
  void failureStackTracePointsAtTheLineOfTheCodeUnderTestThatSentTheCommand() throws IOException {
    EngineExecutionResults results = run(ReportUploaderScenarios.CarelessUploader.class, false);
    Throwable failure = throwables(results).get(0);
    StackTraceElement top = failure.getStackTrace()[0];
    assertThat(top.getClassName()).startsWith(ReportUploader.class.getName());
    assertThat(top.getFileName()).isEqualTo("ReportUploader.java");
    Path source = Path.of("src", "test", "java", "io", "ftpseq", "live", "ReportUploader.java");
    assertThat(Files.readAllLines(source).get(top.getLineNumber() - 1))
        .contains("client.pass(password); // bug: PASS before USER");
    assertThat(failure.getStackTrace())
        .extracting(StackTraceElement::getMethodName)
        .contains("publishesAndDownloads");
    assertThat(failure.getStackTrace())
        .extracting(StackTraceElement::getClassName)
        .noneMatch(c -> c.startsWith("org.junit.") || c.startsWith("org.apache.commons.net."))
        .doesNotContain(FtpSeqExtension.class.getName(), SessionRecorder.class.getName());
  }

  /**
   * Surefire drops JUnit report entries, so a test that passes with findings below the failure
   * level prints them, one line each as in its report, where Surefire's XML keeps a test's output;
   * a clean session prints nothing.
   */
  @Test
  void passingTestPrintsItsFindingsBelowTheFailureLevelAndACleanOneNothing() {
    String name = ReportUploaderScenarios.UnusedPassiveMode.class.getName().replace('$', '.');
    String transcript = Path.of("target", "ftpseq", name + ".listsNothing-1.txt").toString();
    List<EngineExecutionResults> results = new ArrayList<>();
    String printed =
        printed(() -> results.add(run(ReportUploaderScenarios.UnusedPassiveMode.class, false)));
    results.get(0).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    assertThat(printed)
        .contains(
            "ftpseq: FTP session "
                + name
                + ".listsNothing#1 has 1 finding(s) below error (transcript "
                + transcript
                + ", report ")
        .containsPattern(
            "\n  " + Pattern.quote(transcript) + ":\\d+: warning DATA_CHANNEL_UNUSED: ");
    assertThat(printed(() -> run(ReportUploaderScenarios.CorrectUploader.class, false)))
        .doesNotContain("ftpseq:");
  }

  /** What the action prints on standard output. */
  private static String printed(Runnable action) {
    PrintStream before = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(before);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void transcriptAndReportArePublishedAsReportEntries() {
    EngineExecutionResults results = run(ReportUploaderScenarios.CarelessUploader.class, false);
    Map<String, String> entries =
        results.allEvents().reportingEntryPublished().stream()
            .map(e -> e.getPayload(ReportEntry.class).orElseThrow())
            .flatMap(r -> r.getKeyValuePairs().entrySet().stream())
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    String name = CARELESS + "#1";
    assertThat(entries.get("ftpseq.transcript." + name))
        .startsWith("# ftpseq live transcript: " + name + "\nS: 220 ")
        .contains("C: PASS ****\nS: 503");
    String transcript = entries.get("ftpseq.file." + name);
    assertThat(transcript).isEqualTo(Path.of("target", "ftpseq", CARELESS + "-1.txt").toString());
    assertThat(entries.get("ftpseq.report." + name))
        .contains(transcript + ":3: error PASS_WITHOUT_USER:")
        .doesNotContain(name + ":")
        .contains("1 session(s) in 1 input(s): 2 error(s), 1 warning(s)");
  }

  @Test
  void transcriptFileIsWrittenWhereThePropertySaysAndFtpseqCheckFindsTheSameLines(
      @TempDir Path directory) throws IOException {
    EngineExecutionResults results =
        inDirectory(directory, () -> run(ReportUploaderScenarios.CarelessUploader.class, false));
    Path transcript = directory.resolve(CARELESS + "-1.txt");
    String message = failures(results).get("publishesAndDownloads");
    assertThat(message).contains("(transcript " + transcript + ", report ");
    assertThat(transcript).exists();
    assertThat(message).contains("just before it was STOR daily.csv.part (line 11)");
    assertThat(Files.readAllLines(transcript).get(10)).isEqualTo("C: STOR daily.csv.part");
    CliRun check = CliRun.of("check", "--lang", "en", transcript.toString());
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out())
        .contains(transcript + ":3: error PASS_WITHOUT_USER")
        .contains("just before it was STOR daily.csv.part (line 11)");
    List<String> checked = findingLines(check.out());
    // the careless RETR's 150 is the last the server said: the record ends during the transfer
    assertThat(checked)
        .hasSize(4)
        .last()
        .asString()
        .contains(":16: info RECORD_ENDS_DURING_TRANSFER: The record ends after RETR report.csv");
    assertThat(findingLines(Files.readString(directory.resolve(CARELESS + "-1.report.txt"))))
        .as("the written report names the transcript file as ftpseq check does")
        .containsExactlyElementsOf(checked);
  }

  /** The lines of a text report that name a finding: {@code file:line: severity RULE: ...}. */
  private static List<String> findingLines(String report) {
    return report
        .lines()
        .filter(l -> l.matches(".*:\\d+: (error|warning|info) [A-Z_]+: .*"))
        .toList();
  }

  @Test
  void testClassesWithTheSameSimpleNameAndOverloadedMethodsWriteFilesOfTheirOwn(
      @TempDir Path directory) throws IOException {
    EngineExecutionResults results =
        inDirectory(
            directory,
            () ->
                EngineTestKit.engine("junit-jupiter")
                    .selectors(
                        selectClass(ReportUploaderScenarios.TeamA.UploadTest.class),
                        selectClass(ReportUploaderScenarios.TeamB.UploadTest.class))
                    .execute());
    results.testEvents().assertStatistics(s -> s.failed(3));
    List<String> messages =
        results.testEvents().failed().stream()
            .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow())
            .map(r -> r.getThrowable().orElseThrow().getMessage())
            .toList();
    Pattern named = Pattern.compile("\\(transcript (\\S+), report ");
    List<Path> transcripts = new ArrayList<>();
    for (String message : messages) {
      Matcher matcher = named.matcher(message);
      assertThat(matcher.find()).as(message).isTrue();
      Path transcript = Path.of(matcher.group(1));
      transcripts.add(transcript);
      String uploaded = message.contains("TeamA") ? "STOR team-a.csv" : "STOR team-b";
      assertThat(transcript.getParent()).isEqualTo(directory);
      assertThat(transcript).content().contains(uploaded);
    }
    assertThat(transcripts).doesNotHaveDuplicates();
    assertThat(messages)
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith(
                        "FTP session io.ftpseq.live.ReportUploaderScenarios.TeamA.UploadTest"
                            + ".publishes#1 broke"));
    try (var files = Files.list(directory)) {
      assertThat(files.filter(f -> !f.toString().endsWith(".report.txt"))).hasSize(3);
    }
  }

  @Test
  void sessionsThatNeverReachedAServerWriteNoTranscriptAndTheDirectoryChecksClean(
      @TempDir Path directory) throws IOException {
    String unused = "io.ftpseq.live.ReportUploaderScenarios.UnusedClients.";
    Path stale = directory.resolve(unused + "neverConnects-1.txt");
    Files.writeString(stale, "# ftpseq live transcript: " + unused + "neverConnects#1\n");
    EngineExecutionResults results =
        inDirectory(directory, () -> run(ReportUploaderScenarios.UnusedClients.class, false));
    results.testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
    try (var files = Files.list(directory)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder(unused + "publishes-1.txt", unused + "publishes-1.report.txt");
    }
    CliRun check = CliRun.of("check", "--lang", "en", directory.toString());
    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
  }

  @Test
  void eachInvocationOfAParameterizedTestHasItsOwnName() {
    assertThat(
            FtpSeqExtension.invocation(
                "[engine:junit-jupiter]/[class:x.T]/[test-template:m(int)]"
                    + "/[test-template-invocation:#3]"))
        .isEqualTo("[3]");
    assertThat(FtpSeqExtension.invocation("[engine:junit-jupiter]/[class:x.T]/[method:m()]"))
        .isEmpty();
  }

  @Test
  void failureLevelIsHonoured() {
    EngineExecutionResults results =
        run(ReportUploaderScenarios.CarelessUploaderErrorsOnly.class, false);
    results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @Test
  void parallelTestsKeepTheirSessionsApart() {
    EngineExecutionResults results = run(ReportUploaderScenarios.ParallelUploaders.class, true);
    results.testEvents().assertStatistics(s -> s.succeeded(2).failed(2));
    Map<String, String> failures = failures(results);
    assertThat(failures.keySet()).containsExactlyInAnyOrder("carelessThree", "carelessFour");
    failures.forEach(
        (test, message) ->
            assertThat(message)
                .startsWith(
                    "FTP session io.ftpseq.live.ReportUploaderScenarios.ParallelUploaders."
                        + test
                        + "#1 broke 2 ordering rule")
                .contains("PASS_WITHOUT_USER at command 1", "RNTO_WITHOUT_RNFR at command 6"));
  }

  @Test
  void everyRealServersSessionIsCheckedWithItsOwnProfile() {
    EngineExecutionResults results =
        run(ReportUploaderScenarios.UploadersOnEveryServer.class, false);
    long available = Arrays.stream(RealServer.values()).filter(s -> s.missing().isEmpty()).count();
    results.testEvents().assertStatistics(s -> s.succeeded(available).failed(available));
    List<String> messages =
        results.testEvents().failed().stream()
            .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow())
            .map(r -> r.getThrowable().orElseThrow().getMessage())
            .toList();
    assertThat(messages)
        .allSatisfy(
            message ->
                assertThat(message)
                    .startsWith(
                        "FTP session io.ftpseq.live.ReportUploaderScenarios"
                            + ".UploadersOnEveryServer.careless[")
                    .contains("]#1 broke 3 ordering")
                    .contains(
                        "PASS_WITHOUT_USER at command 1",
                        "RNTO_WITHOUT_RNFR at command 6",
                        "TRANSFER_WITHOUT_DATA_CHANNEL at command 7",
                        " answers this with "));
    Arrays.stream(RealServer.values())
        .filter(s -> s.missing().isEmpty())
        .map(s -> ServerProfiles.builtIn(s.label()).orElseThrow().title() + " answers this with ")
        .forEach(answer -> assertThat(messages).anySatisfy(m -> assertThat(m).contains(answer)));
  }

  /** Runs the scenarios with the report directory property naming the given directory. */
  private static EngineExecutionResults inDirectory(
      Path directory, Supplier<EngineExecutionResults> scenarios) {
    String before = System.getProperty("ftpseq.reportDirectory");
    System.setProperty("ftpseq.reportDirectory", directory.toString());
    try {
      return scenarios.get();
    } finally {
      if (before == null) {
        System.clearProperty("ftpseq.reportDirectory");
      } else {
        System.setProperty("ftpseq.reportDirectory", before);
      }
    }
  }

  private static EngineExecutionResults run(Class<?> scenario, boolean parallel) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(
            "junit.jupiter.execution.parallel.enabled", String.valueOf(parallel))
        .selectors(selectClass(scenario))
        .execute();
  }

  /** Each failed test's failure. */
  private static List<Throwable> throwables(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow())
        .map(r -> r.getThrowable().orElseThrow())
        .toList();
  }

  /** Each failed test's method name and failure message. */
  private static Map<String, String> failures(EngineExecutionResults results) {
    List<Event> failed = results.testEvents().failed().list();
    return failed.stream()
        .collect(
            Collectors.toMap(
                e -> e.getTestDescriptor().getLegacyReportingName().replaceAll("\\(.*", ""),
                e ->
                    e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage)
                        .orElse("")));
  }
}
