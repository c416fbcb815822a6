package io.ftpseq.probe;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.ReplyNames;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one scenario's session made up, written as the placeholders that {@link ReplyNames} fills
 * when a profile predicts a reply: the probe's user as {@code {user}}, its scratch directory and
 * the directory the session moved to as {@code {dir}}, the argument of the command answered as
 * {@code {path}} (or {@code {dir}/{path}} where the server shows the full path of a relative
 * argument), a REST offset as {@code {offset}} (and a REST argument echoed as given, {@code +5}, as
 * {@code {argument}}), a TYPE argument as {@code {argument}}, the size of the probe's file as
 * {@code {size}} and a command no RFC defines, where the reply names it, as {@code {command}}. A
 * recorded reply thus keeps what the server says and where, never the probe's own file names and
 * numbers:
 *
 * <pre>
 * RETR /home/ftpseq/probe-1a2b3c4d/probe.txt
 * 150 Opening BINARY mode data connection for /home/ftpseq/probe-1a2b3c4d/probe.txt (32 bytes).
 * is recorded as
 * 150 Opening BINARY mode data connection for {path} ({size} bytes).
 * </pre>
 *
 * <p>A session starts in the login directory, the parent of the scratch directory; a CWD or CDUP
 * answered 2yz moves it. The directory a reply to CWD or CDUP names is written {@code {dir}}, and
 * so is the one a reply to PWD names once the session has moved; a PWD in the login directory keeps
 * the path, which a profile holds as the login directory.
 */
final class ProbeNames {

  /** The verbs whose argument is a path the reply may quote; CWD and CDUP name {@code {dir}}. */
  private static final Set<Verb> PATH_VERBS =
      EnumSet.of(
          Verb.RETR, Verb.STOR, Verb.STOU, Verb.APPE, Verb.RNFR, Verb.RNTO, Verb.DELE, Verb.RMD,
          Verb.MKD, Verb.XMKD, Verb.XRMD, Verb.LIST, Verb.NLST, Verb.MLSD, Verb.MLST, Verb.MDTM,
          Verb.SIZE, Verb.STAT);

  private final ScratchDirectory scratch;
  private final String user;
  private String directory;
  private boolean moved;
  private long offset;

  /** The names of a session that logs in as {@code user} and works in {@code scratch}. */
  ProbeNames(ScratchDirectory scratch, String user) {
    this.scratch = scratch;
    this.user = user;
    this.directory = scratch.parent();
  }

  /** A command line as sent, for the record: the scratch directory and the user as placeholders. */
  String command(String line) {
    return ScenarioRunner.varying(common(line));
  }

  /** A line of the reply to {@code sent}, for the record. */
  String reply(Command sent, String text) {
    String out = text;
    String argument = sent.argument();
    boolean relativeCwd = sent.verb() == Verb.CWD && !argument.startsWith("/");
    if ((PATH_VERBS.contains(sent.verb()) || relativeCwd) && !argument.isEmpty()) {
      String sizes = sizesOf(argument);
      if (!argument.startsWith("/")) {
        out = whole(out, ReplyNames.resolve(directory, argument), "{dir}/{path}");
      }
      out = whole(out, argument, "{path}");
      out = sizes.isEmpty() ? out : number(out, sizes, "{size}");
    }
    if (sent.verb() == Verb.REST && !argument.isEmpty()) {
      // "+5" echoed as given is the argument; the 5 read back from it is the offset
      String value = offsetValue(argument);
      if (!value.equals(argument)) {
        out = number(out, Pattern.quote(argument), "{argument}");
      }
      out = number(out, Pattern.quote(value), "{offset}");
    }
    if ((sent.verb() == Verb.TYPE || sent.verb() == Verb.LANG) && !argument.isEmpty()) {
      out = whole(out, argument, "{argument}");
    }
    if (sent.verb() == Verb.OTHER) {
      // a command no RFC defines: the server names it, whichever it is
      out = whole(out, sent.word().toUpperCase(Locale.ROOT), "{command}");
    }
    String named = namedDirectory(sent);
    out = whole(out.replace(scratch.path(), "{dir}"), named, "{dir}");
    return ScenarioRunner.varying(common(out));
  }

  /** Follows the session: where a CWD or CDUP answered {@code code} goes, what REST set. */
  void answered(Command sent, int code) {
    if (movesDirectory(sent.verb())) {
      if (code / 100 == 2) {
        directory = directoryAfter(sent);
        moved = true;
      }
    } else if (sent.verb() == Verb.REST) {
      offset = code == 350 ? parsedOffset(sent.argument()) : 0;
    } else if (sent.verb().kind() == Verb.Kind.TRANSFER) {
      offset = 0;
    }
  }

  /**
   * The working directory a reply to the command names: where a CWD or CDUP goes, the directory PWD
   * answers once the session has moved; empty for other commands and for PWD in the login
   * directory, whose path a profile keeps as the login directory.
   */
  private String namedDirectory(Command sent) {
    if (movesDirectory(sent.verb())) {
      return directoryAfter(sent);
    }
    boolean pwd = sent.verb() == Verb.PWD || sent.verb() == Verb.XPWD;
    return pwd && moved ? directory : "";
  }

  private String directoryAfter(Command sent) {
    boolean up = sent.verb() == Verb.CDUP || sent.verb() == Verb.XCUP;
    return ReplyNames.resolve(directory, up ? ".." : sent.argument());
  }

  private static boolean movesDirectory(Verb verb) {
    return verb == Verb.CWD || verb == Verb.XCWD || verb == Verb.CDUP || verb == Verb.XCUP;
  }

  /**
   * The sizes a reply to a command on the probe's file may name, as a pattern: the file's size and
   * what is left of it after the pending REST offset; empty for any other file.
   */
  private String sizesOf(String argument) {
    String path = argument.startsWith("/") ? argument : ReplyNames.resolve(directory, argument);
    if (!path.equals(scratch.file())) {
      return "";
    }
    long size = ScratchDirectory.CONTENT.length;
    return offset > 0 && offset < size ? size + "|" + (size - offset) : Long.toString(size);
  }

  private String common(String text) {
    String out = text.replace(scratch.path(), "{dir}").replace(scratch.name(), "{dir}");
    return user.isEmpty() ? out : out.replace(user, "{user}");
  }

  /** The text with {@code name} replaced where it stands as a whole name, not inside another. */
  private static String whole(String text, String name, String placeholder) {
    if (name.isEmpty() || !text.contains(name)) {
      return text;
    }
    return Pattern.compile("(?<![\\w./-])" + Pattern.quote(name) + "(?![\\w/-])")
        .matcher(text)
        .replaceAll(Matcher.quoteReplacement(placeholder));
  }

  /** The text with the numbers {@code numbers} matches replaced where they stand on their own. */
  private static String number(String text, String numbers, String placeholder) {
    return Pattern.compile("(?<![\\d.])(?:" + numbers + ")(?![\\d])")
        .matcher(text)
        .replaceAll(Matcher.quoteReplacement(placeholder));
  }

  /**
   * A REST argument's value as servers read it back: {@code +007} is {@code 7}; the argument itself
   * when it is not a number.
   */
  private static String offsetValue(String argument) {
    String digits = argument.startsWith("+") ? argument.substring(1) : argument;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return argument;
    }
    return digits.replaceFirst("^0+(?=.)", "");
  }

  private static long parsedOffset(String argument) {
    try {
      return Long.parseLong(argument.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
