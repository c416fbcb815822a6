package io.ftpseq.spark;

import io.ftpseq.listing.FileKind;
import io.ftpseq.listing.InputWalk;
import io.ftpseq.listing.ShellGlob;
import io.ftpseq.report.CheckRun;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * <p>Local inputs are walked by {@link InputWalk}, the walk {@code ftpseq check} uses, so the job
 * reads the same files and says the same of the rest: links to directories are not followed (a link
 * to a parent would loop), links to nothing, FIFOs and devices, ftpseq's reports and the job's own
 * tables are left out and said, this run's {@code --output} is said but is no input left out, and a
 * directory with no file to check is a problem. A glob is expanded on the local file system as a
 * shell expands it, links to nothing included. Inputs on other file systems ({@code hdfs://},
 * {@code s3a://}, which have no links) are listed through Hadoop, leaving out the job's own output
 * the same way, and a directory there with no file is a problem too.
 *
 * @param files the files, sorted by name, each once
 * @param problems the inputs that named nothing or could not be listed
 * @param leftOut the names left out, each with why, in order
 * @param leftOutInputs those of them that the summary line counts: all but this run's output
 * @param walk the walk of the local inputs, which leaves out the reports found when read
 */
record InputListing(
    List<InputFile> files,
    List<Problem> problems,
    List<CheckRun.LeftOut> leftOut,
    List<CheckRun.LeftOut> leftOutInputs,
    InputWalk walk) {

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
    InputWalk local = InputWalk.of(List.of(), List.of(), localOutput(output, configuration));
    List<Problem> problems = new ArrayList<>();
    for (String input : inputs) {
      try {
        Path path = new Path(input);
        FileSystem fs = path.getFileSystem(configuration);
        if (isLocal(fs)) {
          addLocal(local, input, fs.makeQualified(path));
        } else if (!walk.add(input)) {
          problems.add(new Problem(new Source(input, 0), Phrase.of("input.reason.missing")));
        }
      } catch (IOException | IllegalArgumentException e) {
        problems.add(
            new Problem(
                new Source(input, 0), Phrase.of("input.cannotList", CheckerAdapter.why(e))));
      }
    }
    List<InputFile> files = new ArrayList<>();
    for (InputWalk.Found found : local.files()) {
      Phrase unread = notReadByTasks(found.path());
      if (unread != null) {
        problems.add(new Problem(new Source(found.name(), 0), unread));
        continue;
      }
      files.add(
          new InputFile(
              new Path(found.path().toAbsolutePath().toUri()).toString(),
              found.name(),
              size(found.path()),
              files.size(),
              found.mayBeReport()));
    }
    for (InputFile remote : walk.files) {
      files.add(new InputFile(remote.path(), remote.name(), remote.size(), files.size(), false));
    }
    problems.addAll(local.unreadable());
    problems.addAll(walk.problems);
    List<InputFile> unique = new ArrayList<>();
    files.stream()
        .sorted(Comparator.comparing(InputFile::name))
        .forEach(
            f -> {
              if (unique.isEmpty() || !unique.get(unique.size() - 1).path().equals(f.path())) {
                unique.add(f);
              }
            });
    return new InputListing(
        unique,
        problems,
        joined(local.leftOut(), walk.leftOut),
        joined(local.leftOutInputs(), walk.leftOutInputs),
        local);
  }

  /**
   * The listing with the files the check read to their end and found to be text reports ftpseq
   * wrote left out, as {@code ftpseq check} leaves them out ({@link InputWalk#leaveOutReports}): a
   * line for each, and a directory left with no file to check a problem.
   */
  InputListing leavingOutReports(List<String> names) {
    if (names.isEmpty()) {
      return this;
    }
    List<InputWalk.Found> reports =
        walk.files().stream().filter(f -> names.contains(f.name())).toList();
    int before = walk.unreadable().size();
    List<CheckRun.LeftOut> lines = walk.leaveOutReports(reports);
    List<Problem> more = walk.unreadable().subList(before, walk.unreadable().size());
    return new InputListing(
        files.stream().filter(f -> !names.contains(f.name())).toList(),
        joined(problems, more),
        joined(leftOut, lines),
        joined(leftOutInputs, lines),
        walk);
  }

  /**
   * Why a file named cannot be read by the job's tasks, or null when it can: a FIFO or a device
   * named ({@code ftpseq check} reads one as it comes) would be opened by path on an executor,
   * where a FIFO waits for a writer that never comes and {@code /dev/zero} never ends, and a task
   * that is run again would read it again.
   */
  private static Phrase notReadByTasks(java.nio.file.Path path) {
    try {
      FileKind kind = FileKind.of(path);
      return kind == FileKind.REGULAR_FILE ? null : Phrase.of("spark.notAFile", kind.description());
    } catch (IOException e) {
      return null; // its check says why it cannot be read
    }
  }

  /** Whether the file system is the local one, which {@link InputWalk} walks. */
  private static boolean isLocal(FileSystem fs) {
    return "file".equals(fs.getUri().getScheme());
  }

  /** This run's output, when it is local, as the walk knows it; else none. */
  private static Set<Object> localOutput(String output, Configuration configuration) {
    if (output == null) {
      return Set.of();
    }
    try {
      Path path = new Path(output);
      FileSystem fs = path.getFileSystem(configuration);
      return isLocal(fs)
          ? Set.of(InputWalk.identity(java.nio.file.Path.of(fs.makeQualified(path).toUri())))
          : Set.of();
    } catch (IOException | IllegalArgumentException e) {
      return Set.of(); // it cannot be written either, which the writer says
    }
  }

  /**
   * Adds a local input to the walk: the path it names, or, for a glob that names no path as it is
   * written, each path it matches by the rule {@code ftpseq check} has ({@link ShellGlob}; none is
   * a name that is not there).
   */
  private static void addLocal(InputWalk local, String input, Path qualified) {
    if (new Path(input).toUri().getScheme() == null) {
      local.add(input);
      return;
    }
    java.nio.file.Path path = java.nio.file.Path.of(qualified.toUri());
    if (!ShellGlob.isGlob(input) || Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      local.add(input, path);
      return;
    }
    String pattern = qualified.toUri().getPath();
    for (String match : ShellGlob.expand(pattern)) {
      java.nio.file.Path matched = java.nio.file.Path.of(match);
      local.add(
          Files.exists(matched, LinkOption.NOFOLLOW_LINKS)
              ? new Path(matched.toAbsolutePath().toUri()).toString()
              : input,
          matched);
    }
  }

  private static long size(java.nio.file.Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // its check says why it cannot be read
    }
  }

  private static <T> List<T> joined(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /** The files found so far, and the names left out. */
  private static final class Walk {
    private final String output;
    private final Configuration configuration;
    private final List<InputFile> files = new ArrayList<>();
    private final List<CheckRun.LeftOut> leftOut = new ArrayList<>();
    private final List<CheckRun.LeftOut> leftOutInputs = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    Walk(String output, Configuration configuration) {
      this.output = output;
      this.configuration = configuration;
    }

    /** Adds what one input names; false when it names nothing. */
    boolean add(String input) throws IOException {
      Path path = new Path(input);
      FileSystem fs = path.getFileSystem(configuration);
      FileStatus[] matches = shown(path, fs.globStatus(path));
      if (matches.length == 0) {
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
          int filesBefore = files.size();
          int leftOutBefore = leftOut.size();
          directory(fs, match.getPath(), prefix, match.getPath().toUri(), written);
          if (files.size() == filesBefore) {
            // checking nothing must never pass, as for ftpseq check
            problems.add(
                new Problem(
                    new Source(prefix, 0),
                    Phrase.of(
                        leftOut.size() > leftOutBefore
                            ? "input.directory.ownOutput"
                            : "input.directory.empty")));
          }
        } else if (match.isFile()) {
          String name = literal ? input : name(input, match.getPath(), fs);
          files.add(new InputFile(match.getPath().toString(), name, match.getLen()));
        }
      }
      return true;
    }

    /**
     * The matches of a glob the shell's rule keeps ({@link ShellGlob}): Hadoop's {@code *} matches
     * a name's leading dot, which the shell's leaves to a pattern that starts with one.
     */
    private static FileStatus[] shown(Path glob, FileStatus[] matches) {
      if (matches == null) {
        return new FileStatus[0];
      }
      String last = glob.getName();
      if (!ShellGlob.isGlob(last) || last.startsWith(".")) {
        return matches;
      }
      return Arrays.stream(matches)
          .filter(m -> !m.getPath().getName().startsWith("."))
          .toArray(FileStatus[]::new);
    }

    /** Adds the files under a directory, leaving out the job's own output. */
    private void directory(FileSystem fs, Path directory, String prefix, URI base, Path written)
        throws IOException {
      FileStatus[] entries = fs.listStatus(directory);
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
