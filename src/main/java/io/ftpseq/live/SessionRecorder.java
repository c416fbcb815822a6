package io.ftpseq.live;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.ReplyCode;
import io.ftpseq.protocol.Secrets;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Validator;
import io.ftpseq.session.InputSummary;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The record of one live session: its events, the dialogue transcript they came from (each event's
 * source line is its line in that transcript, so {@code ftpseq check} on the transcript points at
 * the same lines), and a validator kept up to date so the next command can be judged before it is
 * sent. Every method is synchronized: the client's thread records, the test's thread reads.
 */
final class SessionRecorder {

  private static final StackTraceElement[] NO_SITE = new StackTraceElement[0];

  /** The format name reported for live sessions. */
  static final String FORMAT = "live";

  private final String name;
  private final ProfileChoice profile;
  private final Validator validator;
  private final List<SessionEvent> events = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();
  private final List<Long> commandLines = new ArrayList<>();
  private final List<Finding> blocked = new ArrayList<>();

  /**
   * Where each command was sent from, by command number less one, when call sites are recorded; a
   * refused command's at its finding's place in {@link #blockedSites}.
   */
  private final List<StackTraceElement[]> sites = new ArrayList<>();

  private final List<StackTraceElement[]> blockedSites = new ArrayList<>();
  private boolean recordingCallSites;

  /** The session's secrets, masked where the server echoes them. */
  private final Secrets secrets = new Secrets();

  /**
   * A recorder; with {@code judging} it keeps a validator up to date for {@link #judge}, which only
   * a strict client needs (the others check by replaying the events when asked, which keeps the
   * cost per command low).
   */
  SessionRecorder(String name, ProfileChoice profile, boolean judging) {
    this.name = name;
    this.profile = profile;
    this.validator = judging ? new Validator(name, "", FORMAT, profile, false) : null;
    lines.add("# ftpseq live transcript: " + name);
  }

  String name() {
    return name;
  }

  /**
   * Records from now on where each command was sent from ({@link CallSite}), so that a test failure
   * can point at the line of the code under test. Only the JUnit extension asks for it: walking the
   * stack costs a few microseconds per command.
   */
  synchronized void recordCallSites() {
    recordingCallSites = true;
    while (sites.size() < commandLines.size()) {
      sites.add(NO_SITE);
    }
  }

  /**
   * The profile the session is checked with: the chosen one, or with {@code auto} the one the
   * greeting picked so far.
   */
  synchronized ServerProfile profile() {
    return validator != null ? validator.profile() : check().profile();
  }

  /**
   * Records a command line as it went on the wire (line ending allowed). {@code automatic} marks a
   * command Commons Net sent on its own, whose findings are not the caller's doing: a {@link
   * NoteKind#LIBRARY_COMMAND} note goes before it, which {@code ftpseq check} reads back from the
   * transcript's {@code # sent by Commons Net itself: ...} line.
   */
  synchronized void command(String wireLine, boolean automatic, String why) {
    String text = wireLine.strip();
    if (!text.isEmpty()) {
      secrets.learnCommand(text);
      command(Command.parse(text), automatic, why);
    }
  }

  /** Learns the secrets a command line shows as it goes on the wire, to mask their echoes. */
  synchronized void secretsIn(String wireLine) {
    secrets.learnCommand(wireLine);
  }

  /**
   * Records a parsed command; see {@link #command(String, boolean, String)}. A secret the session
   * showed before (the password, sent again as a file name) is masked in what the command shows.
   */
  synchronized void command(Command sent, boolean automatic, String why) {
    Command command = sent.masked(secrets);
    if (automatic) {
      note(NoteKind.LIBRARY_COMMAND, "sent by Commons Net itself: " + why);
    }
    long line = lines.size() + 1L;
    lines.add("C: " + command.text());
    commandLines.add(line);
    if (recordingCallSites) {
      sites.add(automatic ? NO_SITE : sameAsLast(CallSite.here()));
    }
    accept(new CommandSent(new Source(name, line), command));
  }

