package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inputs that cannot be read, each said in one plain sentence on one problem line that names the
 * file. An empty .gz file was "cannot read: EOFException", a gzip header followed by garbage was
 * two problems ("empty input" and "breaks off after 0 bytes (invalid block type)"), and a file cut
 * short quoted zlib ("Unexpected end of ZLIB input stream").
 */
class BrokenInputsTest {

  private static final Path SAMPLE = Path.of("samples/dialogue/bad-order.txt");
  private static final Path SAMPLE_RENAME = Path.of("samples/dialogue/rename-and-restart.txt");

  /** A Java exception's class name, or zlib's and Java's words for a gzip fault. */
  private static final Pattern JAVA_WORDS =
      Pattern.compile(
          "\\b\\w*(Exception|Error)\\b|ZLIB|GZIP|invalid (block|stored|code|distance)"
              + "|Unsupported compression");

  @TempDir Path temp;
  private byte[] gzipped;

  @BeforeEach
  void gzipped() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(Files.readAllBytes(SAMPLE));
    }
    gzipped = out.toByteArray();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "empty.gz         | cannot read: the file is empty, with no gzip data in it",
        "cut.gz           | cannot read: the gzip data is cut short",
        "header-cut.gz    | cannot read: the gzip header is cut short",
        "garbage.gz       | cannot read: the gzip data is corrupt",
        "not-gzip.gz      | cannot read: its first bytes are not a gzip header",
        "magic-only.log   | cannot read: its first bytes are not a gzip header",
        "zero.log         | empty input: no FTP dialogue to check",
      })
  void aBrokenInputIsOneProblemLineInPlainWords(String name, String message) throws IOException {
    Path file = broken(name);

    CliRun run = CliRun.of("check", "--lang", "en", file.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines().filter(l -> l.contains("problem:")))
        .containsExactly(file + ": problem: " + message);
    assertThat(run.out()).contains(" 1 problem(s).");
  }

  @Test
  void gzipCutShortOrWithABadChecksumIsCheckedUpToTheBreakInPlainWords() throws IOException {
    Path cut = Files.write(temp.resolve("cut.txt.gz"), Arrays.copyOf(gzipped, gzipped.length - 12));
    byte[] sum = gzipped.clone();
    sum[sum.length - 8] ^= 1; // the CRC-32 of the data
    Path badSum = Files.write(temp.resolve("sum.txt.gz"), sum);

    CliRun run = CliRun.of("check", "--lang", "en", cut.toString(), badSum.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.out())
        .contains(cut + ":3: error PASS_WITHOUT_USER")
        .containsPattern(
            Pattern.quote(cut + ": problem: the input breaks off after ")
                + "[0-9,]+ bytes \\(the gzip data is cut short\\)")
        .contains(
            badSum
                + ": problem: the input breaks off after "
                + String.format("%,d", Files.size(SAMPLE))
                + " bytes (the gzip data does not match the checksum at its end)");
    assertThat(JAVA_WORDS.matcher(run.out()).find()).as(run.out()).isFalse();
  }

  /**
   * A gzip log cut in the middle of a line: the line's start was judged as a line of its own (here
   * a reply "2" to RNTO); now the check ends with the line before it, and the problem says how many
   * bytes of the cut line were read and left unchecked.
   */
  @Test
  void gzipCutInTheMiddleOfALineChecksTheLinesBeforeIt() throws IOException {
    String whole = Files.readString(SAMPLE_RENAME);
    int at = whole.indexOf("S: 250") + "S: 2".length();
    Path log = gzipCutAfter("rename.log.gz", whole.substring(0, at), whole.substring(at));
    long lines = whole.substring(0, at).lines().count() - 1;

    CliRun run = CliRun.of("check", "--lang", "en", log.toString());

    assertThat(run.out())
        .doesNotContain(log + ":" + (lines + 1) + ":")
        .contains(
            log
                + ": problem: the input breaks off after "
                + whole.substring(0, at).getBytes(StandardCharsets.UTF_8).length
                + " bytes (the gzip data is cut short), in the middle of a line whose first 4"
                + " bytes are not checked; the "
                + lines
                + " lines before the break were checked");
  }

  /**
   * A break inside a multi-line reply cuts the reply: it was said to have "no closing line", as if
   * the server had left it open.
   */
  @Test
  void gzipCutInsideAMultiLineReplySaysTheBreakCutIt() throws IOException {
    String whole = Files.readString(Path.of("samples/dialogue/clean-session.txt"));
    int at = whole.indexOf("S:  UTF8") + "S:  UT".length();
    Path log = gzipCutAfter("features.log.gz", whole.substring(0, at), whole.substring(at));
    long opened = whole.substring(0, whole.indexOf("S: 211-")).lines().count() + 1;

    CliRun run = CliRun.of("check", "--lang", "en", log.toString());

    assertThat(run.out())
        .doesNotContain("has no closing line")
        .contains(
            ": problem: multi-line reply 211 opened at line "
                + opened
                + " is cut by the input's break");
  }

  /** One line before the break, or a cut line of one byte, is said in the singular. */
  @Test
  void oneLineOrOneByteIsSaidInTheSingular() throws IOException {
    Path log = gzipCutAfter("one.log.gz", "S: 220 (vsFTPd 3.0.3)\nC", ": USER alice\n");

    assertThat(CliRun.of("check", "--lang", "en", log.toString()).out())
        .contains(
            "(the gzip data is cut short), in the middle of a line whose first byte is not"
                + " checked; the line before the break was checked");
    assertThat(CliRun.of("check", "--lang", "fr", log.toString()).out())
        .contains("dont le premier octet n’est pas vérifié\u00a0; la ligne d’avant l’interruption");
  }

  /** Every kind of broken input at once, in every report: no word of Java's reaches the user. */
  @Test
  void noReportOfBrokenInputsNamesAnExceptionOrQuotesZlib() throws IOException {
    Path logs = Files.createDirectories(temp.resolve("logs"));
    List<String> named = new ArrayList<>();
    for (String name :
        List.of(
            "empty.gz",
            "cut.gz",
            "header-cut.gz",
            "garbage.gz",
            "not-gzip.gz",
            "magic-only.log",
            "zero.log")) {
      Files.move(broken(name), logs.resolve(name));
    }
    Files.createDirectories(temp.resolve("dir.gz"));
    Path unreadable = Files.copy(SAMPLE, temp.resolve("unreadable.log"));
    Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
    named.addAll(List.of(logs.toString(), temp.resolve("dir.gz").toString()));
    named.add(unreadable.toString());
    named.add(temp.resolve("missing.gz").toString());
    List<String> args = new ArrayList<>(List.of("check", "--lang", "en", "--report", "text"));
    for (String format : List.of("json", "junit", "sarif", "markdown", "html", "github")) {
      args.addAll(List.of("--report", format, "-o", temp.resolve("report." + format).toString()));
    }
    args.addAll(named);

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.out())
        .contains(temp.resolve("missing.gz") + ": problem: no such file or directory");
    // beside the files of logs, a directory with none is a name left out, not a problem
    assertThat(run.err())
        .contains(
            "ftpseq: left out "
                + temp.resolve("dir.gz")
                + ": the directory holds no files to check");
    if (!Files.isReadable(unreadable)) { // root reads it all the same
      assertThat(run.out()).contains(unreadable + ": problem: cannot read: permission denied");
    }
    List<String> texts = new ArrayList<>(List.of(run.out(), run.err()));
    for (String format : List.of("json", "junit", "sarif", "markdown", "html", "github")) {
      texts.add(Files.readString(temp.resolve("report." + format)));
    }
    for (String text : texts) {
      assertThat(JAVA_WORDS.matcher(text).results().map(m -> m.group()).toList())
          .as(text)
          .isEmpty();
    }
  }

  /** A broken input of the given kind, named as given. */
  private Path broken(String name) throws IOException {
    Path file = temp.resolve(name);
    byte[] header = Arrays.copyOf(gzipped, 10);
    byte[] bytes =
        switch (name) {
          case "empty.gz", "zero.log" -> new byte[0];
          case "cut.gz" -> Arrays.copyOf(gzipped, 14);
          case "header-cut.gz" -> Arrays.copyOf(gzipped, 4);
          case "garbage.gz" -> concat(header, "garbage garbage garbage\n".getBytes("US-ASCII"));
          case "not-gzip.gz" -> Files.readAllBytes(SAMPLE);
          case "magic-only.log" -> new byte[] {0x1f, (byte) 0x8b, 'x', 'x'};
          default -> throw new IllegalArgumentException(name);
        };
    return Files.write(file, bytes);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /**
   * A file {@code name} of the gzip bytes of {@code first + rest}, cut where {@code first}'s
   * compressed data ends (a sync flush ends it on a byte), as a copy or a write breaks off.
   */
  private Path gzipCutAfter(String name, String first, String rest) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int cut;
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, true)) {
      gzip.write(first.getBytes(StandardCharsets.UTF_8));
      gzip.flush();
      cut = out.size();
      gzip.write(rest.getBytes(StandardCharsets.UTF_8));
    }
    return Files.write(temp.resolve(name), Arrays.copyOf(out.toByteArray(), cut));
  }
}
