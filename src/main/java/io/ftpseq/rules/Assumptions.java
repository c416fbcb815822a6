package io.ftpseq.rules;

import io.ftpseq.protocol.Command;
import java.util.Objects;
import java.util.Set;

/**
 * What a simulation assumes of the files and passwords a script does not show: by default every
 * login succeeds and every file exists.
 *
 * @param loginFails whether passwords are refused ({@code # login fails} in a script)
 * @param missing paths that do not exist on the server ({@code # missing PATH}): absolute, or from
 *     the login directory; as the script names them, for deciding
 * @param shownMissing the same paths as outputs show them, a password among their words masked
 */
public record Assumptions(boolean loginFails, Set<String> missing, Set<String> shownMissing) {

  /** Logins succeed and files exist. */
  public static final Assumptions NONE = new Assumptions(false, Set.of());

  /** Validates and copies. */
  public Assumptions {
    missing = Set.copyOf(Objects.requireNonNull(missing, "missing"));
    shownMissing = Set.copyOf(Objects.requireNonNull(shownMissing, "shownMissing"));
  }

  /** Assumptions whose missing paths are shown as they are named. */
  public Assumptions(boolean loginFails, Set<String> missing) {
    this(loginFails, missing, missing);
  }

  /**
   * Whether the command's argument names a path assumed missing: where the argument leads from the
   * working directory is where a missing path leads from the login directory, both resolved as the
   * model's server resolves paths ({@code CWD sub} then {@code RETR x.txt} is {@code sub/x.txt},
   * and so are {@code ./sub/x.txt} and {@code sub//x.txt}). Where either is not known, the file
   * exists.
   */
  boolean isMissing(ServerModel model, Command command) {
    if (missing.isEmpty() || command.sentArgument().isEmpty()) {
      return false;
    }
    ServerPath named = model.path(command);
    return named.isKnown() && missing.stream().anyMatch(m -> model.fromLogin(m).equals(named));
  }
}
