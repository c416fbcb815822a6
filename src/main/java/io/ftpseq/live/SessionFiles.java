package io.ftpseq.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Where the JUnit extension writes each watched session's transcript and text report, so CI can
 * archive them and {@code ftpseq check} can read the transcript again: by default {@code
 * target/ftpseq/} under the working directory (Maven's project directory), else the directory the
 * extension's builder or the {@value #PROPERTY} system property names.
 */
final class SessionFiles {

  /** The system property that names the directory. */
  static final String PROPERTY = "ftpseq.reportDirectory";

  /** The directory used when neither the builder nor the property names one. */
  static final Path DEFAULT = Path.of("target", "ftpseq");

  /**
   * The files written for one session.
   *
   * @param transcript the transcript, in the dialogue format {@code ftpseq check} reads
   * @param report the text report, as {@code ftpseq check} prints it for the transcript
   * @param reportText what the report holds, each finding at {@code transcript:line}
   */
  record Written(Path transcript, Path report, String reportText) {}

  /** Which session wrote each base file name in this JVM, so no two sessions share files. */
  private static final ConcurrentMap<Path, String> CLAIMED = new ConcurrentHashMap<>();

  private final Path directory;

  /**
   * Files in the given directory.
   *
   * @param directory the directory, or {@code null} for the one the system property names when a
   *     session is written (else the default)
   */
  SessionFiles(Path directory) {
    this.directory = directory;
  }

  /** The directory sessions are written to now. */
  Path directory() {
    if (directory != null) {
      return directory;
    }
    String named = System.getProperty(PROPERTY);
    return named == null || named.isBlank() ? DEFAULT : Path.of(named);
  }

  /**
   * Writes the session's transcript and report, replacing those of an earlier run of the same
   * session; the report names each finding by its line of the transcript file, as {@code ftpseq
   * check} does. Two sessions whose names make the same file name (they differ only in characters a
   * file name cannot hold) never share files in one JVM: the later one gets a numbered suffix.
   */
  Written write(FtpSessionWatch watch) throws IOException {
    Path into = directory();
    Files.createDirectories(into);
    String base = claim(into, fileName(watch.name()), watch.name());
    Path transcript = into.resolve(base + ".txt");
    Path report = into.resolve(base + ".report.txt");
    Files.writeString(transcript, watch.transcript(), StandardCharsets.UTF_8);
    String text = watch.report(transcript.toString());
    Files.writeString(report, text, StandardCharsets.UTF_8);
    return new Written(transcript, report, text);
  }

  /** Removes the session's transcript and report, if an earlier run wrote them. */
  void remove(FtpSessionWatch watch) throws IOException {
    Path from = directory();
    String base = claim(from, fileName(watch.name()), watch.name());
    Files.deleteIfExists(from.resolve(base + ".txt"));
    Files.deleteIfExists(from.resolve(base + ".report.txt"));
  }

  /** The base file name the session may use in the directory: its own, or one still free. */
  private static String claim(Path directory, String base, String session) {
    Path absolute = directory.toAbsolutePath().normalize();
    String candidate = base;
    for (int n = 2; ; n++) {
      String owner = CLAIMED.putIfAbsent(absolute.resolve(candidate), session);
      if (owner == null || owner.equals(session)) {
        return candidate;
      }
      candidate = base + "_" + n;
    }
  }

  /**
   * A session's name as a file name: {@code a.Class.method#2} becomes {@code a.Class.method-2}, and
   * anything but letters, digits, dot, dash and underscore becomes an underscore.
   */
  static String fileName(String session) {
    return session.replace('#', '-').replaceAll("[^\\p{L}\\p{N}._-]", "_");
  }
}
