package io.ftpseq.listing;

import io.ftpseq.report.CheckRun;
import io.ftpseq.session.BadValue;
import io.ftpseq.session.FileNames;
import io.ftpseq.session.IoReason;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
import io.ftpseq.usage.SystemReasons;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * The files a check reads of what the user named, found on the local file system: files, and
 * directories read recursively (filtered by include and exclude globs, matched against a file's
 * name or its path inside the directory). Inside a directory it leaves out links to directories
 * (not followed: a link to a parent would never end) and to nothing, FIFOs, sockets and devices,
 * the reports ftpseq wrote and the tables and summaries its Spark job wrote, and a file that is an
 * input already; each name left out is said, with why. A directory that yields no file is a
 * problem, as checking nothing must never pass. {@code ftpseq check} and the Spark job both list
 * local inputs here, so they read the same files and say the same of the rest.
 *
 * <p>Example: {@code InputWalk walk = InputWalk.of(List.of(), List.of(), Set.of());
 * walk.add("logs"); walk.files()} gives every file under {@code logs}, each named {@code logs/...}.
 */
public final class InputWalk {

  /**
   * One input to read: a file, or standard input when {@code path} is null.
   *
   * @param name the input as reports name it: as the user named it, or the directory named plus the
   *     path inside it
   * @param mayBeReport whether the input, found in a named directory, may yet be a report ftpseq
   *     wrote, which only its end tells: a gzip file no reader knows by its head, which its check
   *     reads to its end anyway ({@link OwnReports.KeepingItsEnd})
   */
  public record Found(String name, Path path, boolean mayBeReport) {}

  /** The tables the Spark job writes, each a directory beside its {@code summary.txt}. */
  private static final List<String> TABLES =
      List.of("findings", "problems", "notes", "sessions", "inputs", "summary");

  private final List<Found> files = new ArrayList<>();
  private final List<Problem> unreadable = new ArrayList<>();
  private final List<CheckRun.LeftOut> leftOut = new ArrayList<>();
  // the names left out but this run's own output, which never was an input
  private final List<CheckRun.LeftOut> inputsLeftOut = new ArrayList<>();
  private final Map<Object, String> checkedAs = new HashMap<>(); // a file's identity -> its input
  private final List<Directory> undecided = new ArrayList<>();

  /**
   * The named directories with no file to check, each with why: a problem of the run when it has no
   * file to check at all (an empty check must never pass), else names left out, as a glob's empty
   * subdirectory ({@code logs/*}, {@code logs/**}) is noise beside the files it matched.
   */
  private final List<CheckRun.LeftOut> nothingToCheck = new ArrayList<>();

  private final List<PathMatcher> includes;
  private final List<PathMatcher> excludes;
  private final Set<Object> outputs;

  private InputWalk(List<String> includes, List<String> excludes, Set<Object> outputs) {
    this.includes = matchers(includes);
    this.excludes = matchers(excludes);
    this.outputs = Set.copyOf(outputs);
  }

  /**
   * A walk that has found nothing yet.
   *
   * @param outputs the files and directories this run writes to, by their {@link #identity}: left
   *     out of a directory, but not counted as inputs left out
   * @throws BadValue when an include or exclude glob is not one
   */
  public static InputWalk of(List<String> includes, List<String> excludes, Set<Object> outputs) {
    return new InputWalk(includes, excludes, outputs);
  }

  /** The inputs found, in order. */
  public List<Found> files() {
    return files;
  }

  /**
   * The names left out, with why, in order: in a named directory, ftpseq's own output (its reports,
   * the Spark job's tables, this run's standard output), FIFOs, sockets and devices, links to
   * directories or to nothing; and anywhere, a file that is an input already, by its {@link
   * #identity} (a file named twice, named and also in a named directory, linked to, or a hard link
   * to it). A file named itself is always read, once.
   */
  public List<CheckRun.LeftOut> leftOut() {
    return files.isEmpty() ? leftOut : joined(leftOut, nothingToCheck);
  }

  /**
   * The names left out that were inputs the run did not check, as its reports count them: all but
   * this run's own output, which is the same on every run and never was an input.
   */
  public List<CheckRun.LeftOut> leftOutInputs() {
    return files.isEmpty() ? inputsLeftOut : joined(inputsLeftOut, nothingToCheck);
  }

