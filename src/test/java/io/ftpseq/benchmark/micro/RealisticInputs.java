package io.ftpseq.benchmark.micro;

import io.ftpseq.benchmark.CaptureThroughput;
import io.ftpseq.benchmark.LogGenerator;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.transcript.TranscriptFormat;
import io.ftpseq.transcript.TranscriptFormats;
import io.ftpseq.transcript.TranscriptLines;
import io.ftpseq.transcript.TranscriptSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The inputs of the micro-benchmarks, made from the project's samples ({@code samples/FORMAT/},
 * repeated) or from {@link LogGenerator}, never written by hand. Benchmarks run from the project
 * directory, where {@code samples/} is.
 */
final class RealisticInputs {

  /** How many bytes of input a reader benchmark gives its reader per operation. */
  static final int READER_BYTES = 1 << 20;

  /** How many non-blank lines format detection looks at, as the checker gives it. */
  private static final int HEAD_LINES = 40;

  private static final Path SAMPLES = Path.of("samples");

  private RealisticInputs() {}

  /**
   * The sample files of one format, concatenated in name order and repeated until the input holds
   * about {@code bytes}; it ends at a line end.
   */
  static byte[] samples(String format, int bytes) {
    byte[] once = concatenated(files(SAMPLES.resolve(format)));
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + once.length);
    while (out.size() < bytes) {
      out.writeBytes(once);
    }
    return out.toByteArray();
  }

  /** The first lines of every sample file, as format detection sees them, by file. */
  static List<List<String>> sampleHeads() {
    try (Stream<Path> formats = Files.list(SAMPLES)) {
      List<List<String>> heads = new ArrayList<>();
      for (Path format : formats.sorted().toList()) {
        for (Path file : files(format)) {
          heads.add(head(file));
        }
      }
      return heads;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A log of about {@code megabytes} from {@link LogGenerator}: commons-net or vsftpd. */
  static byte[] generated(String kind, int megabytes) {
    try {
      Path file = Files.createTempFile("ftpseq-jmh", ".log");
      try {
        long bytes = megabytes * 1024L * 1024L;
        switch (kind) {
          case "commons-net" -> LogGenerator.commonsNet(file, bytes);
          case "vsftpd" -> LogGenerator.vsftpd(file, bytes);
          case "zeek" -> LogGenerator.zeek(file, bytes);
          case "pcap" -> CaptureThroughput.generate(file, bytes);
          default -> throw new IllegalArgumentException("no generator for " + kind);
        }
        return Files.readAllBytes(file);
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines of an input, split and decoded as the readers get them. */
  static String[] lines(byte[] input) {
    long count = 1;
    for (byte b : input) {
      if (b == '\n') {
        count++;
      }
    }
    TreeSet<Long> all = new TreeSet<>();
    LongStream.rangeClosed(1, count).forEach(all::add);
    try {
      Map<Long, String> lines = TranscriptLines.read(new ByteArrayInputStream(input), all);
      return LongStream.rangeClosed(1, lines.size()).mapToObj(lines::get).toArray(String[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The format with this name. */
  static TranscriptFormat format(String name) {
    return TranscriptFormats.named(name)
        .orElseThrow(() -> new IllegalArgumentException("no format " + name));
  }

  /** Every event a reader sends for the input, in order, as one session's events. */
  static List<SessionEvent> events(String format, byte[] input) {
    List<SessionEvent> events = new ArrayList<>();
    TranscriptSink sink =
        new TranscriptSink() {
          @Override
          public void event(String session, SessionEvent event) {
            events.add(event);
          }

          @Override
          public void problem(String session, Problem problem) {}
        };
    var parser = format(format).parser("benchmark", sink);
    String[] lines = lines(input);
    for (int i = 0; i < lines.length; i++) {
      parser.line(i + 1, lines[i]);
    }
    parser.end(lines.length);
    return events;
  }

  private static List<Path> files(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] concatenated(List<Path> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Path file : files) {
      try {
        byte[] bytes = Files.readAllBytes(file);
        out.writeBytes(bytes);
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
          out.write('\n');
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.toByteArray();
  }

  private static List<String> head(Path file) {
    String[] lines = lines(concatenated(List.of(file)));
    List<String> head = new ArrayList<>();
    int nonBlank = 0;
    for (int i = 0; i < lines.length && nonBlank < HEAD_LINES; i++) {
      head.add(lines[i]);
      nonBlank += lines[i].isBlank() ? 0 : 1;
    }
    return head;
  }
}
