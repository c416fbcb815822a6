package io.ftpseq.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a server reads {@code ~} in a path argument, a part of its {@link ServerProfile}: RFC 959
 * gives {@code ~} no meaning, yet several servers read it as the login directory, as a shell does.
 * Asked by hand with {@code CWD ~}, {@code CWD ~/sub}, {@code CWD sub/~}, {@code MKD ~/x} and
 * {@code PWD}: vsftpd 3.0.3 and ProFTPD 1.3.8 read {@link #HOME}, Pure-FTPd 1.0.50 {@link
 * #HOME_IN_CWD}, Apache FtpServer 1.2.1 {@link #HOME_ANYWHERE}, pyftpdlib 1.5.7 {@link #LITERAL}.
 * Where {@code ~name} leads is never known: vsftpd reads it as a name, Pure-FTPd as the home of
 * that user, and ProFTPD's {@code CWD ~ftpseq4} went to {@code /home/ftpseq}.
 */
public enum Tilde {
  /** {@code ~} is a name like any other: {@code CWD ~} enters a directory named {@code ~}. */
  LITERAL("literal"),
  /** A path that starts with {@code ~} or {@code ~/} starts at the login directory. */
  HOME("home"),
  /** As {@link #HOME} in CWD (and XCWD); other commands read {@code ~} as a name. */
  HOME_IN_CWD("home-in-cwd"),
  /** Every {@code ~} part of a path, wherever it stands, is the login directory. */
  HOME_ANYWHERE("home-anywhere"),
  /** Not known: a path with a part that starts with {@code ~} leads where the model cannot tell. */
  UNKNOWN("");

  private final String json;

  Tilde(String json) {
    this.json = json;
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
