package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.cli.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The job reads the same files of a local tree as {@code ftpseq check}, through the one walk both
 * use: whatever the tree holds, both end with the same exit code and summary line, and say the same
 * names left out, with why, and the same problems of inputs that cannot be listed or read.
 */
@ExtendWith(LocalSparkSession.class)
class SameInputsAsCheckTest {

  @TempDir Path temp;

  /**
   * The names given to each: the same, but where a shell expands a glob for {@code ftpseq check}
   * that the job expands itself.
   */
  private record Names(List<String> check, List<String> job) {}

  /** A tree with the given oddity in it; returns the names to check. */
  private Names tree(String oddity) throws IOException {
    Path in = Files.createDirectories(temp.resolve("in"));
    Path sub = Files.createDirectories(in.resolve("sub"));
    Files.copy(Path.of("samples/dialogue/bad-order.txt"), in.resolve("bad-order.txt"));
    Files.copy(Path.of("samples/dialogue/clean-session.txt"), sub.resolve("clean-session.txt"));
    List<String> names = new ArrayList<>(List.of(in.toString()));
    switch (oddity) {
      case "link to a folder" -> {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.copy(Path.of("samples/dialogue/bad-order.txt"), elsewhere.resolve("other.txt"));
        Files.createSymbolicLink(in.resolve("elsewhere"), elsewhere);
      }
      case "link loop" -> Files.createSymbolicLink(sub.resolve("up"), in);
      case "dangling links" -> {
        Files.createSymbolicLink(in.resolve("gone.log"), temp.resolve("no-such-file"));
        Files.createSymbolicLink(sub.resolve("gone-too.log"), Path.of("../../nowhere"));
      }
      case "empty folders" -> {
        Files.createDirectories(in.resolve("empty-inside"));
        names.add(Files.createDirectories(temp.resolve("empty")).toString());
      }
      case "unreadable files" -> {
        Path locked = Files.copy(Path.of("samples/dialogue/bad-order.txt"), in.resolve("x.txt"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        // what root cannot read either: reading this process's memory from its start
        Files.createSymbolicLink(in.resolve("memory.log"), Path.of("/proc/self/mem"));
      }
      case "glob matching nothing" -> names.add(in.resolve("*.nomatch").toString());
      case "glob matching links" -> {
        Files.createSymbolicLink(in.resolve("a-gone.txt"), temp.resolve("no-such-file"));
        Files.createSymbolicLink(sub.resolve("b-up.txt"), in);
        // what the shell gives check for in/*/*.txt in/*.txt, in its order
        return new Names(
            List.of(
                sub.resolve("b-up.txt").toString(),
                sub.resolve("clean-session.txt").toString(),
                in.resolve("a-gone.txt").toString(),
                in.resolve("bad-order.txt").toString()),
            List.of(in.resolve("*/*.txt").toString(), in.resolve("*.txt").toString()));
      }
      case "a gzip'd text report" -> {
        String report = CliRun.of("check", in.toString()).out();
        Files.write(in.resolve("report.txt.gz"), gzip(report.getBytes(StandardCharsets.UTF_8)));
        Files.write(sub.resolve("report.1"), gzip(report.getBytes(StandardCharsets.UTF_8)));
      }
      case "compressed inputs" -> {
        byte[] log = Files.readAllBytes(Path.of("samples/dialogue/bad-order.txt"));
        Files.write(in.resolve("old.txt.gz"), gzip(log));
        Files.write(in.resolve("rotated.log.1"), gzip(log));
        Files.write(in.resolve("cut.log.gz"), Arrays.copyOf(gzip(log), 40));
        // the magic bytes of xz, bzip2, zstd and zip: compressions ftpseq does not read
        Files.write(in.resolve("x.log.xz"), bytes(0xfd, '7', 'z', 'X', 'Z', 0, 0, 4));
        Files.write(in.resolve("x.log.bzip"), bytes('B', 'Z', 'h', '9', '1', 'A', 'Y', '&'));
        Files.write(in.resolve("x.log.zst"), bytes(0x28, 0xb5, 0x2f, 0xfd, 0, 0x58, 0, 0));
        Files.write(in.resolve("x.zip"), bytes('P', 'K', 3, 4, 20, 0, 0, 0));
      }
      case "hidden files and globs" -> {
        Files.copy(Path.of("samples/dialogue/bad-order.txt"), in.resolve(".hidden.txt"));
        Files.copy(Path.of("samples/dialogue/bad-order.txt"), sub.resolve(".hidden-too.txt"));
        List<String> globs =
            List.of(
                in.resolve("*.txt").toString(),
                in.resolve("**/*.txt").toString(),
                in.resolve("{sub/*.txt,bad-order.txt,none.txt}").toString(),
                in.resolve("*.nomatch").toString());
        return new Names(globs, globs);
      }
      case "their own output" -> {
        CliRun report =
            CliRun.of(
                "check",
                "--report",
                "json",
                "--output",
                in.resolve("report.json").toString(),
                in.toString());
        assertThat(report.err()).isEmpty();
        assertThat(run("--output", in.resolve("earlier").toString(), in.toString()).err)
            .doesNotContain("\tat ");
      }
      default -> throw new IllegalArgumentException(oddity);
    }
    return new Names(names, names);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "link to a folder",
        "link loop",
        "dangling links",
        "empty folders",
        "unreadable files",
        "glob matching nothing",
        "glob matching links",
        "a gzip'd text report",
        "compressed inputs",
        "hidden files and globs",
        "their own output"
      })
  void theJobReadsWhatCheckReads(String oddity, SparkSession spark) throws IOException {
    Names names = tree(oddity);
    List<String> checkArgs = new ArrayList<>(List.of("check"));
    checkArgs.addAll(names.check());
    CliRun cli = CliRun.of(checkArgs.toArray(String[]::new));
    List<String> jobArgs = new ArrayList<>(List.of("--output", temp.resolve("out").toString()));
    jobArgs.addAll(names.job());

    Run job = run(jobArgs.toArray(String[]::new));

    assertThat(job.err).doesNotContain("\tat ");
    assertThat(job.code).as(job.err).isEqualTo(cli.exitCode());
    assertThat(job.err.lines().map(l -> l.replaceFirst("^spark-check: ", "")).toList())
        .as("the names left out, with why")
        .containsExactlyElementsOf(
            cli.err().lines().map(l -> l.replaceFirst("^ftpseq: ", "")).toList());
    assertThat(job.out.lines().findFirst().orElseThrow())
        .as("the summary line")
        .isEqualTo(cli.out().lines().reduce((a, b) -> b).orElseThrow());
    List<String> jobProblems =
        spark
            .read()
            .parquet(temp.resolve("out/problems/parquet").toString())
            .where("line is null and packet is null")
            .collectAsList()
            .stream()
            .map(row -> row.getAs("source") + ": problem: " + row.getAs("message"))
            .toList();
    assertThat(jobProblems)
        .as("the problems of whole inputs")
        .containsExactlyInAnyOrderElementsOf(
            cli.out().lines().filter(WHOLE_INPUT_PROBLEM.asPredicate()).toList());
  }

  /** A problem of a whole input in the text report: its name, with no line or packet. */
  private static final Pattern WHOLE_INPUT_PROBLEM = Pattern.compile("^.*[^0-9]: problem: ");

  private record Run(int code, String out, String err) {}

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SparkCheck.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }
}
