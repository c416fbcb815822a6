package io.ftpseq.rules;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * The working directory of a session as a server model follows it, and where a path argument leads
 * from it: an absolute argument from the root, a relative one from the working directory, with
 * {@code .}, {@code ..} and doubled slashes resolved as servers resolve them, and {@code ~} as the
 * server reads it ({@link Tilde}). A login starts in the login directory; when the server has not
 * named it, paths from it are still followed, and only a path that leaves it upwards is not known.
 *
 * <pre>{@code
 * WorkingDirectory home = WorkingDirectory.atLogin("/home/alice", Tilde.HOME);
 * home.resolve("sub//x.txt", false)                    // /home/alice/sub/x.txt
 * home.movedTo(home.resolve("/srv", true)).resolve("~/sub/x.txt", false)   // the same
 * }</pre>
 *
 * @param current the working directory
 * @param login the login directory, absolute; empty when the server has not named it
 * @param tilde how the server reads {@code ~}
 */
public record WorkingDirectory(ServerPath current, String login, Tilde tilde) {

  /** The parts of a path that name a directory wherever they stand. */
  private static final Set<String> DOTS = Set.of("", ".", "..");

  /** Nothing known: before login. */
  static final WorkingDirectory UNKNOWN =
      new WorkingDirectory(ServerPath.UNKNOWN, "", Tilde.UNKNOWN);

  /** Validates the parts. */
  public WorkingDirectory {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(tilde, "tilde");
  }

  /**
   * The working directory right after a login into {@code login} (empty when not named), on a
   * server that reads {@code ~} as {@code tilde} says.
   */
  static WorkingDirectory atLogin(String login, Tilde tilde) {
    String named = ServerPath.of(login).path();
    return new WorkingDirectory(home(named), named, tilde);
  }

  /** A working directory known by its absolute path, or not known when it is empty. */
  static WorkingDirectory at(String absolute) {
    return new WorkingDirectory(ServerPath.of(absolute), "", Tilde.UNKNOWN);
  }

  /** The working directory as an absolute path; empty when not known. */
  String absolute() {
    return absolute(current);
  }

  /** A path as an absolute path, from this login directory; empty when not known. */
  String absolute(ServerPath path) {
    return path.absoluteIn(login);
  }

  /** The same login with another working directory. */
  WorkingDirectory movedTo(ServerPath directory) {
    return new WorkingDirectory(directory, login, tilde);
  }

  /**
   * Where the argument of a command leads from the working directory; an empty argument is the
   * directory. {@code cwd} says whether the command is CWD (or XCWD), where some servers read
   * {@code ~} as they read it nowhere else.
   */
  ServerPath resolve(String argument, boolean cwd) {
    ServerPath path = argument.startsWith("/") ? ServerPath.ROOT : current;
    String[] parts = argument.split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.startsWith("~") && tilde != Tilde.LITERAL) {
        if (leadsHome(part, i == 0, cwd)) {
          path = home(login);
          continue;
        }
        if (tilde == Tilde.UNKNOWN || (i == 0 && tilde.readsUserHomes() && homeHere(cwd))) {
          return ServerPath.UNKNOWN; // another user's home, or a ~ the profile says nothing of
        }
      }
      path = path.down(part);
    }
    return path;
  }

  /** Whether the {@code ~} part is the login directory on this server. */
  private boolean leadsHome(String part, boolean first, boolean cwd) {
    if (!part.equals("~")) {
      return false;
    }
    return tilde == Tilde.HOME_ANYWHERE || (first && homeHere(cwd));
  }

  /** Whether a {@code ~} that starts a path leads home in this command. */
  private boolean homeHere(boolean cwd) {
    return tilde == Tilde.HOME
        || tilde == Tilde.HOME_AND_USERS
        || (tilde == Tilde.HOME_IN_CWD && cwd);
  }

  /**
   * Whether the argument is known to name a directory: it ends with a slash, or is made of {@code
   * .} and {@code ..} alone, wherever the session is; or it leads to the login directory, the
   * working directory or a directory above it.
   */
  boolean namesDirectory(String argument) {
    if (argument.endsWith("/") || Arrays.stream(argument.split("/")).allMatch(DOTS::contains)) {
      return true;
    }
    ServerPath path = resolve(argument, false);
    return path.contains(current) || path.equals(home(login));
  }

  /**
   * Where a path leads from the login directory, as a script names the files it assumes: {@code
   * missing.txt} and {@code ~/missing.txt} in the login directory, {@code /srv/x} from the root.
   */
  ServerPath fromLogin(String path) {
    return new WorkingDirectory(home(login), login, Tilde.HOME).resolve(path, false);
  }

  /** The login directory, from the root when it is named. */
  ServerPath home() {
    return home(login);
  }

  private static ServerPath home(String login) {
    return login.isEmpty() ? ServerPath.LOGIN : ServerPath.of(login);
  }
}
