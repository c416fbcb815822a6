package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ftpseq simulate} through the real command line: every script under {@code
 * golden/simulate/} against every built-in server profile, in text, Markdown and JSON, and in
 * French, each compared with its expected file. Run with {@code -Dgolden.update=true} to rewrite
 * the expected files, then review the diff.
 */
class GoldenSimulateTest {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "simulate");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(GOLDEN)) {
      for (Path script : files.filter(f -> f.toString().endsWith(".script")).sorted().toList()) {
        String name = script.getFileName().toString();
        cases.add(Arguments.of(name, "text", "en", name + ".expected.txt"));
        cases.add(Arguments.of(name, "markdown", "en", name + ".expected.md"));
        cases.add(Arguments.of(name, "json", "en", name + ".expected.json"));
        cases.add(Arguments.of(name, "text", "fr", name + ".fr.expected.txt"));
      }
    }
    assertThat(cases).as("scripts in " + GOLDEN).isNotEmpty();
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void simulationMatchesGolden(String script, String format, String lang, String expected)
      throws IOException {
    CliRun run =
        CliRun.of(
            "simulate",
            "--profile",
            "all",
            "--format",
            format,
            "--lang",
            lang,
            GOLDEN.resolve(script).toString().replace('\\', '/'));

    assertThat(run.exitCode()).as(run.err()).isZero();
    Path file = GOLDEN.resolve(expected);
    if (UPDATE) {
      Files.writeString(file, run.out(), StandardCharsets.UTF_8);
    }
    assertThat(run.out()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
