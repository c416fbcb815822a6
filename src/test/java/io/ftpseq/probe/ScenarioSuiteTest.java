package io.ftpseq.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.Reply;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SituationKey;
import io.ftpseq.testing.servers.FtpServerUnderTest;
import io.ftpseq.testing.servers.RealServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every built-in scenario against each real server, started once for all of them, writes what
 * each server answered to {@code target/conformance/<server>.txt}, and checks that the server's
 * built-in profile predicts the first reply code of every step (or records why not) and holds what
 * a probe observes in every situation it has a reaction for (same code and text); where it has
 * none, the step's code is still checked against the model's prediction. When all five servers ran,
 * {@code docs/conformance.md} must equal the table they give; {@code -Dconformance.update=true}
 * rewrites it.
 */
class ScenarioSuiteTest {

  private static final List<Scenario> SCENARIOS = Scenarios.builtIn();
  private static final boolean UPDATE = Boolean.getBoolean("conformance.update");
  private static final Map<RealServer, Agreement> AGREEMENTS =
      Collections.synchronizedMap(new EnumMap<>(RealServer.class));

  // The servers run at the same time: most of each run is waiting (for delayed refusals, for
  // replies that never come), so one after another they took a minute.
  @ParameterizedTest
  @EnumSource(RealServer.class)
  @Execution(ExecutionMode.CONCURRENT)
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void everyScenarioIsAnsweredAndCleanedUp(RealServer kind, @TempDir Path dir) throws Exception {
    List<ScenarioResult> results;
    String password;
    Reply greeting;
    try (FtpServerUnderTest server = kind.startOrSkip(dir)) {
      password = server.password();
      ScenarioRunner runner =
          new ScenarioRunner(
              server.host(),
              server.port(),
              server.user(),
              server.password(),
              ScenarioRunner.REPLY_TIMEOUT,
              Duration.ofSeconds(2));
      greeting = runner.greeting();
      results = runner.run(SCENARIOS);
      // The Debian servers share the test user's home with each other (they run at the same time
      // here) and with other builds: only this run's own scratch directories count.
      for (ScenarioResult result : results) {
        assertThat(result.scratch()).as(result.scenario().name() + " scratch made").isNotEmpty();
        Path scratch = server.dataDirectory().resolve(Path.of(result.scratch()).getFileName());
        assertThat(scratch).as("scratch directory left").doesNotExist();
      }
    }
    ConformanceLog.write(
        Path.of("target", "conformance", kind.label() + ".txt"), kind.label(), results);
    ServerProfile builtIn = ServerProfiles.builtIn(kind.label()).orElseThrow();
    Agreement agreement = Agreement.of(builtIn, results);
    AGREEMENTS.put(kind, agreement);

    SoftAssertions soft = new SoftAssertions();
    for (ScenarioResult result : results) {
      String name = kind + " [" + result.scenario().name() + "]";
      soft.assertThat(result.problems()).as(name).isEmpty();
      soft.assertThat(result.scratchRemoved()).as(name + " scratch removed").isTrue();
      soft.assertThat(result.steps()).as(name + " steps").hasSameSizeAs(result.scenario().steps());
      for (StepResult step : result.steps()) {
        soft.assertThat(step.answered())
            .as("%s step %d %s got a reply or a close", name, step.index(), step.command())
            .isTrue();
        soft.assertThat(step.command().text()).as(name).doesNotContain(password);
      }
    }
    StepResult download = step(results, "download", "RETR");
    soft.assertThat(codes(download))
        .as(kind + " download (125 or 150 first)")
        .isIn(List.of(150, 226), List.of(125, 226));
    StepResult upload = step(results, "upload", "STOR");
    soft.assertThat(codes(upload).get(codes(upload).size() - 1))
        .as(kind + " upload")
        .isEqualTo(226);
    for (Agreement.Check check : agreement.failures()) {
      soft.fail(
          "%s %s %s: profile predicts %d (%s), server answered %s",
          kind,
          check.id(),
          check.step().command(),
          check.prediction().code(),
          check.prediction().situation(),
          check.step().replies().isEmpty()
              ? (check.step().closed() ? "by closing" : "nothing")
              : check.step().replies().get(0));
    }
    soft.assertThat(agreement.coverage())
        .as(kind + " share of steps with a prediction")
        .isGreaterThanOrEqualTo(0.90);
    soft.assertThat(agreement.accuracy())
        .as(kind + " share of predictions that were right")
        .isGreaterThanOrEqualTo(0.95);
    ServerProfile observed = ObservedProfile.of("127.0.0.1", greeting, results);
    soft.assertThat(ProfileDifference.between(observed, builtIn))
        .as(kind + ": what a probe observes differs from the built-in profile")
        .filteredOn(difference -> difference.expected().isPresent())
        .isEmpty();
    soft.assertThat(ProfileDifference.nearest(observed).name())
        .as(kind + " nearest built-in profile")
        .isEqualTo(kind.label());
    String syst = observed.reaction(SituationKey.parse("REPLY:SYST")).orElseThrow().text();
    soft.assertThat(
            ServerProfiles.detect(String.join("\n", greeting.lines()))
                .or(() -> ServerProfiles.detectFromSyst(syst))
                .map(ServerProfile::name))
        .as(kind + " detected from greeting " + greeting + " or SYST " + syst)
        .contains(kind.label());
    soft.assertAll();
  }

  @AfterAll
  static void conformanceTableIsUpToDate() throws IOException {
    if (AGREEMENTS.size() < RealServer.values().length) {
      return;
    }
    Map<String, Agreement> byServer = new LinkedHashMap<>();
    AGREEMENTS.forEach((kind, agreement) -> byServer.put(kind.label(), agreement));
    String table = ConformanceTable.markdown(byServer);
    Path file = Path.of(ConformanceTable.FILE);
    if (UPDATE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, table, StandardCharsets.UTF_8);
      return;
    }
    assertThat(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "")
        .as(file + " is out of date; run with -Dconformance.update=true and read the diff")
        .isEqualTo(table);
  }

  private static StepResult step(List<ScenarioResult> results, String scenario, String verb) {
    return results.stream()
        .filter(result -> result.scenario().name().equals(scenario))
        .flatMap(result -> result.steps().stream())
        .filter(step -> step.command().word().equals(verb))
        .findFirst()
        .orElseThrow();
  }

  private static List<Integer> codes(StepResult step) {
    return step.replies().stream().map(reply -> reply.code().value()).toList();
  }
}
