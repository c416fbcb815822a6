package io.ftpseq.proxy;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.Secrets;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.Prediction;
import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Validator;
import io.ftpseq.session.InputSummary;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The record of one proxied session as the client saw it: each command and reply goes to a
 * validator, which judges the session as it goes, and to the transcript in the plain dialogue
 * format ({@code C:}/{@code S:} lines, {@code #} comments for what the proxy did). Passwords are
 * masked in everything the record holds or tells, also where the server or the client repeats one
 * the session showed (a reply that echoes it). Each event's source line is its line in that
 * transcript, so {@code ftpseq check} of the transcript finds the same things at the same lines:
 * control characters inside a line (a bare CR, binary bytes) are written as {@code \xNN}, so each
 * line the client or server sent stays one line of the record. Memory grows with the findings, not
 * with the session: the transcript is written as it goes.
 *
 * <p>Every method is synchronized: the client's and the server's threads both record.
 */
final class SessionLog {

  /** The format name reported for proxied sessions. */
  static final String FORMAT = "proxy";

  /** Receives each finding once, when the exchange it is about completes. */
  interface FindingSink {
    void found(Finding finding, ServerProfile profile, boolean refused);
  }

  /** Control characters, which may end a line for one reader and not for another. */
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0a-\\x1f\\x7f-\\x9f]+");

  private final String name;
  private final Validator validator;
  private final Writer transcript;
  private final FindingSink sink;
  private final Set<Long> refusedLines = new HashSet<>();
  private final Secrets secrets = new Secrets();
  private long lines;
  private long comments;
  private long problems;
  private int reported;
  private boolean transcriptBroken;

  /**
   * A record for the session {@code name}.
   *
   * @param transcript where the transcript goes, or {@code null} to keep none
   */
  SessionLog(
      String name, ProfileChoice profile, boolean keepSteps, Writer transcript, FindingSink sink) {
    this.name = name;
    this.validator = new Validator(name, "", FORMAT, profile, keepSteps);
    this.transcript = transcript;
    this.sink = sink;
  }

  /**
   * Learns the secrets a command line shows as the client sent it, before it is parsed and masked,
   * so that their echoes are masked too.
   */
  synchronized void learn(String commandLine) {
    secrets.learnCommand(commandLine);
    // a bare CR (or another control byte) may end the command for the server: "USER a\rPASS b"
    for (String part : CONTROL.split(commandLine, -1)) {
      if (part.length() < commandLine.length()) {
        secrets.learnCommand(part);
      }
    }
  }

  /** The text with every secret the session has shown masked. */
  synchronized String mask(String text) {
    return secrets.mask(text);
  }

  /** Records a command the client sent; returns its line. */
  synchronized long command(Command sent) {
    // shown masked, its argument as sent kept for the checks to decide by; a control character
    // inside it shown as \xNN, so that the record keeps the line whole
    Command masked = sent.masked(secrets);
    String word = ControlText.shown(masked.word());
    String argument = ControlText.shown(masked.argument());
    Command command =
        word.equals(masked.word()) && argument.equals(masked.argument())
            ? masked
            : new Command(masked.verb(), word, argument, masked.sentArgument());
    long line = write("C: " + command.text());
    accept(new CommandSent(new Source(name, line), command));
    return line;
  }

  /** Records a reply as the client got it, with the session's secrets masked. */
  synchronized void reply(Reply sent) {
    List<String> masked =
        sent.lines().stream().map(line -> ControlText.shown(secrets.mask(line))).toList();
    Reply reply = masked.equals(sent.lines()) ? sent : new Reply(sent.code(), masked);
    long first = lines + 1;
    for (String text : reply.lines()) {
      write("S: " + text);
    }
    flush();
    accept(new ReplyReceived(new Source(name, first), reply));
  }

  /**
   * Records a reply the proxy made itself, after a {@code # not from the server: WHY} line that
   * {@code ftpseq check} reads back: the command it answers never reached the server, so the
   * server's state does not move, and the reply is not judged as the server's.
   */
  synchronized void ownReply(Reply sent, String why) {
    comments++;
    String detail = ControlText.shown(secrets.mask(why));
    long line = write("# not from the server: " + detail);
    accept(new Note(new Source(name, line), NoteKind.NOT_FROM_SERVER, detail));
    reply(sent);
  }

  /** Records a comment, which {@code ftpseq check} skips. */
  synchronized void comment(String text) {
    comments++;
    write("# " + ControlText.shown(secrets.mask(text)));
  }

  /** Records that the client's control connection was TLS from connect (implicit FTPS). */
  synchronized void tlsFromConnect(String detail) {
    comments++;
    long line = write("# TLS from connect: " + detail);
    accept(new Note(new Source(name, line), NoteKind.TLS_FROM_CONNECT, detail));
  }

  /**
   * Records a line from the server that is not a reply, as a problem at that line.
   *
   * @param text the line, printable and with the session's secrets masked
   * @param reason why it is not a reply, quoting it
   */
  synchronized void garbage(String text, Phrase reason) {
    long line = write("S: " + text);
    problems++;
    flush();
    validator.problem(new Problem(new Source(name, line), reason).masked(secrets::mask));
  }

  /** Marks the command at {@code line} as answered by the proxy, not forwarded. */
  synchronized void refused(long line) {
    refusedLines.add(line);
  }

  /** The findings {@code next} would raise if it were sent now; nothing changes. */
  synchronized List<Finding> judge(Command next) {
    return validator.judge(new CommandSent(new Source(name, lines + 1), next));
  }

  /** What the profile predicts the server answers to {@code next} now. */
  synchronized Optional<Prediction> predict(Command next) {
    return validator.predict(next);
  }

  /** The profile the session is checked with so far. */
  synchronized ServerProfile profile() {
    return validator.profile();
  }

  /** Ends the record: reports what only the end shows, closes the transcript. */
  synchronized SessionCheck finish() {
    SessionCheck check = validator.finish();
    report();
    if (transcript != null) {
      try {
        transcript.close();
      } catch (IOException e) {
        transcriptBroken = true;
      }
    }
    return check;
  }

  /**
   * What the session's transcript holds, line by line, as {@code ftpseq check} counts it: the
   * comments are skipped, every other line is dialogue (a line the server sent that is not a reply
   * is a problem).
   */
  synchronized InputSummary summary() {
    return new InputSummary(
        name,
        FORMAT,
        Source.Unit.LINE,
        lines,
        lines - comments - problems,
        comments,
        problems,
        1,
        List.of(),
        0);
  }

  /** Whether writing the transcript failed at some point (a full disk). */
  synchronized boolean transcriptBroken() {
    return transcriptBroken;
  }

  private void accept(SessionEvent event) {
    validator.accept(event);
    report();
  }

  private void report() {
    List<Finding> found = validator.findingsSince(reported);
    reported += found.size();
    for (Finding finding : found) {
      sink.found(finding, validator.profile(), refusedLines.contains(finding.source().line()));
    }
  }

  private long write(String line) {
    lines++;
    if (transcript != null && !transcriptBroken) {
      try {
        transcript.write(line);
        transcript.write('\n');
      } catch (IOException e) {
        transcriptBroken = true;
      }
    }
    return lines;
  }

  private void flush() {
    if (transcript != null && !transcriptBroken) {
      try {
        transcript.flush();
      } catch (IOException e) {
        transcriptBroken = true;
      }
    }
  }
}
