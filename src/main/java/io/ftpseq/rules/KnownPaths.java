package io.ftpseq.rules;

import io.ftpseq.protocol.Verb;
import java.util.HashSet;
import java.util.Set;

/**
 * Which paths a session has shown to be directories or files, as far as a {@link ServerModel}
 * follows it: a directory it made (MKD) or entered (CWD), a file it stored, fetched or asked the
 * size or time of. A server answers STAT of a file and of a directory differently (RFC 959 §4.1.3:
 * 213 and 212), and a name alone ({@code sub}, {@code report.csv}) does not say which it is.
 *
 * @param directories paths shown to be directories
 * @param files paths shown to be files
 */
record KnownPaths(Set<ServerPath> directories, Set<ServerPath> files) {

  /** Nothing shown yet. */
  static final KnownPaths NONE = new KnownPaths(Set.of(), Set.of());

  /** Copies the sets. */
  KnownPaths {
    directories = Set.copyOf(directories);
    files = Set.copyOf(files);
  }

  /** Whether the path is known to be a directory. */
  boolean isDirectory(ServerPath path) {
    return directories.contains(path);
  }

  /** Whether the path is known to be a file. */
  boolean isFile(ServerPath path) {
    return files.contains(path);
  }

  /**
   * What is known once the command on {@code path} got a reply with the {@code first} code: the
   * path is a directory after MKD or CWD accepted, a file after a transfer, SIZE or MDTM accepted,
   * and neither once removed.
   */
  KnownPaths after(Verb verb, ServerPath path, int first) {
    if (!path.isKnown() || first / 100 > 3 || first == 0) {
      return this;
    }
    return switch (verb) {
      case MKD, XMKD, CWD, XCWD -> with(path, true);
      case RETR, STOR, APPE, SIZE, MDTM -> with(path, false);
      case RMD, XRMD, DELE -> without(path);
      default -> this;
    };
  }

  private KnownPaths with(ServerPath path, boolean directory) {
    if (directory ? isDirectory(path) : isFile(path)) {
      return this;
    }
    Set<ServerPath> dirs = new HashSet<>(directories);
    Set<ServerPath> plain = new HashSet<>(files);
    (directory ? plain : dirs).remove(path);
    (directory ? dirs : plain).add(path);
    return new KnownPaths(dirs, plain);
  }

  private KnownPaths without(ServerPath path) {
    if (!isDirectory(path) && !isFile(path)) {
      return this;
    }
    Set<ServerPath> dirs = new HashSet<>(directories);
    Set<ServerPath> plain = new HashSet<>(files);
    dirs.remove(path);
    plain.remove(path);
    return new KnownPaths(dirs, plain);
  }
}
