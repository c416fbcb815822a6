package io.ftpseq.cli;

import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The inputs of a check, expanded from what the user named: files, directories read recursively
 * (filtered by include and exclude globs, matched against a file's name or its path inside the
 * directory), and {@code -} for standard input. Names that cannot be listed become problems.
 */
final class Inputs {

  /** One input to check: a file, or standard input when {@code path} is null. */
  record Input(String name, Path path) {
    /** Opens the input, counted by the progress line and decompressed when it ends in .gz. */
    InputStream open(Progress progress) throws IOException {
      InputStream raw = path == null ? new NonClosing(System.in) : Files.newInputStream(path);
      InputStream in = progress.count(raw);
      return name.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
  }

  private final List<Input> files = new ArrayList<>();
  private final List<Problem> unreadable = new ArrayList<>();
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
      try (Stream<Path> walk = Files.walk(path)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> selected(path.relativize(p)))
            .sorted()
            .forEach(p -> files.add(new Input(p.toString(), p)));
      } catch (IOException e) {
        unreadable.add(new Problem(new Source(name, 0), "cannot list: " + e.getMessage()));
      }
    } else if (Files.isRegularFile(path)) {
      files.add(new Input(name, path));
    } else {
      unreadable.add(new Problem(new Source(name, 0), "no such file or directory"));
    }
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
