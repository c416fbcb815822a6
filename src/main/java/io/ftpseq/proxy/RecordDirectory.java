package io.ftpseq.proxy;

import io.ftpseq.session.Phrase;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory {@code --record} names: each session's transcript is written there as {@code
 * ID.transcript.txt} while the session runs. Session numbers go on from the highest already there,
 * so a second run into the same directory overwrites nothing.
 */
final class RecordDirectory {

  /** The ending of a transcript's file name. */
  static final String TRANSCRIPT = ".transcript.txt";

  private static final Pattern SESSION_FILE = Pattern.compile("s(\\d{1,9})\\..*");

  private final Path directory;

  private RecordDirectory(Path directory) {
    this.directory = directory;
  }

  /** Makes the directory when it does not exist. */
  static RecordDirectory open(Path directory) throws IOException {
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new CannotStart(
          Phrase.of("proxy.start.recordNotDirectory", directory.toString()), null);
    }
    Files.createDirectories(directory);
    return new RecordDirectory(directory);
  }

  /** The first session number no file in the directory uses. */
  int nextSessionNumber() throws IOException {
    int highest = 0;
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Matcher m = SESSION_FILE.matcher(file.getFileName().toString());
        if (m.matches()) {
          highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
      }
    }
    return highest + 1;
  }

  /** Where the session's transcript goes. */
  Path transcript(String id) {
    return directory.resolve(id + TRANSCRIPT);
  }

  /** Opens the session's transcript for writing, in UTF-8. */
  Writer open(String id) throws IOException {
    return Files.newBufferedWriter(transcript(id), StandardCharsets.UTF_8);
  }
}
