package io.ftpseq.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a server reads {@code ~} in a path argument, a part of its {@link ServerProfile}: RFC 959
 * gives {@code ~} no meaning, yet several servers read it as the login directory, as a shell does.
 * Asked by hand with {@code CWD ~}, {@code CWD ~/sub}, {@code CWD sub/~}, {@code MKD ~/x}, {@code
 * CWD ~name} and {@code PWD}: vsftpd 3.0.3 reads {@link #HOME}, ProFTPD 1.3.8 {@link
 * #HOME_AND_USERS}, Pure-FTPd 1.0.50 {@link #HOME_IN_CWD}, Apache FtpServer 1.2.1 {@link
 * #HOME_ANYWHERE}, pyftpdlib 1.5.7 {@link #LITERAL}. {@code ~name} is a name like any other on
 * vsftpd (its {@code tilde_user_enable} is off by default), Apache FtpServer and pyftpdlib; on
 * Pure-FTPd (in CWD) it is the home of that user, and on ProFTPD it is not a directory the session
 * can tell ({@code CWD ~ftpseq4} went to {@code /home/ftpseq}, while {@code CWD ~} and the
 * session's own user name was refused): there it leads where the model cannot tell.
 */
public enum Tilde {
  /** {@code ~} is a name like any other: {@code CWD ~} enters a directory named {@code ~}. */
  LITERAL("literal"),
  /**
   * A path that starts with {@code ~} or {@code ~/} starts at the login directory; {@code ~name} is
   * a name.
   */
  HOME("home"),
  /**
   * As {@link #HOME}, but a path that starts with {@code ~name} starts in another user's home,
   * which the session does not show.
   */
  HOME_AND_USERS("home-and-users"),
  /** As {@link #HOME_AND_USERS} in CWD (and XCWD); other commands read {@code ~} as a name. */
  HOME_IN_CWD("home-in-cwd"),
  /** Every {@code ~} part of a path, wherever it stands, is the login directory. */
  HOME_ANYWHERE("home-anywhere"),
  /** Not known: a path with a part that starts with {@code ~} leads where the model cannot tell. */
  UNKNOWN("");

  private final String json;

  Tilde(String json) {
    this.json = json;
  }

  /** Whether a path that starts with {@code ~name} starts in that user's home, where it may. */
  boolean readsUserHomes() {
    return this == HOME_AND_USERS || this == HOME_IN_CWD;
  }

  /** The name a profile's JSON gives it ({@code home-in-cwd}); empty for {@link #UNKNOWN}. */
  public String json() {
    return json;
  }

  /** The value a profile's JSON names, if it names one. */
  static Optional<Tilde> ofJson(String name) {
    return Arrays.stream(values())
        .filter(tilde -> tilde != UNKNOWN && tilde.json.equals(name))
        .findFirst();
  }

  /** The names a profile's JSON may give, in order, for messages. */
  static String names() {
    return String.join(
        ", ", Arrays.stream(values()).filter(tilde -> tilde != UNKNOWN).map(Tilde::json).toList());
  }
}
