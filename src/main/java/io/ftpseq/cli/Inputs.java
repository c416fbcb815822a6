package io.ftpseq.cli;

import io.ftpseq.report.CheckRun;
import io.ftpseq.session.BadValue;
import io.ftpseq.session.FileNames;
import io.ftpseq.session.Gunzipped;
import io.ftpseq.session.IoReason;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
import io.ftpseq.transcript.TranscriptFormats;
import io.ftpseq.usage.SystemReasons;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * The inputs of a check, expanded from what the user named: files, directories read recursively
 * (filtered by include and exclude globs, matched against a file's name or its path inside the
 * directory, and leaving out the reports ftpseq wrote there, FIFOs, sockets and devices, and links
 * to directories), and {@code -} for standard input. A FIFO or device named itself is read. Each
 * file is an input once, however many names reach it. Names that cannot be listed become problems.
 */
final class Inputs {

  /**
   * One input to check: a file, or standard input when {@code path} is null.
   *
   * @param mayBeReport whether the input, found in a named directory, may yet be a report ftpseq
   *     wrote, which only its end tells: a gzip file no reader knows by its head ({@link
   *     OwnReports.Look#atItsEnd}), which its check reads to its end anyway
   */
  record Input(String name, Path path, boolean mayBeReport) {
    /** An input that is not a report ftpseq wrote, or that is checked as one as it was named. */
    Input(String name, Path path) {
      this(name, path, false);
    }

    /**
     * Opens the input, counted by the progress line, and decompressed when it is gzip: named .gz,
     * or starting with gzip's magic bytes (standard input, a rotated log named {@code x.log.1}).
     * Standard input, a FIFO or a device may give nothing for long: the notice says which input the
     * run waits for. A regular file's size is watched while it is read.
     */
    InputStream open(Progress progress, WaitNotice notice, FileSizeWatch watch) throws IOException {
      InputStream raw;
      if (path == null) {
        raw = notice.open(WaitNotice.standardInput(), () -> new NonClosing(System.in));
      } else if (Files.isRegularFile(path)) {
        raw = watch.open(path);
      } else {
        // a FIFO or device: a channel's stream asks it for its position ("Illegal seek")
        raw =
            notice.open(
                WaitNotice.named(name, FileKind.of(path)),
                () -> new FileInputStream(path.toFile()));
      }
      return decompressed(name, progress.count(raw));
    }
  }

  /**
   * The bytes of an input, decompressed when it is gzip: named .gz, or starting with gzip's magic
   * bytes ({@link Gunzipped#decompressed}).
   */
  static InputStream decompressed(String name, InputStream in) throws IOException {
    return Gunzipped.decompressed(name, in);
  }

  /** Whether bytes that start a file are gzip's magic number. */
  static boolean isGzip(byte[] head) {
    return Gunzipped.isGzip(head);
  }

  /** How many bytes {@link #mostlyCaptures} reads of a file: a capture's magic number. */
  private static final int CAPTURE_HEAD = 4;

  private final List<Input> files = new ArrayList<>();
  private final List<Problem> unreadable = new ArrayList<>();
  private final List<CheckRun.LeftOut> leftOut = new ArrayList<>();
  // the names left out but this run's own output, which never was an input
  private final List<CheckRun.LeftOut> inputsLeftOut = new ArrayList<>();
  private final Map<Object, String> checkedAs = new HashMap<>(); // a file's identity -> its input
  private final List<Directory> undecided = new ArrayList<>();
  private final List<PathMatcher> includes;
  private final List<PathMatcher> excludes;
  private final Set<Object> outputs;

  private Inputs(List<String> includes, List<String> excludes, Set<Object> outputs) {
    this.includes = matchers(includes);
    this.excludes = matchers(excludes);
    this.outputs = Set.copyOf(outputs);
  }

