package io.ftpseq.rules;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Verb;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a server's replies name of the session, the user and the working directory, as a {@link
 * ServerModel} follows it; they fill the placeholders in a profile's reply texts, so that a
 * prediction reads as the server would send it.
 *
 * <p>{@code ftpseq probe} records a reply text with what differs from run to run written as a
 * placeholder, and every prediction fills them here ({@link ServerModel#predict}), whatever shows
 * it later:
 *
 * <ul>
 *   <li>{@code {command}}: the word of the command being answered, upper-cased, as the servers that
 *       name a command they do not know write it: ProFTPD answers {@code FOO} with {@code 500 FOO
 *       not understood}, pyftpdlib with {@code 500 Command "FOO" not understood.}.
 *   <li>{@code {user}}: the argument of the USER command being answered, else that of the last USER
 *       the server accepted. ProFTPD answers {@code USER alice} with {@code 331 Password required
 *       for alice}.
 *   <li>{@code {dir}}: the working directory as the server names it, an absolute path. A CWD
 *       answered 2yz moves it (an absolute argument replaces it, a relative one is joined to it,
 *       {@code .} and {@code ..} are resolved, {@code ~} is read as the profile says the server
 *       reads it: {@link Tilde}) and so does CDUP; the reply to CWD or CDUP itself names the
 *       directory it moves to ({@code 250 OK. Current directory is /x} from Pure-FTPd). A login
 *       starts in the directory the profile's own reply to PWD names, which the probe measures
 *       right after login: {@code /home/alice} for vsftpd, ProFTPD and Pure-FTPd with a local user,
 *       {@code /} for pyftpdlib and Apache FtpServer, whose users see a virtual root. Where the
 *       profile names no login directory, the directories under it are still followed ({@link
 *       WorkingDirectory}), though none can be written.
 *   <li>{@code {path}}: the argument of the command being answered, as the client gave it: vsftpd
 *       answers {@code RETR report.csv} with {@code 150 Opening BINARY mode data connection for
 *       report.csv (<size> bytes).}. Written {@code {dir}/{path}} it is the path the argument names
 *       from the working directory, for a server that shows the full path: vsftpd answers {@code
 *       MKD sub} in {@code /home/alice} with {@code 257 "/home/alice/sub" created}; an absolute
 *       argument stays as it is.
 *   <li>{@code {argument}}: the argument of the command being answered as the client gave it, where
 *       it is not a path: Apache FtpServer answers {@code TYPE X} with {@code 504 Command TYPE not
 *       implemented for the parameter X.} and {@code REST +5} with {@code 350 Restarting at +5.
 *       ...}.
 *   <li>{@code {offset}}: the offset of the REST command being answered, as most servers write it
 *       back ({@code 350 Restarting at 100} to {@code REST 0100}); the argument itself when it is
 *       not a number.
 *   <li>{@code {address}}, {@code {port}}, {@code {time}}, {@code {unique}}, {@code {size}}: the
 *       passive address, the extended passive port, a file's modification time, the name STOU chose
 *       and a file's size, which a record of the commands does not show.
 * </ul>
 *
 * <p>The reply to PWD (and XPWD) quotes the working directory (RFC 959 §4.1.3, 257 reply), so once
 * the directory is known the quoted path of that reply is it, whatever directory the profile
 * recorded the reply in: after {@code CWD /srv}, vsftpd's {@code 257 "/home/{user}" is the current
 * directory} reads {@code 257 "/srv" is the current directory}. Once the session has left for a
 * directory it does not show ({@code CWD ~bob} on ProFTPD), the quoted path is {@code <dir>}.
 *
 * <p>A value the session does not show is written as the placeholder's name in angle brackets:
 * {@code 227 Entering Passive Mode (<address>).}, never with the braces. A password is never a
 * value: PASS and ACCT arguments are masked when the command is built, no placeholder takes them,
 * and {@code {password}}, which the probe's scenarios use for the commands they send, is always
 * written {@code <password>}.
 *
 * @param user the user name the server holds, or empty when unknown
 * @param directory the working directory and the login directory, as far as they are known
 */
public record ReplyNames(String user, WorkingDirectory directory) {

  /** Nothing known: before login, or without a session (a reaction quoted on its own). */
  public static final ReplyNames UNKNOWN = new ReplyNames("", WorkingDirectory.UNKNOWN);

  /** The placeholders a profile's reply text may hold, by name without the braces. */
  private static final String[] PLACEHOLDERS = {
    "command",
    "user",
    "dir",
    "path",
    "argument",
    "offset",
    "size",
    "address",
    "port",
    "time",
    "unique",
    "password"
  };

  /** How a placeholder for the argument follows {@code {dir}} to name the full path. */
  private static final String JOINED_PATH = "/{path}";

  /** The first quoted path of a 257 reply, with {@code ""} for a quote inside it (RFC 959). */
  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"]|\"\")*)\"");

  /** Validates the parts. */
  public ReplyNames {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(directory, "directory");
  }

  /** Names with the working directory given by its absolute path, or not known when it is empty. */
  public ReplyNames(String user, String directory) {
    this(user, WorkingDirectory.at(directory));
  }

  /**
   * The text with each placeholder filled for the reply to {@code command}, for example {@code User
   * {user} logged in} as {@code User alice logged in}. The command's argument is taken as it is
   * shown, its secrets masked ({@link Command#shown}).
   *
   * @param text a reply text of a profile
   * @param command the command the reply answers, or {@code null} when not known
   */
  public String fill(String text, Command command) {
    // a text is made of what the command shows, never of what it sent
    Command shown = command == null ? null : command.shown();
    String filled = text.indexOf('{') < 0 ? text : placeholdersFilled(text, shown);
    return namesDirectory(shown) ? withQuotedDirectory(filled, quotedDirectory()) : filled;
  }

  /**
   * The working directory as a reply to PWD quotes it: its absolute path, or {@code <dir>} where
   * the session left it for a directory the record does not show ({@code CWD ~bob} on ProFTPD);
   * empty without a session or in a login directory the profile does not name, where its own reply
   * stands.
   */
  private String quotedDirectory() {
    String absolute = directory.absolute();
    if (!absolute.isEmpty()
        || directory.equals(WorkingDirectory.UNKNOWN)
        || directory.current().equals(directory.home())) {
      return absolute;
    }
    return "<dir>";
  }

  /** The text with every placeholder filled; a text with no placeholder is returned as it is. */
  private String placeholdersFilled(String text, Command command) {
    StringBuilder out = null;
    int copied = 0;
    int open = text.indexOf('{');
    while (open >= 0) {
      int close = text.indexOf('}', open);
      String name = close < 0 ? null : placeholderBetween(text, open, close);
      if (name == null) {
        open = text.indexOf('{', open + 1);
        continue;
      }
      out = out == null ? new StringBuilder(text.length() + 32) : out;
      out.append(text, copied, open);
      int end = close + 1;
      boolean joins = name.equals("dir") && text.startsWith(JOINED_PATH, end);
      String joined = joins ? joinedPath(command) : "";
      if (!joined.isEmpty()) {
        out.append(joined);
        end += JOINED_PATH.length();
      } else {
        // where an argument leads is not known ("~bob/x"): not the working directory joined to it
        boolean unknown = joins && command != null && !command.sentArgument().isEmpty();
        String value = unknown ? "<dir>" : value(name, command);
        // "{dir}/missing.txt" in the root directory is "/missing.txt"
        boolean slashFollows = text.startsWith("/", end) && value.endsWith("/");
        out.append(value, 0, slashFollows ? value.length() - 1 : value.length());
      }
      copied = end;
      open = text.indexOf('{', end);
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /** The placeholder's name when the braces at {@code open} and {@code close} hold one. */
  private static String placeholderBetween(String text, int open, int close) {
    int length = close - open - 1;
    for (String name : PLACEHOLDERS) {
      if (name.length() == length && text.startsWith(name, open + 1)) {
        return name;
      }
    }
    return null;
  }

  /**
   * The absolute path the command's argument names from the working directory it is sent in, empty
   * when there is no argument or the path is not known.
   */
  private String joinedPath(Command command) {
    if (command == null || command.sentArgument().isEmpty()) {
      return "";
    }
    return directory.absolute(path(command));
  }

  /** Where the command's path argument leads from the working directory. */
  ServerPath path(Command command) {
    Verb verb = command.verb();
    return directory.resolve(command.sentArgument(), verb == Verb.CWD || verb == Verb.XCWD);
  }

  private static boolean namesDirectory(Command command) {
    return command != null && (command.verb() == Verb.PWD || command.verb() == Verb.XPWD);
  }

  /**
   * The text of a reply to PWD with its quoted path (the first, with {@code ""} for a quote inside
   * it) replaced by the working directory; the text as it is when it quotes no absolute path or
   * quotes the directory already.
   */
  private static String withQuotedDirectory(String text, String directory) {
    if (directory.isEmpty()) {
      return text;
    }
    int open = text.indexOf('"');
    int close = open < 0 ? -1 : text.indexOf('"', open + 1);
    // a doubled quote stands for a quote inside the path
    while (close > 0 && text.startsWith("\"\"", close)) {
      close = text.indexOf('"', close + 2);
    }
    if (close < 0 || !text.startsWith("/", open + 1)) {
      return text;
    }
    String quoted = directory.replace("\"", "\"\"");
    boolean same = close - open - 1 == quoted.length() && text.startsWith(quoted, open + 1);
    return same ? text : text.substring(0, open + 1) + quoted + text.substring(close);
  }

  private String value(String name, Command command) {
    Verb verb = command == null ? Verb.OTHER : command.verb();
    String value =
        switch (name) {
          case "user" -> verb == Verb.USER ? command.sentArgument() : user;
          case "dir" -> (command == null ? directory : directoryAfter(command)).absolute();
          case "command" -> command == null ? "" : command.word().toUpperCase(Locale.ROOT);
          case "path", "argument" -> command == null ? "" : command.sentArgument();
          case "offset" ->
              verb == Verb.REST
                  ? RestartOffset.value(command.sentArgument()).orElse(command.sentArgument())
                  : "";
          default -> "";
        };
    return value.isEmpty() ? "<" + name + ">" : value;
  }

  /**
   * The working directory once the command is done: where CWD or CDUP goes, else this one. A CWD
   * with no path that a server accepts goes to the login directory, as on Pure-FTPd, pyftpdlib and
   * Apache FtpServer.
   */
  private WorkingDirectory directoryAfter(Command command) {
    return switch (command.verb()) {
      case CWD, XCWD ->
          directory.movedTo(command.sentArgument().isEmpty() ? directory.home() : path(command));
      case CDUP, XCUP -> directory.movedTo(directory.resolve("..", false));
      default -> directory;
    };
  }

  /**
   * The names after the command and its last reply ({@code 0} when none is known): the user of an
   * accepted USER, the login directory after a login, the directory a CWD or CDUP answered 2yz
   * moves to. A CWD or CDUP with no reply known leaves the directory unknown.
   */
  ReplyNames after(ServerProfile profile, Command command, int last) {
    Verb verb = command.verb();
    String name = verb == Verb.USER && last < 400 ? command.sentArgument() : user;
    if ((verb == Verb.USER || verb == Verb.PASS || verb == Verb.ACCT) && last == 230) {
      return new ReplyNames(
          name, WorkingDirectory.atLogin(loginDirectory(profile, name), profile.tilde()));
    }
    boolean moves = verb == Verb.CWD || verb == Verb.XCWD || verb == Verb.CDUP || verb == Verb.XCUP;
    if (moves && last / 100 != 2) {
      return new ReplyNames(name, last == 0 ? directory.movedTo(ServerPath.UNKNOWN) : directory);
    }
    if (!moves) {
      // most commands change neither: no new names on every command checked
      return name.equals(user) ? this : new ReplyNames(name, directory);
    }
    return new ReplyNames(name, directoryAfter(command));
  }

  /**
   * The directory a login starts in: the path the profile's reply to PWD quotes, with the user
   * filled; empty when the profile has no such reply or names the directory by a value not known.
   */
  static String loginDirectory(ServerProfile profile, String user) {
    String pwd = profile.reaction(Situation.REPLY.key(Verb.PWD)).map(Reaction::text).orElse("");
    Matcher quoted = QUOTED.matcher(pwd);
    if (!quoted.find()) {
      return "";
    }
    String path = quoted.group(1).replace("\"\"", "\"");
    if (path.contains("{user}")) {
      path = user.isEmpty() ? "" : path.replace("{user}", user);
    }
    return path.indexOf('{') >= 0 ? "" : path;
  }

  /**
   * The path an argument names from a directory: an absolute argument on its own, a relative one
   * joined to the directory (empty when that is not known), with {@code .} and {@code ..} resolved:
   * {@code resolve("/home/alice", "../bob/a.txt")} is {@code /home/bob/a.txt}.
   */
  public static String resolve(String directory, String argument) {
    boolean absolute = argument.startsWith("/");
    if (argument.isEmpty() || (!absolute && directory.isEmpty())) {
      return argument.isEmpty() ? directory : "";
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String part : ((absolute ? "" : directory) + "/" + argument).split("/", -1)) {
      if (part.equals("..")) {
        parts.pollLast();
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }
}
