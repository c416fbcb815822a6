package io.ftpseq.spark;

import io.ftpseq.report.CheckRun;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files named by the job's inputs: Hadoop paths (local, {@code hdfs://}, {@code s3a://} when
 * the connector is on the classpath), directories read recursively and globs. Files are named as
 * {@code ftpseq check} names them: a file as given, a file in a directory as the directory given
 * plus the path inside it; a glob's matches by their path (relative to the working directory when
 * the glob was). A name that matches nothing is a problem, as for the command line.
 *
 * <p>As {@code ftpseq check} leaves its own reports out of a directory it reads, a directory read
 * leaves out the job's own output: this run's {@code --output} (said, but no input left out, as
 * check says its own report file), and the tables and summaries an earlier run wrote anywhere under
 * it (known by its {@code summary.txt} beside its {@code findings/}). A symbolic link to nothing is
 * left out as check leaves it out, where the file system shows links (a local one). Each is said,
 * with why, in check's words.
 *
 * @param files the files, sorted by name, each once
 * @param problems the inputs that named nothing or could not be listed
 * @param leftOut the names left out, each with why, in order
 * @param leftOutInputs those of them that the summary line counts: all but this run's output
 */
record InputListing(
    List<InputFile> files,
    List<Problem> problems,
    List<CheckRun.LeftOut> leftOut,
    List<CheckRun.LeftOut> leftOutInputs) {

  /** The tables the job writes, each a directory under the output ({@link CheckJob}). */
  private static final List<String> TABLES =
      List.of("findings", "problems", "notes", "sessions", "inputs", "summary");

  InputListing {
    files = List.copyOf(files);
    problems = List.copyOf(problems);
    leftOut = List.copyOf(leftOut);
    leftOutInputs = List.copyOf(leftOutInputs);
  }

  /** Lists the inputs, leaving out {@code output}, where this run writes. */
  static InputListing of(List<String> inputs, String output, Configuration configuration) {
    Walk walk = new Walk(output, configuration);
    List<InputFile> files = walk.files;
    List<Problem> problems = new ArrayList<>();
    for (String input : inputs) {
      try {
        if (!walk.add(input)) {
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
    return new InputListing(unique, problems, walk.leftOut, walk.leftOutInputs);
  }

  /** The files found so far, and the names left out. */
  private static final class Walk {
    private final String output;
    private final Configuration configuration;
    private final List<InputFile> files = new ArrayList<>();
    private final List<CheckRun.LeftOut> leftOut = new ArrayList<>();
    private final List<CheckRun.LeftOut> leftOutInputs = new ArrayList<>();

    Walk(String output, Configuration configuration) {
      this.output = output;
      this.configuration = configuration;
    }

    /** Adds what one input names; false when it names nothing. */
    boolean add(String input) throws IOException {
      Path path = new Path(input);
      FileSystem fs = path.getFileSystem(configuration);
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null || matches.length == 0) {
        return false;
      }
      boolean literal = matches.length == 1 && fs.makeQualified(path).equals(matches[0].getPath());
      Path written = null;
      if (output != null) {
        Path out = new Path(output);
        written = out.getFileSystem(configuration).makeQualified(out); // on its own file system
      }
      for (FileStatus match : matches) {
        if (match.isDirectory()) {
          String prefix = literal ? trimSlashes(input) : name(input, match.getPath(), fs);
          directory(fs, match.getPath(), prefix, match.getPath().toUri(), written);
        } else if (match.isFile()) {
          String name = literal ? input : name(input, match.getPath(), fs);
          files.add(new InputFile(match.getPath().toString(), name, match.getLen()));
        }
      }
      return true;
    }

    /** Adds the files under a directory, leaving out the job's own output and links to nothing. */
    private void directory(FileSystem fs, Path directory, String prefix, URI base, Path written)
        throws IOException {
      FileStatus[] entries = fs.listStatus(directory);
      linksToNothing(fs, directory, entries, prefix, base);
      for (FileStatus entry : entries) {
        String name = prefix + "/" + base.relativize(entry.getPath().toUri()).getPath();
        if (entry.isDirectory()) {
          String shown = trimSlashes(name);
          if (entry.getPath().equals(written)) {
            leftOut.add(new CheckRun.LeftOut(shown, Phrase.of("spark.thisRunsOutput")));
          } else if (isOwnOutput(fs, entry.getPath())) {
            CheckRun.LeftOut line = new CheckRun.LeftOut(shown, Phrase.of("spark.ownOutput"));
            leftOut.add(line);
            leftOutInputs.add(line);
          } else {
            directory(fs, entry.getPath(), prefix, base, written);
          }
        } else if (entry.isFile()) {
          files.add(new InputFile(entry.getPath().toString(), name, entry.getLen()));
        }
      }
    }

    /**
     * Says the links to nothing in a local directory, which Hadoop's listing drops without a word
     * (it cannot tell what they are): left out, and counted, as {@code ftpseq check} leaves them.
     */
    private void linksToNothing(
        FileSystem fs, Path directory, FileStatus[] entries, String prefix, URI base) {
      if (!"file".equals(fs.getUri().getScheme())) {
        return; // no links to see
      }
      java.nio.file.Path local = java.nio.file.Path.of(directory.toUri());
      Set<String> listed = new HashSet<>();
      for (FileStatus entry : entries) {
        listed.add(entry.getPath().getName());
      }
      String[] names = local.toFile().list();
      if (names == null) {
        return;
      }
      Arrays.sort(names);
      for (String name : names) {
        java.nio.file.Path file = local.resolve(name);
        if (listed.contains(name) || !Files.isSymbolicLink(file) || Files.exists(file)) {
          continue;
        }
        try {
          String shown =
              prefix + "/" + base.relativize(new Path(directory, name).toUri()).getPath();
          CheckRun.LeftOut line =
              new CheckRun.LeftOut(
                  shown, Phrase.of("input.linkToNothing", Files.readSymbolicLink(file).toString()));
          leftOut.add(line);
          leftOutInputs.add(line);
        } catch (IOException | IllegalArgumentException e) {
          // gone since it was listed: nothing to say
        }
      }
    }

    /**
     * Whether a directory holds the tables and summaries a run of the job wrote: its {@code
     * summary.txt} beside a table's directory.
     */
    private static boolean isOwnOutput(FileSystem fs, Path directory) throws IOException {
      FileStatus summary = status(fs, new Path(directory, "summary.txt"));
      if (summary == null || !summary.isFile()) {
        return false;
      }
      for (String table : TABLES) {
        FileStatus tableDirectory = status(fs, new Path(directory, table));
        if (tableDirectory != null && tableDirectory.isDirectory()) {
          return true;
        }
      }
      return false;
    }

    /** What the path is, or null when there is nothing there. */
    private static FileStatus status(FileSystem fs, Path path) throws IOException {
      try {
        return fs.getFileStatus(path);
      } catch (FileNotFoundException e) {
        return null;
      }
    }
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
