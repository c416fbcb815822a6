package io.ftpseq.listing;

import io.ftpseq.explain.Explainer;
import io.ftpseq.session.Gunzipped;
import io.ftpseq.transcript.TranscriptFormats;
import io.ftpseq.usage.Language;
import java.io.FilterInputStream;
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
public final class OwnReports {

  private static final int HEAD_BYTES = 4096;
  private static final int TAIL_BYTES = 4096;

  /** What stands in for each number when a summary is written to learn its words. */
  private static final String NUMBER = "\u0001";

  /**
   * The file a report is written to before it is moved in place (the command line's {@code
   * ReportFile}).
   */
  private static final Pattern PARTIAL = Pattern.compile("\\..+\\.[0-9a-z]+\\.partial");

  private static final Pattern GITHUB =
      Pattern.compile("::(?:error|warning|notice) file=[^\\n]*title=[^\\n]*::[^\\n]*");

  /** The summary line of a text report, in each language. */
  private static final List<Pattern> SUMMARIES =
      Arrays.stream(Language.values()).map(Language::explainer).map(OwnReports::summary).toList();

  /** Where this process's standard output and error can be seen as files, on Linux. */
  private static final String[][] STREAMS = {
    {"/proc/self/fd/1", "standard output"}, {"/proc/self/fd/2", "standard error"}
  };

  private OwnReports() {}

  /**
   * What a file's start shows: a report of a {@code kind}, no report, or, for a gzip file no reader
   * knows by its head, a text report only if its last line is a report's summary. A gzip stream has
   * no end to seek to, and such a file is checked (read to its end) anyway, so the check tells it
   * by its last line then ({@link KeepingItsEnd}) rather than decompressing it twice.
   *
   * @param kind the kind of report the file is ({@code json}, {@code html}, ...), if it is one
   * @param atItsEnd whether only the file's end can tell: a compressed file that may be a text
   *     report
   */
  record Look(Optional<String> kind, boolean atItsEnd) {
    private static final Look NONE = new Look(Optional.empty(), false);
  }

  /**
   * The kind of report ({@code json}, {@code html}, ...) that ftpseq wrote to {@code file}, if it
   * is one; a file that cannot be read is no report (its check says why). A gzip file no reader
   * knows by its head is decompressed to its end for its last line.
   */
  public static Optional<String> kind(Path file) {
    Look look = look(file);
    if (!look.atItsEnd()) {
      return look.kind();
    }
    try {
      return isSummary(lastLine(tail(file, true))) ? Optional.of("text") : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // not readable: its check says so
    }
  }

  /**
   * What {@code file}'s start shows about it as a report, reading no further than its first bytes
   * (and its last ones, where a seek reaches them): see {@link Look}.
   */
  static Look look(Path file) {
    if (PARTIAL.matcher(file.getFileName().toString()).matches()) {
      // a run ended before it could move the report in place
      return new Look(Optional.of("unfinished"), false);
    }
    try {
      return seen(file);
    } catch (IOException e) {
      return Look.NONE; // not readable: its check says so
    }
  }

  /**
   * An input that keeps its last bytes as it is read, so that once a check has read it to its end
   * it can tell whether it was a text report ({@link Look#atItsEnd}).
   */
  public static final class KeepingItsEnd extends FilterInputStream {
    private final byte[] last = new byte[TAIL_BYTES];
    private long kept;

    public KeepingItsEnd(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        last[(int) (kept++ % last.length)] = (byte) b;
      }
      return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      int n = super.read(bytes, offset, length);
      for (int i = Math.max(0, n - last.length); i < n; i++) {
        last[(int) (kept++ % last.length)] = bytes[offset + i];
      }
      return n;
    }

    /**
     * Whether what was read ends with a text report's summary line, in any language: the stream was
     * a report ftpseq wrote.
     */
    public boolean endsAsTextReport() {
      int length = (int) Math.min(kept, last.length);
      byte[] ordered = new byte[length];
      for (int i = 0; i < length; i++) {
        ordered[i] = last[(int) ((kept - length + i) % last.length)];
      }
      return isSummary(lastLine(new String(ordered, StandardCharsets.UTF_8)));
    }
  }

  /** What the file's start shows; see {@link #look}. */
  private static Look seen(Path file) throws IOException {
    boolean compressed = compressed(file);
    String head = head(file, compressed);
    if (head.indexOf('\0') >= 0) {
      return Look.NONE; // binary: a capture, never a report
    }
    List<String> lines = head.lines().filter(l -> !l.isBlank()).limit(2).toList();
    String first = lines.isEmpty() ? "" : lines.get(0);
    String second = lines.size() < 2 ? "" : lines.get(1);
    if (head.startsWith("{")
        && head.substring(1).stripLeading().startsWith("\"sessions\" : [")
        && tail(file, compressed).contains("\"summary\" : {")) {
      return report("json");
    }
    if (head.startsWith("{") && head.contains("sarif") && head.contains("\"name\" : \"ftpseq\"")) {
      return report("sarif");
    }
    if (head.startsWith("<?xml") && head.contains("<testsuites name=\"ftpseq\"")) {
      return report("junit");
    }
    if (head.startsWith("<!DOCTYPE html>")
        && head.contains("name=\"generator\" content=\"ftpseq\"")) {
      return report("html");
    }
    if (first.equals("## ftpseq") && isSummary(second)) {
      return report("markdown");
    }
    if (GITHUB.matcher(first).matches()) {
      return report("github");
    }
    if (compressed) {
      // a gzip file has no end to seek to: a rotated log its head shows to be one is a log,
      // and any other is known by its last line when it is checked
      return TranscriptFormats.detect(head.lines().toList()).isPresent()
          ? Look.NONE
          : new Look(Optional.empty(), true);
    }
    return isSummary(lastLine(tail(file, false))) ? report("text") : Look.NONE;
  }

  private static Look report(String kind) {
    return new Look(Optional.of(kind), false);
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
      return Gunzipped.isGzip(in.readNBytes(2));
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
            .collect(Collectors.joining("[0-9][0-9,.\u00a0\u202f]*")));
  }
}