  /**
   * Records a reply as a listener gets it: the code and every line joined by CRLF. Code 0 is
   * Commons Net's pseudo-reply for its NAT workaround, not a server reply, so it becomes a comment.
   */
  synchronized void reply(int code, String message) {
    List<String> replyLines = lines(secrets.mask(message));
    if (code < 100 || code > 699 || replyLines.isEmpty()) {
      lines.add("# Commons Net note: " + secrets.mask(message.strip()));
      return;
    }
    long line = lines.size() + 1L;
    for (String replyLine : replyLines) {
      lines.add("S: " + replyLine);
    }
    accept(new ReplyReceived(new Source(name, line), new Reply(new ReplyCode(code), replyLines)));
  }

  /** The reply's lines: Commons Net ends each with CRLF; a line ending never makes a line. */
  private static List<String> lines(String message) {
    List<String> out = new ArrayList<>(2);
    int start = 0;
    while (start < message.length()) {
      int end = message.indexOf('\n', start);
      int next = end < 0 ? message.length() : end + 1;
      int stop = end < 0 ? message.length() : end;
      if (stop > start && message.charAt(stop - 1) == '\r') {
        stop--;
      }
      out.add(message.substring(start, stop));
      start = next;
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /**
   * Records a note about what the record cannot show, as an event and as the comment that the
   * dialogue format reads back as the same note.
   */
  synchronized void note(NoteKind kind, String detail) {
    long line = lines.size() + 1L;
    String mark =
        switch (kind) {
          case START_MISSING -> "start missing: ";
          case LINES_MISSING -> "lines missing: ";
          case ENCRYPTED -> "encrypted: ";
          case TLS_FROM_CONNECT -> "TLS from connect: ";
          case NOT_FROM_SERVER -> "not from the server: ";
          case CONNECTED -> "connected: ";
          case REFUSED_BEFORE_SENDING -> "refused by ftpseq before sending: ";
          case CLOSED_BY_SERVER -> "closed by the server: ";
          case LIBRARY_COMMAND,
              UNLOGGED_COMMANDS,
              DATA_OPENED,
              DATA_CLOSED,
              CLOSED_EARLY,
              GROUPED_BY_CLIENT,
              UNREADABLE_REPLY ->
              "";
        };
    lines.add("# " + mark + detail);
    accept(new Note(new Source(name, line), kind, detail));
  }

  /** Records a comment in the transcript only. */
  synchronized void comment(String text) {
    lines.add("# " + text);
  }

  /**
   * The findings the command would raise if it were sent now.
   *
   * @throws IllegalStateException if the recorder was made without judging
   */
  synchronized List<Finding> judge(String command, String args) {
    if (validator == null) {
      throw new IllegalStateException("this recorder was made without judging");
    }
    return validator.judge(
        new CommandSent(new Source(name, lines.size() + 1L), parse(command, args)));
  }

  /** A command about to be sent, secrets the session showed before masked. */
  private Command parse(String command, String args) {
    String line = args == null || args.isEmpty() ? command : command + " " + args;
    return Command.parse(line).masked(secrets);
  }

  /** Records a command refused before sending, with what it would have broken. */
  synchronized void blocked(String command, String args, List<Finding> findings) {
    // read back by the dialogue format as a REFUSED_BEFORE_SENDING note, judged as here
    lines.add("# refused by ftpseq before sending: " + parse(command, args).text());
    blocked.addAll(findings);
    StackTraceElement[] site = recordingCallSites ? sameAsLast(CallSite.here()) : NO_SITE;
    findings.forEach(f -> blockedSites.add(site));
  }

  /**
   * Where the command a finding is about was sent from (or, refused, was to be sent from): the
   * frames of the code under test, empty when call sites were not recorded or the command was
   * Commons Net's own.
   */
  synchronized StackTraceElement[] callSite(Finding finding) {
    int refused = blocked.indexOf(finding);
    if (refused >= 0) {
      return blockedSites.get(refused).clone();
    }
    int number = commandNumber(finding);
    return number >= 1 && number <= sites.size() ? sites.get(number - 1).clone() : NO_SITE;
  }

  /** The site, or the last one recorded when equal: a loop of commands keeps one array. */
  private StackTraceElement[] sameAsLast(StackTraceElement[] site) {
    if (!sites.isEmpty() && Arrays.equals(sites.get(sites.size() - 1), site)) {
      return sites.get(sites.size() - 1);
    }
    return site;
  }

  synchronized List<SessionEvent> events() {
    return List.copyOf(events);
  }

  synchronized String transcript() {
    return String.join("\n", lines) + "\n";
  }

  synchronized List<Finding> blocked() {
    return List.copyOf(blocked);
  }

  /**
   * What the session's transcript holds, line by line, as {@code ftpseq check} counts it, the
   * transcript named {@code file}.
   */
  synchronized InputSummary summary(String file) {
    long comments = lines.stream().filter(l -> l.startsWith("#")).count();
    return new InputSummary(
        file,
        FORMAT,
        Source.Unit.LINE,
        lines.size(),
        lines.size() - comments,
        comments,
        0,
        1,
        List.of(),
        0);
  }

  /**
   * Checks the session so far as {@code ftpseq check} checks its transcript; findings about
   * commands Commons Net sent on its own are left out in both, by the note marking them. Findings
   * are at lines of the session's name.
   */
  synchronized SessionCheck check() {
    return check(name);
  }

  /**
   * Checks the session so far as {@link #check()} does, each finding at its line of the transcript
   * file named {@code file}, as {@code ftpseq check file} names it.
   */
  synchronized SessionCheck check(String file) {
    Validator replay = new Validator(file, "", FORMAT, profile, false);
    for (SessionEvent event : events) {
      replay.accept(file.equals(name) ? event : in(file, event));
    }
    return replay.finish();
  }

  /**
   * The commands refused before sending, their findings at lines of the file named {@code file}.
   */
  synchronized List<Finding> blocked(String file) {
    if (file.equals(name)) {
      return blocked();
    }
    return blocked.stream().map(f -> in(file, f)).toList();
  }

  /** The event as recorded at its line of the file named {@code file}. */
  private static SessionEvent in(String file, SessionEvent event) {
    if (event instanceof CommandSent sent) {
      return new CommandSent(in(file, sent.source()), sent.command());
    }
    if (event instanceof ReplyReceived received) {
      return new ReplyReceived(in(file, received.source()), received.reply());
    }
    Note note = (Note) event;
    return new Note(in(file, note.source()), note.kind(), note.detail(), note.phrase());
  }

  private static Finding in(String file, Finding finding) {
    return new Finding(
        finding.rule(),
        in(file, finding.source()),
        finding.command(),
        finding.reply(),
        finding.context(),
        finding.contextSource() == null ? null : in(file, finding.contextSource()),
        finding.prediction(),
        finding.replyNotFromServer());
  }

  private static Source in(String file, Source source) {
    return new Source(file, source.line(), source.unit(), source.time());
  }

  /**
   * The 1-based number of the command a finding is about: the last command recorded at or before
   * its line, or the next one for a command refused before sending.
   */
  synchronized int commandNumber(Finding finding) {
    long line = finding.source().line();
    int count = 0;
    for (long commandLine : commandLines) {
      if (commandLine > line) {
        break;
      }
      count++;
    }
    return wasRefused(finding) ? count + 1 : count;
  }

  /** Whether the finding is about a command a strict client refused, so never sent. */
  synchronized boolean wasRefused(Finding finding) {
    return blocked.stream()
        .anyMatch(
            b ->
                b.rule() == finding.rule()
                    && b.source().line() == finding.source().line()
                    && Objects.equals(b.command(), finding.command()));
  }

  private void accept(SessionEvent event) {
    events.add(event);
    if (validator != null) {
      validator.accept(event);
    }
  }
}
