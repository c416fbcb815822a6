package io.ftpseq.rules;

import java.util.Objects;

/**
 * A path on a server as a model knows it: absolute ({@code /home/alice/sub}), or from a login
 * directory the server has not named ({@code sub} under it), or not known at all. Its parts are
 * joined by single slashes, with {@code .} and {@code ..} resolved as servers resolve them: {@code
 * ..} of the root is the root, and {@code ..} of a login directory not named is not known.
 *
 * <pre>{@code
 * ServerPath.of("/home/alice").down("..").down("bob")   // /home/bob
 * ServerPath.LOGIN.down("sub").down("x.txt")                  // x.txt in sub of the login directory
 * ServerPath.LOGIN.down("..")                                 // not known
 * }</pre>
 *
 * @param fromLogin whether {@code path} starts at the login directory rather than at the root
 * @param path the path, {@code /} or parts each after a slash; empty when not known
 */
public record ServerPath(boolean fromLogin, String path) {

  /** A path not known. */
  static final ServerPath UNKNOWN = new ServerPath(false, "");

  /** The root directory. */
  static final ServerPath ROOT = new ServerPath(false, "/");

  /** The login directory, when the server has not said where it is. */
  static final ServerPath LOGIN = new ServerPath(true, "/");

  /** Validates the parts. */
  public ServerPath {
    Objects.requireNonNull(path, "path");
    if (!path.isEmpty() && (!path.startsWith("/") || (path.length() > 1 && path.endsWith("/")))) {
      throw new IllegalArgumentException("a path is / or parts each after a slash, not " + path);
    }
    if (path.isEmpty() && fromLogin) {
      throw new IllegalArgumentException("a path not known starts nowhere");
    }
  }

  /** The absolute path the text names, with its parts resolved; not known when it is empty. */
  static ServerPath of(String text) {
    if (text.isEmpty()) {
      return UNKNOWN;
    }
    ServerPath path = ROOT;
    for (String part : text.split("/", -1)) {
      path = path.down(part);
    }
    return path;
  }

  /** Whether the path is known. */
  boolean isKnown() {
    return !path.isEmpty();
  }

  /**
   * The path a part leads to from this one: an empty part and {@code .} stay, {@code ..} goes up;
   * from a path not known, not known.
   */
  ServerPath down(String part) {
    if (!isKnown() || part.isEmpty() || part.equals(".")) {
      return this;
    }
    if (part.equals("..")) {
      if (path.equals("/")) {
        return fromLogin ? UNKNOWN : this;
      }
      int slash = path.lastIndexOf('/');
      return new ServerPath(fromLogin, slash == 0 ? "/" : path.substring(0, slash));
    }
    return new ServerPath(fromLogin, path.equals("/") ? "/" + part : path + "/" + part);
  }

  /**
   * The absolute path, given where the login directory is (empty when not known); empty when the
   * path is not known or starts at a login directory not known.
   */
  String absoluteIn(String login) {
    if (!fromLogin) {
      return path;
    }
    if (login.isEmpty()) {
      return "";
    }
    return path.equals("/") ? login : (login.equals("/") ? "" : login) + path;
  }

  /** Whether this path is {@code other} or a directory above it, both known from the same start. */
  boolean contains(ServerPath other) {
    return isKnown()
        && other.isKnown()
        && fromLogin == other.fromLogin
        && (path.equals("/") || other.path.equals(path) || other.path.startsWith(path + "/"));
  }
}
