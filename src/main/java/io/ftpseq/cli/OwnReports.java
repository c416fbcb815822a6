package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import io.ftpseq.transcript.TranscriptFormats;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * The reports {@code ftpseq check} writes, known again by how they begin and end (the text report
 * by its last line, the run's summary, in any language ftpseq speaks; a binary file is none), and
 * the unfinished ones a run that was stopped left beside them, gzip-compressed or not (rotated). A
 * report written into a directory that is checked is left out when that directory is checked again,
 * instead of being read as a transcript it is not (exit 3) and refused as an output that is also an
 * input (exit 2).
 */
final class OwnReports {

  private static final int HEAD_BYTES = 4096;
  private static final int TAIL_BYTES = 4096;

  /** What stands in for each number when a summary is written to learn its words. */
  private static final String NUMBER = "\u0001";

  /** The file a report is written to before it is moved in place (see {@link ReportFile}). */
  private static final Pattern PARTIAL = Pattern.compile("\\..+\\.[0-9a-z]+\\.partial");

  private static final Pattern GITHUB =
      Pattern.compile("::(?:error|warning|notice) file=[^\\n]*title=[^\\n]*::[^\\n]*");

  /** The summary line of a text report, in each language. */
  private static final List<Pattern> SUMMARIES =
      Arrays.stream(LanguageOption.Language.values())
          .map(LanguageOption::explainer)
          .map(OwnReports::summary)
          .toList();

  /** Where this process's standard output and error can be seen as files, on Linux. */
  private static final String[][] STREAMS = {
    {"/proc/self/fd/1", "standard output"}, {"/proc/self/fd/2", "standard error"}
  };

  private OwnReports() {}

  /**
   * The kind of report ({@code json}, {@code html}, ...) that ftpseq wrote to {@code file}, if it
   * is one; a file that cannot be read is no report (its check says why).
   */
  static Optional<String> kind(Path file) {
    if (PARTIAL.matcher(file.getFileName().toString()).matches()) {
      return Optional.of("unfinished"); // a run ended before it could move the report in place
    }
    try {
      boolean compressed = compressed(file);
      String head = head(file, compressed);
      if (head.indexOf('\0') >= 0) {
        return Optional.empty(); // binary: a capture, never a report
      }
      List<String> lines = head.lines().filter(l -> !l.isBlank()).limit(2).toList();
      String first = lines.isEmpty() ? "" : lines.get(0);
      String second = lines.size() < 2 ? "" : lines.get(1);
      if (head.startsWith("{")
          && head.substring(1).stripLeading().startsWith("\"sessions\" : [")
          && tail(file, compressed).contains("\"summary\" : {")) {
        return Optional.of("json");
      }
      if (head.startsWith("{")
          && head.contains("sarif")
          && head.contains("\"name\" : \"ftpseq\"")) {
        return Optional.of("sarif");
      }
      if (head.startsWith("<?xml") && head.contains("<testsuites name=\"ftpseq\"")) {
        return Optional.of("junit");
      }
      if (head.startsWith("<!DOCTYPE html>")
          && head.contains("name=\"generator\" content=\"ftpseq\"")) {
        return Optional.of("html");
      }
      if (first.equals("## ftpseq") && isSummary(second)) {
        return Optional.of("markdown");
      }
      if (GITHUB.matcher(first).matches()) {
        return Optional.of("github");
      }
      // a gzip file has no end to seek to: a rotated log its head shows to be one is not
      // decompressed twice, once here for its last line and once to be checked
      if (compressed && TranscriptFormats.detect(head.lines().toList()).isPresent()) {
        return Optional.empty();
      }
      if (isSummary(lastLine(tail(file, compressed)))) {
        return Optional.of("text");
      }
    } catch (IOException e) {
      // not readable: its check says so
    }
    return Optional.empty();
  }

  private static boolean isSummary(String line) {
    return SUMMARIES.stream().anyMatch(p -> p.matcher(line).lookingAt());
  }

  /**
   * {@code "standard output"} or {@code "standard error"} when {@code file} is where this run
   * writes it ({@code ftpseq check logs/ > logs/out.txt}: the shell made the file, empty, before
   * the run, so it would be read as an empty input on every run), else null.
   */
  static String thisRunsStream(Path file) {
    for (String[] stream : STREAMS) {
      try {
        Path written = Path.of(stream[0]);
        if (Files.exists(written) && Files.isSameFile(file, written)) {
          return stream[1];
        }
      } catch (IOException | SecurityException | java.nio.file.InvalidPathException e) {
        // no such stream here (not Linux, or closed): nothing to leave out
      }
    }
    return null;
  }

  /**
   * Whether the file is gzip, known by its first bytes: a report rotated by logrotate ({@code
   * report.json.1.gz}) is read back as an input, decompressed, so it is known as a report the same.
   */
  private static boolean compressed(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Inputs.isGzip(in.readNBytes(2));
    }
  }

  /** The file's first bytes, decompressed when it is gzip, as text. */
  private static String head(Path file, boolean compressed) throws IOException {
    try (InputStream in = open(file, compressed)) {
      return new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
    }
  }

  /**
   * The file's last bytes, decompressed when it is gzip, as text. A gzip file has no end to seek
   * to, so it is decompressed to its end.
   */
  private static String tail(Path file, boolean compressed) throws IOException {
    if (compressed) {
      try (InputStream in = open(file, true)) {
        return new String(lastBytes(in), StandardCharsets.UTF_8);
      }
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      byte[] tail = new byte[(int) Math.min(TAIL_BYTES, length)];
      in.seek(length - tail.length);
      in.readFully(tail);
      return new String(tail, StandardCharsets.UTF_8);
    }
  }

  private static InputStream open(Path file, boolean compressed) throws IOException {
    InputStream raw = Files.newInputStream(file);
    try {
      return compressed ? new GZIPInputStream(raw, 1 << 16) : raw;
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }

  /** The last {@link #TAIL_BYTES} bytes of a stream read to its end. */
  private static byte[] lastBytes(InputStream in) throws IOException {
    byte[] buffer = new byte[1 << 16];
    byte[] last = new byte[0];
    int n;
    while ((n = in.read(buffer)) > 0) {
      int fromLast = Math.min(last.length, TAIL_BYTES - Math.min(n, TAIL_BYTES));
      byte[] joined = new byte[fromLast + Math.min(n, TAIL_BYTES)];
      System.arraycopy(last, last.length - fromLast, joined, 0, fromLast);
      System.arraycopy(
          buffer, n - (joined.length - fromLast), joined, fromLast, joined.length - fromLast);
      last = joined;
    }
    return last;
  }

  /** The last line of {@code text} that is not blank. */
  private static String lastLine(String text) {
    String stripped = text.stripTrailing();
    return stripped.substring(stripped.lastIndexOf('\n') + 1);
  }

  /** The start of the run's summary line in the explainer's language, numbers left open. */
  private static Pattern summary(Explainer explainer) {
    Object[] numbers = new Object[6];
    Arrays.fill(numbers, NUMBER);
    String written = explainer.text("report.summary", numbers);
    return Pattern.compile(
        Arrays.stream(written.split(NUMBER, -1))
            .map(Pattern::quote)
            .collect(Collectors.joining("[0-9][0-9,]*")));
  }
}
