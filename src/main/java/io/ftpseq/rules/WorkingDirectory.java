package io.ftpseq.rules;

import java.util.Objects;

/**
 * The working directory of a session as a server model follows it, and where a path argument leads
 * from it: an absolute argument from the root, a relative one from the working directory, with
 * {@code .}, {@code ..} and doubled slashes resolved as servers resolve them. A login starts in the
 * login directory; when the server has not named it, paths from it are still followed, and only a
 * path that leaves it upwards is not known.
 *
 * <pre>{@code
 * WorkingDirectory home = WorkingDirectory.atLogin("/home/alice");
 * home.resolve("sub//x.txt")                      // /home/alice/sub/x.txt
 * home.movedTo(home.resolve("sub")).resolve("../sub/./x.txt")   // the same
 * }</pre>
 *
 * @param current the working directory
 * @param login the login directory, absolute; empty when the server has not named it
 */
public record WorkingDirectory(ServerPath current, String login) {

  /** Nothing known: before login. */
  static final WorkingDirectory UNKNOWN = new WorkingDirectory(ServerPath.UNKNOWN, "");

  /** Validates the parts. */
  public WorkingDirectory {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(login, "login");
  }

  /** The working directory right after a login into {@code login} (empty when not named). */
  static WorkingDirectory atLogin(String login) {
    String named = ServerPath.of(login).path();
    return new WorkingDirectory(home(named), named);
  }

  /** A working directory known by its absolute path, or not known when it is empty. */
  static WorkingDirectory at(String absolute) {
    return new WorkingDirectory(ServerPath.of(absolute), "");
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
    return new WorkingDirectory(directory, login);
  }

  /** Where the argument leads from the working directory; an empty argument is the directory. */
  ServerPath resolve(String argument) {
    ServerPath path = argument.startsWith("/") ? ServerPath.ROOT : current;
    for (String part : argument.split("/", -1)) {
      path = path.down(part);
    }
    return path;
  }

  /**
   * Where a path leads from the login directory, as a script names the files it assumes: {@code
   * missing.txt} in the login directory, {@code /srv/x} from the root.
   */
  ServerPath fromLogin(String path) {
    return movedTo(home(login)).resolve(path);
  }

  private static ServerPath home(String login) {
    return login.isEmpty() ? ServerPath.LOGIN : ServerPath.of(login);
  }
}