  /**
   * The names that could not be found or listed, and, when there is no file to check, the named
   * directories with none.
   */
  public List<Problem> unreadable() {
    if (!files.isEmpty() || nothingToCheck.isEmpty()) {
      return unreadable;
    }
    List<Problem> all = new ArrayList<>(unreadable);
    nothingToCheck.forEach(d -> all.add(problem(d.input(), d.why())));
    return all;
  }

  private static <T> List<T> joined(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /** Adds standard input, which is always an input of its own. */
  public void addStandardInput() {
    files.add(new Found("-", null, false));
  }

  /**
   * Adds what a name the user gave names, the name read as a local path; a glob that is not there
   * as written is expanded by the shell's rule ({@link ShellGlob}), each match added in turn.
   */
  public void add(String name) {
    if (!ShellGlob.isGlob(name) || exists(name)) {
      add(name, Path.of(name));
      return;
    }
    for (String match : ShellGlob.expand(name)) {
      add(match, Path.of(match));
    }
  }

  /** Whether a name is there as written, a link to nothing included. */
  private static boolean exists(String name) {
    try {
      return Files.exists(Path.of(name), LinkOption.NOFOLLOW_LINKS);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /**
   * Adds what a name the user gave names, where {@code path} is the local file it stands for (the
   * name may be a URI, {@code file:///logs/}); the files in a directory are named by the name and
   * the path inside the directory.
   */
  public void add(String name, Path path) {
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

  /** Leaves a name out, with why; this run's own output is said but is no input left out. */
  private void leaveOut(String name, Phrase why, boolean thisRunsOwn) {
    CheckRun.LeftOut entry = new CheckRun.LeftOut(name, why);
    leftOut.add(entry);
    if (!thisRunsOwn) {
      inputsLeftOut.add(entry);
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
      files.add(new Found(name, path, false));
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
  public static Object identity(Path path) {
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
  public static Path realPath(Path path) {
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
  public static Phrase missing(Path path) {
    try {
      return Phrase.of("input.linkToNothing", Files.readSymbolicLink(path).toString());
    } catch (IOException | UnsupportedOperationException e) {
      return path.toString().indexOf('\ufffd') >= 0
          ? Phrase.of("input.reason.notUtf8")
          : Phrase.of("input.reason.missing");
    }
  }

  /**
   * A name found in a directory, with what it is itself (a link is not followed here), and why it
   * is left out when that is known as it is found (a directory of ftpseq's output).
   */
  private record Entry(Path relative, BasicFileAttributes attributes, Skip known) {}

  /**
   * Adds the files under a directory, in name order. A directory named is followed when it is a
   * symbolic link; inside it, a link to a file is read as that file (unless the walk reads that
   * file anyway) and a link to a directory is not followed, as {@code grep -r} and {@code find} do
   * not follow it: a tree that links to its parent would never end, and one that links elsewhere
   * would read what was not named. FIFOs, sockets and devices are left out: a FIFO would wait for a
   * writer that may never come. So are ftpseq's own output and a file that is an input already.
   * Every name left out is said, with why. A subdirectory that cannot be read is a problem, and the
   * walk goes on; a directory that yields no file is a problem too, as checking nothing must never
   * pass (unless its files are all inputs already: a directory named twice is checked once).
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
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              Skip own = dir.equals(root) ? null : ownOutputDirectory(dir);
              if (own == null) {
                return FileVisitResult.CONTINUE;
              }
              found.add(new Entry(root.relativize(dir), attributes, own));
              return FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              Path relative = root.relativize(file);
              if (selected(relative)) {
                found.add(new Entry(relative, attributes, null));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              unreadable.add(
                  problem(
                      shown(name, path, root.relativize(file)),
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
        Entry entry = found.get(i);
        if (entry.attributes().isRegularFile() == regular) {
          skips[i] =
              entry.known() != null
                  ? entry.known()
                  : skip(shown(name, path, entry.relative()), root, entry);
        }
      }
    }
    List<Found> checked = new ArrayList<>();
    Map<Skip.Kind, Integer> counts = new EnumMap<>(Skip.Kind.class);
    for (int i = 0; i < found.size(); i++) {
      String shown = shown(name, path, found.get(i).relative());
      if (skips[i] == null || skips[i].kind() == Skip.Kind.REPORT_IF_ITS_END_SAYS_SO) {
        checked.add(new Found(shown, path.resolve(found.get(i).relative()), skips[i] != null));
      } else {
        leaveOut(shown, skips[i].why(), skips[i].thisRunsOwn());
        counts.merge(skips[i].kind(), 1, Integer::sum);
      }
    }
    files.addAll(checked);
    Directory directory = new Directory(name, found.size(), counts, checked);
    if (checked.stream().allMatch(Found::mayBeReport)) {
      // a directory whose files are all inputs already (named twice) is checked, once
      if (checked.isEmpty() && !counts.containsKey(Skip.Kind.CHECKED_ALREADY)) {
        nothingToCheck.add(new CheckRun.LeftOut(name, nothingToCheck(directory)));
      } else if (!checked.isEmpty()) {
        undecided.add(directory); // nothing to check, if every file turns out to be a report
      }
    }
  }

  /**
   * How a name found in a directory is shown: the directory as named plus the path inside it
   * ({@code logs/a.log} for {@code logs/}, {@code file:///logs/a.log} for {@code file:///logs/}).
   */
  private static String shown(String name, Path path, Path relative) {
    // the name's bytes kept where they are no UTF-8, as listing the directory gave them
    String full = FileNames.of(path.resolve(relative));
    if (name.equals(path.toString()) || Path.of(name).equals(path)) {
      return full;
    }
    String directory = name;
    while (directory.length() > 1 && directory.endsWith("/")) {
      directory = directory.substring(0, directory.length() - 1);
    }
    String base = FileNames.of(path);
    String inside =
        full.startsWith(base) && full.length() > base.length() + 1
            ? full.substring(base.length() + (base.endsWith("/") ? 0 : 1))
            : relative.toString();
    return directory + "/" + inside.replace('\\', '/');
  }

  /**
   * Why a directory in a named one is left out whole, or null when it is walked: it is where this
   * run writes ({@code --output} of the Spark job), or it holds the tables and summaries a run of
   * the job wrote (its {@code summary.txt} beside a table's directory).
   */
  private Skip ownOutputDirectory(Path directory) {
    if (outputs.contains(identity(directory))) {
      return new Skip(Skip.Kind.OWN_OUTPUT, Phrase.of("spark.thisRunsOutput"), true);
    }
    if (Files.isRegularFile(directory.resolve("summary.txt"))
        && TABLES.stream().anyMatch(table -> Files.isDirectory(directory.resolve(table)))) {
      return new Skip(Skip.Kind.OWN_OUTPUT, Phrase.of("spark.ownOutput"));
    }
    return null;
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
      String name, int found, Map<Skip.Kind, Integer> leftOut, List<Found> inputs) {}

  /**
   * Leaves out the inputs their check read to the end of and found to be reports ftpseq wrote
   * ({@link Found#mayBeReport}), and returns the line that says so for each, in order; a directory
   * left with no file to check becomes a problem ({@link #unreadable}), as it would have been if
   * the reports were known before.
   */
  public List<CheckRun.LeftOut> leaveOutReports(List<Found> reports) {
    List<CheckRun.LeftOut> lines = new ArrayList<>();
    for (Found report : reports) {
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
  private Skip skip(String shown, Path root, Entry entry) {
    Path file = root.resolve(entry.relative());
    Phrase special = notAFile(file, entry.attributes());
    if (special != null) {
      return new Skip(Skip.Kind.NOT_A_FILE, special);
    }
    String stream = OwnReports.thisRunsStream(file);
    if (stream != null) {
      return new Skip(
          Skip.Kind.OWN_OUTPUT,
          Phrase.of(
              stream.equals("standard output") ? "input.thisRunsOutput" : "input.thisRunsError"),
          true);
    }
    OwnReports.Look report = OwnReports.look(file);
    if (report.kind().isPresent()) {
      return new Skip(
          Skip.Kind.OWN_OUTPUT,
          Phrase.of("input.ownReport", report.kind().get()),
          outputs.contains(identity(file)));
    }
    Object key = entry.attributes().fileKey();
    Object identity = entry.attributes().isRegularFile() && key != null ? key : identity(file);
    String first = checkedAs.putIfAbsent(identity, shown);
    if (first == null) {
      return report.atItsEnd() ? new Skip(Skip.Kind.REPORT_IF_ITS_END_SAYS_SO, null) : null;
    }
    return new Skip(
        Skip.Kind.CHECKED_ALREADY,
        entry.attributes().isSymbolicLink()
            ? Phrase.of("input.linkTo", first)
            : checkedAlready(shown, first));
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
}