  /**
   * The inputs the names give.
   *
   * @param outputs the files this run writes its reports to, by their {@link #identity}: left out
   *     of a directory as reports, but not counted as inputs left out
   * @throws BadValue when a glob is not one, or standard input is named twice
   */
  static Inputs expand(
      List<String> names, List<String> includes, List<String> excludes, Set<Object> outputs) {
    if (names.stream().filter("-"::equals).count() > 1) {
      throw new BadValue(Phrase.of("usage.stdinTwice"));
    }
    Inputs inputs = new Inputs(includes, excludes, outputs);
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
   * The names that are left out, each with why, in order: in named directories, ftpseq's own output
   * (its reports, this run's standard output), FIFOs, sockets and devices, links to directories or
   * to nothing; and anywhere, a file that is an input already, by its {@link #identity} (a file
   * named twice, named and also in a named directory, linked to, or a hard link to it). A file
   * named itself is always checked, once.
   */
  List<CheckRun.LeftOut> leftOut() {
    return leftOut;
  }

  /**
   * The names left out that were inputs the run did not check, as its reports give them: all but
   * this run's own output (its standard output or error, the files its reports go to), which are
   * the same on every run and never were inputs.
   */
  List<CheckRun.LeftOut> leftOutInputs() {
    return inputsLeftOut;
  }

  /** Leaves a name out, with why; this run's own output is said but is no input left out. */
  private void leaveOut(String name, Phrase why, boolean thisRunsOwn) {
    CheckRun.LeftOut entry = new CheckRun.LeftOut(name, why);
    leftOut.add(entry);
    if (!thisRunsOwn) {
      inputsLeftOut.add(entry);
    }
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

  /**
   * Whether packet captures are half the bytes of the regular files or more, by the first bytes of
   * each (decompressed when gzip): the tuned VM compiles their hot path differently. A file that
   * cannot be read counts as no capture; it is reported when it is opened.
   */
  boolean mostlyCaptures() {
    long captures = 0;
    long all = 0;
    for (Input input : files) {
      if (input.path() == null || !Files.isRegularFile(input.path())) {
        continue;
      }
      try (InputStream in = decompressed(input.name(), Files.newInputStream(input.path()))) {
        long size = Files.size(input.path());
        all += size;
        if (TranscriptFormats.detectCapture(in.readNBytes(CAPTURE_HEAD)).isPresent()) {
          captures += size;
        }
      } catch (IOException e) {
        // reported when the input is opened for its check
      }
    }
    return all > 0 && captures * 2 >= all;
  }

  private void add(String name) {
    if (name.equals("-")) {
      files.add(new Input("-", null));
      return;
    }
    Path path = Path.of(name);
    FileKind kind;
    try {
      kind = FileKind.of(path);
    } catch (NoSuchFileException e) {
      unreadable.add(problem(name, missing(path)));
      return;
    } catch (IOException e) {
      unreadable.add(problem(name, Phrase.of("input.cannotRead", IoReason.of(e))));
      return;
    }
    switch (kind) {
      case DIRECTORY -> addDirectory(name, path);
      case SOCKET -> unreadable.add(problem(name, Phrase.of("input.socket")));
      // a FIFO or a device named is read as it comes (ftpseq check <(zcat ...), a pipe fed by
      // another program), as cat reads it
      default -> addOnce(name, path, identity(path));
    }
  }

  /**
   * Adds a file to check unless it is one already, by another name or the same: a file named twice,
   * or named and also in a named directory, was checked (and its sessions counted) twice, and a
   * FIFO named twice waited for a second writer.
   */
  private void addOnce(String name, Path path, Object identity) {
    String first = checkedAs.putIfAbsent(identity, name);
    if (first == null) {
      files.add(new Input(name, path));
    } else {
      leaveOut(name, checkedAlready(name, first), false);
    }
  }

  /** Why a file that is an input already is left out, naming the input it is. */
  private static Phrase checkedAlready(String name, String first) {
    return name.equals(first) ? Phrase.of("input.namedTwice") : Phrase.of("input.sameFile", first);
  }

  /**
   * What makes a file the one it is, however it is reached, so that two names of one file are one:
   * its device and inode where the file system tells them, as a hard link, a bind mount or a
   * symbolic link has the same as its file and no real path tells; else its real path. A name that
   * is not there (yet) is its path as written.
   */
  static Object identity(Path path) {
    try {
      Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
      if (key != null) {
        return key;
      }
    } catch (IOException | SecurityException e) {
      // not there (yet), or not to be looked at: its name is all there is
    }
    return realPath(path);
  }

  /** The file a name stands for, through links, so that two names of one file are one. */
  static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException | SecurityException e) {
      return path.toAbsolutePath().normalize(); // not there (yet), or not to be looked at
    }
  }

  /**
   * Why a name that is not there cannot be read: a link to nothing says where it points, and a name
   * that reached the JVM with bytes that are not UTF-8 (each U+FFFD by then, so the name is not the
   * file's) says so and what to name instead.
   */
  static Phrase missing(Path path) {
    try {
      return Phrase.of("input.linkToNothing", Files.readSymbolicLink(path).toString());
    } catch (IOException | UnsupportedOperationException e) {
      return path.toString().indexOf('\ufffd') >= 0
          ? Phrase.of("input.reason.notUtf8")
          : Phrase.of("input.reason.missing");
    }
  }

  /** A name found in a directory, with what it is itself (a link is not followed here). */
  private record Entry(Path relative, BasicFileAttributes attributes) {}

  /**
   * Adds the files under a directory, in name order. A directory named on the command line is
   * followed when it is a symbolic link; inside it, a link to a file is read as that file (unless
   * the walk reads that file anyway) and a link to a directory is not followed, as {@code grep -r}
   * and {@code find} do not follow it: a tree that links to its parent would never end, and one
   * that links elsewhere would read what was not named. FIFOs, sockets and devices are left out: a
   * FIFO would wait for a writer that may never come. So is a file that is an input already. Every
   * name left out is said, with why. A subdirectory that cannot be read is a problem, and the walk
   * goes on; a directory that yields no file is a problem too, as checking nothing must never pass
   * (unless its files are all inputs already: a directory named twice is checked once).
   */
  private void addDirectory(String name, Path path) {
    List<Entry> found = new ArrayList<>();
    Path root;
    try {
      root = path.toRealPath();
    } catch (IOException e) {
      unreadable.add(problem(name, Phrase.of("input.cannotList", IoReason.of(e))));
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              Path relative = root.relativize(file);
              if (selected(relative)) {
                found.add(new Entry(relative, attributes));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              unreadable.add(
                  problem(
                      FileNames.of(path.resolve(root.relativize(file))),
                      Phrase.of("input.cannotRead", IoReason.of(e))));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      unreadable.add(problem(name, Phrase.of("input.cannotList", IoReason.of(e))));
    }
    found.sort(Comparator.comparing(Entry::relative));
    // regular files first, so that a link that sorts before its file is the one left out
    Skip[] skips = new Skip[found.size()];
    for (boolean regular : new boolean[] {true, false}) {
      for (int i = 0; i < found.size(); i++) {
        if (found.get(i).attributes().isRegularFile() == regular) {
          skips[i] = skip(path.resolve(found.get(i).relative()), root, found.get(i));
        }
      }
    }
    List<Input> checked = new ArrayList<>();
    Map<Skip.Kind, Integer> counts = new EnumMap<>(Skip.Kind.class);
    for (int i = 0; i < found.size(); i++) {
      Path shown = path.resolve(found.get(i).relative());
      if (skips[i] == null || skips[i].kind() == Skip.Kind.REPORT_IF_ITS_END_SAYS_SO) {
        checked.add(new Input(FileNames.of(shown), shown, skips[i] != null));
      } else {
        leaveOut(FileNames.of(shown), skips[i].why(), skips[i].thisRunsOwn());
        counts.merge(skips[i].kind(), 1, Integer::sum);
      }
    }
    files.addAll(checked);
    Directory directory = new Directory(name, found.size(), counts, checked);
    if (checked.stream().allMatch(Input::mayBeReport)) {
      // a directory whose files are all inputs already (named twice) is checked, once
      if (checked.isEmpty() && !counts.containsKey(Skip.Kind.CHECKED_ALREADY)) {
        unreadable.add(problem(name, nothingToCheck(directory)));
      } else if (!checked.isEmpty()) {
        undecided.add(directory); // nothing to check, if every file turns out to be a report
      }
    }
  }

  /** Why a name found in a directory is left out, and what kind of reason that is. */
  private record Skip(Kind kind, Phrase why, boolean thisRunsOwn) {
    Skip(Kind kind, Phrase why) {
      this(kind, why, false);
    }

    enum Kind {
      NOT_A_FILE,
      OWN_OUTPUT,
      CHECKED_ALREADY,
      /** Not left out (yet): a compressed file that its check shows to be a text report or not. */
      REPORT_IF_ITS_END_SAYS_SO
    }
  }

  /**
   * A named directory: how many names were found in it, how many of each kind were left out, and
   * the inputs it gave.
   */
  private record Directory(
      String name, int found, Map<Skip.Kind, Integer> leftOut, List<Input> inputs) {}

  /**
   * Leaves out the inputs their check read to the end of and found to be reports ftpseq wrote
   * ({@link Input#mayBeReport}), and returns the line that says so for each, in order; a directory
   * left with no file to check becomes a problem ({@link #unreadable}), as it would have been if
   * the reports were known before.
   */
  List<CheckRun.LeftOut> leaveOutReports(List<Input> reports) {
    List<CheckRun.LeftOut> lines = new ArrayList<>();
    for (Input report : reports) {
      CheckRun.LeftOut line =
          new CheckRun.LeftOut(report.name(), Phrase.of("input.ownReport", "text"));
      leaveOut(line.input(), line.why(), false);
      lines.add(line);
    }
    for (Directory directory : undecided) {
      if (reports.containsAll(directory.inputs())) {
        Map<Skip.Kind, Integer> counts = new EnumMap<>(directory.leftOut());
        counts.merge(Skip.Kind.OWN_OUTPUT, directory.inputs().size(), Integer::sum);
        unreadable.add(
            problem(
                directory.name(),
                nothingToCheck(
                    new Directory(directory.name(), directory.found(), counts, List.of()))));
      }
    }
    return lines;
  }

  /**
   * Why a name found in a directory is left out, or null for a file to check, which is then an
   * input: a FIFO, socket or device, a link to a directory or to nothing, ftpseq's own output, or a
   * file that is an input already (named, met in an earlier directory, or linked to).
   */
  private Skip skip(Path shown, Path root, Entry entry) {
    Path file = root.resolve(entry.relative());
    Phrase special = notAFile(file, entry.attributes());
    if (special != null) {
      return new Skip(Skip.Kind.NOT_A_FILE, special);
    }
    String stream = OwnReports.thisRunsStream(shown);
    if (stream != null) {
      return new Skip(
          Skip.Kind.OWN_OUTPUT,
          Phrase.of(
              stream.equals("standard output") ? "input.thisRunsOutput" : "input.thisRunsError"),
          true);
    }
    OwnReports.Look report = OwnReports.look(shown);
    if (report.kind().isPresent()) {
      return new Skip(
          Skip.Kind.OWN_OUTPUT,
          Phrase.of("input.ownReport", report.kind().get()),
          outputs.contains(identity(shown)));
    }
    Object key = entry.attributes().fileKey();
    Object identity = entry.attributes().isRegularFile() && key != null ? key : identity(file);
    String first = checkedAs.putIfAbsent(identity, FileNames.of(shown));
    if (first == null) {
      return report.atItsEnd() ? new Skip(Skip.Kind.REPORT_IF_ITS_END_SAYS_SO, null) : null;
    }
    return new Skip(
        Skip.Kind.CHECKED_ALREADY,
        entry.attributes().isSymbolicLink()
            ? Phrase.of("input.linkTo", first)
            : checkedAlready(FileNames.of(shown), first));
  }

  /** The problem of a directory with no file to check (an empty check must never pass). */
  private Phrase nothingToCheck(Directory directory) {
    int found = directory.found();
    if (found > 0 && directory.leftOut().getOrDefault(Skip.Kind.OWN_OUTPUT, 0) == found) {
      return Phrase.of("input.directory.ownOutput");
    }
    if (found > 0) {
      return Phrase.of("input.directory.leftOut");
    }
    return includes.isEmpty() && excludes.isEmpty()
        ? Phrase.of("input.directory.empty")
        : Phrase.of("input.directory.noMatch");
  }

  /**
   * Why a name found in a directory is not read as a file, or null when it is: a FIFO, socket or
   * device, or a link to a directory, to nothing or to one of those.
   */
  private static Phrase notAFile(Path file, BasicFileAttributes attributes) {
    if (attributes.isRegularFile()) {
      return null;
    }
    if (!attributes.isSymbolicLink()) {
      try {
        return special(FileKind.of(file));
      } catch (IOException e) {
        return Phrase.of("input.cannotTell", IoReason.of(e));
      }
    }
    FileKind target;
    try {
      target = FileKind.of(file);
    } catch (NoSuchFileException e) {
      return missing(file);
    } catch (IOException e) {
      return Phrase.of("input.linkUnfollowed", IoReason.of(e));
    }
    if (target == FileKind.DIRECTORY) {
      return Phrase.of("input.linkToDirectory");
    }
    return target == FileKind.REGULAR_FILE
        ? null
        : Phrase.of("input.linkToSpecial", special(target));
  }

  /** Why a FIFO, socket or device in a directory is left out. */
  private static Phrase special(FileKind kind) {
    return switch (kind) {
      case FIFO -> Phrase.of("input.fifo");
      case SOCKET -> Phrase.of("input.socket");
      case CHARACTER_DEVICE -> Phrase.of("input.characterDevice");
      case BLOCK_DEVICE -> Phrase.of("input.blockDevice");
      case OTHER -> Phrase.of("input.other");
      case REGULAR_FILE, DIRECTORY -> throw new IllegalArgumentException("not special: " + kind);
    };
  }

  private static Problem problem(String name, Phrase why) {
    return new Problem(new Source(name, 0), why);
  }

  /**
   * Why {@code target} could not be written: as {@link IoReason#of}, and that the file is read-only
   * when its permissions say so, for a write refused with no word of permissions (root writing
   * {@code /proc/version} is told "Input/output error").
   */
  static Phrase writeWhy(Path target, IOException e) {
    Phrase reason = IoReason.of(e);
    if (e instanceof AccessDeniedException || e instanceof NoSuchFileException) {
      return reason;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
      if (!permissions.contains(PosixFilePermission.OWNER_WRITE)
          && !permissions.contains(PosixFilePermission.GROUP_WRITE)
          && !permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
        return Phrase.of(
            "input.reason.readOnly", PosixFilePermissions.toString(permissions), reason);
      }
    } catch (IOException | UnsupportedOperationException | SecurityException unknown) {
      // no permissions to tell: the error alone says what went wrong
    }
    return reason;
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

  /**
   * The matchers of the globs.
   *
   * @throws BadValue naming the glob that is not one ({@code [} unclosed)
   */
  private static List<PathMatcher> matchers(List<String> globs) {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String glob : globs) {
      try {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
      } catch (PatternSyntaxException e) {
        // the description is the JDK's English ("Missing ']"): said in ftpseq's words instead
        throw new BadValue(SystemReasons.glob(glob, e));
      }
    }
    return matchers;
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
