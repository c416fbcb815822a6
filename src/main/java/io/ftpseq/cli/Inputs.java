package io.ftpseq.cli;

import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The inputs of a check, expanded from what the user named: files, directories read recursively
 * (filtered by include and exclude globs, matched against a file's name or its path inside the
 * directory, and leaving out the reports ftpseq wrote there), and {@code -} for standard input.
 * Names that cannot be listed become problems.
 */
final class Inputs {

  /** One input to check: a file, or standard input when {@code path} is null. */
  record Input(String name, Path path) {
    /**
     * Opens the input, counted by the progress line, and decompressed when it is gzip: named .gz,
     * or starting with gzip's magic bytes (standard input, a rotated log named {@code x.log.1}).
     */
    InputStream open(Progress progress) throws IOException {
      InputStream raw = path == null ? new NonClosing(System.in) : Files.newInputStream(path);
      return decompressed(name, progress.count(raw));
    }
  }

  /**
   * The bytes of an input, decompressed when it is gzip: named .gz, or starting with gzip's magic
   * bytes.
   */
  static InputStream decompressed(String name, InputStream in) throws IOException {
    if (name.endsWith(".gz")) {
      return new GZIPInputStream(in, 1 << 16);
    }
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    byte[] head = buffered.readNBytes(2);
    buffered.reset();
    boolean gzip = head.length == 2 && head[0] == (byte) 0x1f && head[1] == (byte) 0x8b;
    return gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
  }

  private final List<Input> files = new ArrayList<>();
  private final List<Problem> unreadable = new ArrayList<>();
  private final List<String> leftOut = new ArrayList<>();
  private final List<PathMatcher> includes;
  private final List<PathMatcher> excludes;

  private Inputs(List<String> includes, List<String> excludes) {
    this.includes = matchers(includes);
    this.excludes = matchers(excludes);
  }

  /** Expands the named inputs. */
  static Inputs expand(List<String> names, List<String> includes, List<String> excludes) {
    Inputs inputs = new Inputs(includes, excludes);
    for (String name : names) {
      inputs.add(name);
    }
    return inputs;
  }

  /** The inputs to check, in order. */
  List<Input> files() {
    return files;
  }

  /**
   * The files of named directories left out as ftpseq's own output (its reports, this run's
   * standard output), each with why, in order; a file named itself is always checked.
   */
  List<String> leftOut() {
    return leftOut;
  }

  /** The names that could not be found or listed. */
  List<Problem> unreadable() {
    return unreadable;
  }

  /** The total size of the files, for the progress line; standard input counts as 0. */
  long totalSize() {
    long total = 0;
    for (Input input : files) {
      try {
        total += input.path() == null ? 0 : Files.size(input.path());
      } catch (IOException e) {
        // an unreadable file is reported when it is opened
      }
    }
    return total;
  }

  private void add(String name) {
    if (name.equals("-")) {
      files.add(new Input("-", null));
      return;
    }
    Path path = Path.of(name);
    if (Files.isDirectory(path)) {
      addDirectory(name, path);
    } else if (Files.isRegularFile(path)) {
      files.add(new Input(name, path));
    } else if (Files.exists(path)) {
      unreadable.add(problem(name, "not a file or directory that can be read"));
    } else {
      unreadable.add(problem(name, "no such file or directory"));
    }
  }

  /**
   * Adds the files under a directory, in name order. A directory named on the command line is
   * followed when it is a symbolic link; links inside it are not. A subdirectory that cannot be
   * read is a problem, and the walk goes on; a directory that yields no file is a problem too, as
   * checking nothing must never pass.
   */
  private void addDirectory(String name, Path path) {
    List<Path> found = new ArrayList<>();
    Path root;
    try {
      root = path.toRealPath();
    } catch (IOException e) {
      unreadable.add(problem(name, "cannot list: " + reason(e)));
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (attributes.isRegularFile() && selected(root.relativize(file))) {
                found.add(root.relativize(file));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              unreadable.add(
                  problem(
                      path.resolve(root.relativize(file)).toString(), "cannot read: " + reason(e)));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      unreadable.add(problem(name, "cannot list: " + reason(e)));
    }
    found.sort(null);
    int checked = 0;
    for (Path relative : found) {
      Path shown = path.resolve(relative);
      String stream = OwnReports.thisRunsStream(shown);
      Optional<String> report = stream != null ? Optional.empty() : OwnReports.kind(shown);
      if (stream != null) {
        leftOut.add(shown + ": this run's " + stream + " (the shell made it before the run)");
      } else if (report.isPresent()) {
        leftOut.add(
            shown + ": a report ftpseq wrote (" + report.get() + "); name the file to check it");
      } else {
        files.add(new Input(shown.toString(), shown));
        checked++;
      }
    }
    if (checked == 0) {
      unreadable.add(
          problem(
              name,
              !found.isEmpty()
                  ? "the directory holds no files to check, only ftpseq's own output"
                  : includes.isEmpty() && excludes.isEmpty()
                      ? "the directory holds no files to check"
                      : "no file in the directory matches --include/--exclude"));
    }
  }

  private static Problem problem(String name, String message) {
    return new Problem(new Source(name, 0), message);
  }

  /** The reason an I/O error gives, without the exception's class name. */
  static String reason(IOException e) {
    String name = e.getClass().getSimpleName();
    String message = e.getMessage() == null ? "" : e.getMessage();
    return switch (name) {
      case "AccessDeniedException" -> "permission denied";
      case "NoSuchFileException" -> "no such file or directory";
      case "FileSystemLoopException" -> "a symbolic link loop";
      default -> message.isEmpty() ? name : message;
    };
  }

  private boolean selected(Path relative) {
    boolean included = includes.isEmpty() || matchesAny(includes, relative);
    return included && !matchesAny(excludes, relative);
  }

  private static boolean matchesAny(List<PathMatcher> matchers, Path relative) {
    for (PathMatcher matcher : matchers) {
      if (matcher.matches(relative) || matcher.matches(relative.getFileName())) {
        return true;
      }
    }
    return false;
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    return globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
  }

  /** Standard input, which a check must not close. */
  private static final class NonClosing extends FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
