package io.ftpseq.spark;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The files named by the job's inputs: Hadoop paths (local, {@code hdfs://}, {@code s3a://} when
 * the connector is on the classpath), directories read recursively and globs. Files are named as
 * {@code ftpseq check} names them: a file as given, a file in a directory as the directory given
 * plus the path inside it; a glob's matches by their path (relative to the working directory when
 * the glob was). A name that matches nothing is a problem, as for the command line.
 *
 * @param files the files, sorted by name, each once
 * @param problems the inputs that named nothing or could not be listed
 */
record InputListing(List<InputFile> files, List<Problem> problems) {

  InputListing {
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }

  /** Lists the inputs. */
  static InputListing of(List<String> inputs, Configuration configuration) {
    List<InputFile> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (String input : inputs) {
      try {
        if (!add(input, configuration, files)) {
          problems.add(new Problem(new Source(input, 0), Phrase.of("input.reason.missing")));
        }
      } catch (IOException | IllegalArgumentException e) {
        problems.add(
            new Problem(
                new Source(input, 0), Phrase.of("input.cannotList", CheckerAdapter.why(e))));
      }
    }
    List<InputFile> unique = new ArrayList<>();
    files.stream()
        .sorted(Comparator.comparing(InputFile::name))
        .forEach(
            f -> {
              if (unique.isEmpty() || !unique.get(unique.size() - 1).path().equals(f.path())) {
                unique.add(f);
              }
            });
    return new InputListing(unique, problems);
  }

  /** Adds what one input names; false when it names nothing. */
  private static boolean add(String input, Configuration configuration, List<InputFile> files)
      throws IOException {
    Path path = new Path(input);
    FileSystem fs = path.getFileSystem(configuration);
    FileStatus[] matches = fs.globStatus(path);
    if (matches == null || matches.length == 0) {
      return false;
    }
    boolean literal = matches.length == 1 && fs.makeQualified(path).equals(matches[0].getPath());
    for (FileStatus match : matches) {
      if (match.isDirectory()) {
        String prefix = literal ? trimSlashes(input) : name(input, match.getPath(), fs);
        URI base = match.getPath().toUri();
        RemoteIterator<LocatedFileStatus> walk = fs.listFiles(match.getPath(), true);
        while (walk.hasNext()) {
          LocatedFileStatus file = walk.next();
          String inside = base.relativize(file.getPath().toUri()).getPath();
          files.add(new InputFile(file.getPath().toString(), prefix + "/" + inside, file.getLen()));
        }
      } else if (match.isFile()) {
        String name = literal ? input : name(input, match.getPath(), fs);
        files.add(new InputFile(match.getPath().toString(), name, match.getLen()));
      }
    }
    return true;
  }

  /**
   * How a glob's match is named: with its scheme when the input had one, else by its path, relative
   * to the working directory when the input was relative.
   */
  private static String name(String input, Path match, FileSystem fs) {
    if (new Path(input).toUri().getScheme() != null) {
      return match.toString();
    }
    String path = match.toUri().getPath();
    if (input.startsWith("/")) {
      return path;
    }
    String working = fs.getWorkingDirectory().toUri().getPath() + "/";
    return path.startsWith(working) ? path.substring(working.length()) : path;
  }

  private static String trimSlashes(String input) {
    String trimmed = input;
    while (trimmed.length() > 1 && trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }
}
