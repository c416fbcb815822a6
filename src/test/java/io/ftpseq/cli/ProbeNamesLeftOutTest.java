package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.Reaction;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.ServerProfiles;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No prediction shows what the probe that recorded a profile made up: its file names, the size of
 * its file, its REST offset. {@code golden/simulate/own-names.script} asks every built-in profile
 * about files, an offset and directories of its own; its expected outputs are checked by {@link
 * GoldenSimulateTest}, and here for the probe's names in any format.
 */
class ProbeNamesLeftOutTest {

  /** What the probe's scenarios send or make: its files, their size, its REST offset. */
  private static final List<String> PROBE_NAMES =
      List.of(
          "probe.txt",
          "missing.txt",
          "upload.bin",
          "renamed.txt",
          "probe-",
          "\"{dir}/sub\"",
          "at 1.",
          "at 1\"",
          "(1)",
          "(32 bytes)",
          "\"text\": \"32\"");

  @ParameterizedTest
  @ValueSource(strings = {"text", "markdown", "json"})
  void simulationShowsTheSessionsNamesNotTheProbes(String format) {
    CliRun run =
        CliRun.of(
            "simulate",
            "--profile",
            "all",
            "--format",
            format,
            "src/test/resources/golden/simulate/own-names.script");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("report.csv", "100", "/home/alice/reports")
        .doesNotContain(PROBE_NAMES)
        .doesNotContain("32 bytes", "213 32");
  }

  @ParameterizedTest
  @MethodSource("io.ftpseq.rules.ServerProfiles#names")
  void noBuiltInProfileKeepsTheProbesNames(String name) {
    ServerProfile profile = ServerProfiles.builtIn(name).orElseThrow();

    assertThat(profile.reactions().values().stream().map(Reaction::text))
        .allSatisfy(text -> assertThat(text).doesNotContain(PROBE_NAMES).isNotEqualTo("32"));
  }
}
