package io.ftpseq.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.testing.servers.FtpServerUnderTest;
import io.ftpseq.testing.servers.RealServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every built-in scenario against each real server, started once for all of them, and writes
 * what each server answered to {@code target/conformance/<server>.txt}.
 */
class ScenarioSuiteTest {

  private static final List<Scenario> SCENARIOS = Scenarios.builtIn();

  @ParameterizedTest
  @EnumSource(RealServer.class)
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void everyScenarioIsAnsweredAndCleanedUp(RealServer kind, @TempDir Path dir) throws Exception {
    List<ScenarioResult> results;
    String password;
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
      results = runner.run(SCENARIOS);
      assertThat(scratchLeftIn(server.dataDirectory()))
          .as("scratch directories left in %s", server.dataDirectory())
          .isEmpty();
    }
    ConformanceLog.write(
        Path.of("target", "conformance", kind.label() + ".txt"), kind.label(), results);

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
    soft.assertThat(codes(download)).as(kind + " download").containsExactly(150, 226);
    StepResult upload = step(results, "upload", "STOR");
    soft.assertThat(codes(upload).get(codes(upload).size() - 1))
        .as(kind + " upload")
        .isEqualTo(226);
    soft.assertAll();
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

  private static List<Path> scratchLeftIn(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(p -> p.getFileName().toString().startsWith("probe-")).toList();
    }
  }
}
