package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden-file backbone: every transcript under {@code samples/} is checked through the real
 * CLI, with LF and with CRLF line endings, and its text and JSON reports must equal the expected
 * files under {@code src/test/resources/golden/check/}. Binary samples (packet captures) have no
 * line endings and are checked once, copied byte for byte. Run with {@code -Dgolden.update=true} to
 * rewrite the expected files after a deliberate change, then review the diff.
 *
 * <p>A sample is also checked with other options when a file {@code <sample>@<variant>.args} lies
 * next to its expected files (one option per line, for example {@code --profile} and {@code
 * vsftpd}); that run's expected files are {@code <sample>@<variant>.expected.txt} and {@code
 * .json}.
 */
class GoldenCheckTest {

  private static final Path SAMPLES = Path.of("samples");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/check");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TempDir Path temp;

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (Path sample : samples()) {
      List<String> endings = isBinary(sample) ? List.of("bytes") : List.of("LF", "CRLF");
      String name = SAMPLES.relativize(sample).toString();
      List<String> variants = new ArrayList<>(List.of(""));
      variants.addAll(variants(name));
      for (String variant : variants) {
        for (String ending : endings) {
          for (String report : List.of("text", "json")) {
            cases.add(Arguments.of(name + variant, ending, report));
          }
        }
      }
    }
    return cases.stream();
  }

  /** The sample's variants, as {@code @name} suffixes, from its {@code .args} files. */
  private static List<String> variants(String sample) throws IOException {
    Path folder = GOLDEN.resolve(sample).getParent();
    String prefix = GOLDEN.resolve(sample).getFileName() + "@";
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.startsWith(prefix) && f.endsWith(".args"))
          .map(f -> f.substring(prefix.length() - 1, f.length() - ".args".length()))
          .sorted()
          .toList();
    }
  }

  @ParameterizedTest(name = "{0} ({1}, {2})")
  @MethodSource("cases")
  void reportMatchesGolden(String variant, String ending, String report) throws IOException {
    int at = variant.indexOf('@');
    String sample = at < 0 ? variant : variant.substring(0, at);
    List<String> args = new ArrayList<>(List.of("check", "--lang", "en", "--report", report));
    if (at >= 0) {
      args.addAll(Files.readAllLines(GOLDEN.resolve(variant + ".args")));
    }
    Path input = temp.resolve("samples").resolve(sample);
    Files.createDirectories(input.getParent());
    if (ending.equals("bytes")) {
      Files.copy(SAMPLES.resolve(sample), input);
    } else {
      String text = Files.readString(SAMPLES.resolve(sample), StandardCharsets.UTF_8);
      String normalised = text.replace("\r\n", "\n");
      Files.writeString(input, ending.equals("LF") ? normalised : normalised.replace("\n", "\r\n"));
    }

    args.add(input.toString());
    CliRun run = CliRun.of(args.toArray(String[]::new));

    String actual = run.out().replace(temp.toString() + "/", "");
    Path expected =
        GOLDEN.resolve(variant + ".expected." + (report.equals("text") ? "txt" : "json"));
    if (UPDATE && !ending.equals("CRLF")) {
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, actual);
    }
    assertThat(run.err()).isEmpty();
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  @Test
  void everyGoldenFileHasItsSample() throws IOException {
    List<String> orphans = new ArrayList<>();
    try (Stream<Path> files = Files.walk(GOLDEN)) {
      for (Path golden : files.filter(Files::isRegularFile).toList()) {
        String name = GOLDEN.relativize(golden).toString();
        String sample = name.replaceFirst("(@[^/]+)?(\\.expected\\.(txt|json)|\\.args)$", "");
        String variant = name.replaceFirst("(\\.expected\\.(txt|json)|\\.args)$", "");
        boolean argsMissing =
            variant.contains("@") && !Files.isRegularFile(GOLDEN.resolve(variant + ".args"));
        if (sample.equals(name) || argsMissing || !Files.isRegularFile(SAMPLES.resolve(sample))) {
          orphans.add(name);
        }
      }
    }
    assertThat(orphans).as("golden files without a sample").isEmpty();
  }

  @Test
  void samplesAreNotEmpty() throws IOException {
    assertThat(samples()).hasSizeGreaterThanOrEqualTo(10);
  }

  /** Packet captures are binary: rewriting their line endings would corrupt them. */
  private static boolean isBinary(Path sample) {
    String name = sample.getFileName().toString();
    return name.endsWith(".pcap")
        || name.endsWith(".pcapng")
        || sample.startsWith(SAMPLES.resolve("pcap"));
  }

  private static List<Path> samples() throws IOException {
    try (Stream<Path> files = Files.walk(SAMPLES)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
