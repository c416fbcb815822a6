package io.ftpseq.rules;

import java.util.Objects;
import java.util.Set;

/**
 * What a simulation assumes of the files and passwords a script does not show: by default every
 * login succeeds and every file exists.
 *
 * @param loginFails whether passwords are refused ({@code # login fails} in a script)
 * @param missing paths that do not exist on the server ({@code # missing PATH}), as the commands
 *     name them
 */
public record Assumptions(boolean loginFails, Set<String> missing) {

  /** Logins succeed and files exist. */
  public static final Assumptions NONE = new Assumptions(false, Set.of());

  /** Validates and copies. */
  public Assumptions {
    missing = Set.copyOf(Objects.requireNonNull(missing, "missing"));
  }

  /** Whether the command's argument names a path assumed missing. */
  boolean isMissing(String argument) {
    return !argument.isEmpty() && missing.contains(argument);
  }
}
