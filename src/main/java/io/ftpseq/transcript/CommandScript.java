package io.ftpseq.transcript;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.LinePatterns;
import io.ftpseq.rules.Assumptions;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.Source;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script of commands for {@code ftpseq simulate}: one command per line, or a dialogue transcript
 * ({@code C: }/{@code S: } or {@code > }/{@code < }) whose replies are ignored. Blank lines and
 * {@code #} comments are skipped, except two notes that change what the simulation assumes:
 *
 * <pre>
 * # login fails
 * # missing reports/old.csv
 * USER alice
 * PASS secret
 * RETR reports/old.csv
 * </pre>
 *
 * @param commands the commands in order, each at its line
 * @param assumptions what the notes say of logins and files
 * @param problems lines that are not a command, reply or comment
 */
public record CommandScript(
    List<CommandSent> commands, Assumptions assumptions, List<Problem> problems) {

  private static final Pattern REPLY = LinePatterns.compile("\\d{3}([ -].*)?");
  private static final Pattern MISSING = LinePatterns.compile("#\\s*missing\\s+(\\S.*)");
  private static final Pattern LOGIN_FAILS = LinePatterns.compile("#\\s*login\\s+fails\\s*");

  /** Validates and copies. */
  public CommandScript {
    commands = List.copyOf(commands);
    Objects.requireNonNull(assumptions, "assumptions");
    problems = List.copyOf(problems);
  }

  /**
   * Reads a script; {@code source} names it in positions. Lines are read as {@code check} reads an
   * input ({@link LineReader}): UTF-8 where they are valid UTF-8, Latin-1 otherwise, after a byte
   * order mark, which is dropped ({@link ByteOrderMarks}: UTF-16 or UTF-32 with one is read too). A
   * script that breaks off (a cut {@code .gz}) gives its whole lines and a problem that says where
   * it broke; one that gives no byte at all is the read error.
   *
   * <p>Every secret the script shows anywhere ({@link ScriptSecrets}) is masked in what outputs
   * show of the commands, the notes and the problems: a server that names the user ({@code 230 User
   * alice logged in}), the home directory or a file names the mask, as its replies are made of what
   * the commands show. The server models decide by the arguments as sent ({@link
   * Command#sentArgument}), so a password that is also an offset or a path changes no prediction.
   */
  public static CommandScript read(String source, InputStream input) throws IOException {
    // a script that breaks off (a cut .gz) is simulated up to its last whole line, as check reads
    ReadablePrefix readable = new ReadablePrefix(input);
    LineReader reader = LineReader.ofText(readable, () -> readable.failure() != null);
    List<String> lines = new ArrayList<>();
    for (String line = reader.next(); line != null; line = reader.next()) {
      lines.add(line);
    }
    if (readable.failure() != null && readable.bytes() == 0) {
      throw readable.failure();
    }
    Phrase breakOff = readable.breakOff(Source.Unit.LINE, lines.size(), reader.cutLineBytes());
    ScriptSecrets secrets = new ScriptSecrets();
    for (String raw : lines) {
      secrets.learn(raw, command(raw, raw.strip()));
    }
    List<CommandSent> commands = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Set<String> missing = new LinkedHashSet<>();
    Set<String> shownMissing = new LinkedHashSet<>();
    boolean loginFails = false;
    boolean joined = false; // the last line was the rest of a password, joined to its command
    long number = 0;
    for (String raw : lines) {
      number++;
      String line = raw.strip();
      if (line.startsWith("#")) {
        Matcher path = MISSING.matcher(line);
        if (path.matches()) {
          missing.add(path.group(1).strip());
          shownMissing.add(secrets.mask(path.group(1).strip()));
        }
        loginFails |= LOGIN_FAILS.matcher(line.toLowerCase(Locale.ROOT)).matches();
        continue;
      }
      String command = command(raw, line);
      if (command == null) {
        continue;
      }
      if (secrets.splitOff(number)) {
        // the rest of a PASS split off at a lone CR is its argument, sent on the same line: no
        // step of its own; after a PASS that had its argument already, it was lost in silence
        if (joined || joinSplitOff(commands)) {
          joined = true;
        } else {
          problems.add(
              new Problem(
                  new Source(source, number),
                  // all of it is taken for a secret, however short
                  Phrase.of("problem.script.restOfPassword", Problem.quote(Command.MASK))));
        }
        continue;
      }
      joined = false;
      if (command.isEmpty() || !Character.isLetter(command.charAt(0))) {
        problems.add(
            new Problem(
                new Source(source, number),
                Phrase.of("problem.script.notCommand", Problem.quote(secrets.mask(line)))));
        continue;
      }
      // masked as check masks a command: "password x" or "C pass x" (no colon) are no PASS
      // command, yet they show a password, which a word no server knows is masked for; the
      // argument as sent is kept for the server models to decide by
      Command parsed = Command.parse(command);
      commands.add(
          new CommandSent(
              new Source(source, number),
              new Command(
                  parsed.verb(),
                  parsed.word(),
                  secrets.mask(parsed.argument()),
                  parsed.sentArgument())));
    }
    if (breakOff != null) {
      problems.add(new Problem(new Source(source, 0), breakOff));
    }
    return new CommandScript(
        commands, new Assumptions(loginFails, missing, shownMissing), problems);
  }

  /**
   * Joins the rest of a command carrying a secret, split off its line ({@link ScriptSecrets}), to
   * that command, the last one read: {@code PASS} then {@code hunter2} is the step {@code PASS
   * ****}, as it went on the wire, not a step {@code ****} of its own that servers would refuse.
   * Returns whether it was joined: a command that has its argument already takes none, and the line
   * is then a problem, not a step lost without a word.
   */
  private static boolean joinSplitOff(List<CommandSent> commands) {
    CommandSent last = commands.isEmpty() ? null : commands.get(commands.size() - 1);
    Command command = last == null ? null : last.command();
    if (command != null && command.carriesSecret() && command.argument().isEmpty()) {
      commands.set(
          commands.size() - 1,
          new CommandSent(
              last.source(), new Command(command.verb(), command.word(), Command.MASK)));
      return true;
    }
    return false;
  }

  /**
   * The command a line gives, or {@code null} for a line that gives none (blank, a reply, a reply's
   * continuation).
   */
  private static String command(String raw, String line) {
    if (line.isEmpty() || raw.startsWith(" ") || raw.startsWith("\t")) {
      return null;
    }
    String upper = line.toUpperCase(Locale.ROOT);
    if (upper.startsWith("C:")) {
      return line.substring(2).strip();
    }
    if (upper.startsWith("S:") || line.startsWith("<") || REPLY.matcher(line).matches()) {
      return null;
    }
    return line.startsWith(">") ? line.substring(1).strip() : line;
  }
}
