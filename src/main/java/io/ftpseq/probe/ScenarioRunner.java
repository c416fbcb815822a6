package io.ftpseq.probe;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.Verb;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedError;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.commons.net.ftp.FTPClient;

/**
 * Runs scenarios against a server and records every reply. Each scenario gets a fresh scratch
 * directory with one small file, made on a connection of its own before and removed after, and a
 * fresh control connection on which its commands go out verbatim, out-of-order ones included.
 *
 * <p>The runner opens data connections itself after 227 and 229 replies, listens on a port of its
 * own for {@code PORT {port}} and {@code EPRT {eprt}}, and moves the data of transfers. Every wait
 * is bounded: {@code replyTimeout} for each reply, the shorter {@code finalReplyTimeout} for the
 * final reply of a transfer the server started without a data connection (some servers then wait
 * for one until their own time-out). A server silent on a transfer after its passive connection was
 * used (it waits for a new connection to the same passive port, as Pure-FTPd does) gets that
 * connection after the shorter time-out.
 *
 * <pre>{@code
 * ScenarioRunner runner = new ScenarioRunner("127.0.0.1", 2121, "alice", "secret");
 * List<ScenarioResult> results = runner.run(Scenarios.builtIn());
 * }</pre>
 */
public final class ScenarioRunner {

  /** The default bound on each reply; some servers delay the reply to a failed login by 5 s. */
  public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

  /** The default bound on the final reply of a transfer started without a data connection. */
  public static final Duration FINAL_REPLY_TIMEOUT = Duration.ofSeconds(3);

  private static final Pattern PASSIVE_ADDRESS = Pattern.compile("\\(\\d+(,\\d+){5}\\)");
  private static final Pattern EXTENDED_PORT = Pattern.compile("\\(\\|\\|\\|\\d+\\|\\)");
  private static final Pattern TIME = Pattern.compile("\\b\\d{14}(\\.\\d{1,3})?\\b");
  private static final Pattern UNIQUE = Pattern.compile("FILE: \\S+");

  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final Duration replyTimeout;
  private final Duration finalReplyTimeout;

  /** A runner with the default time limits. */
  public ScenarioRunner(String host, int port, String user, String password) {
    this(host, port, user, password, REPLY_TIMEOUT, FINAL_REPLY_TIMEOUT);
  }

  /** A runner with the given time limits. */
  public ScenarioRunner(
      String host,
      int port,
      String user,
      String password,
      Duration replyTimeout,
      Duration finalReplyTimeout) {
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.user = Objects.requireNonNull(user, "user");
    this.password = Objects.requireNonNull(password, "password");
    this.replyTimeout = Objects.requireNonNull(replyTimeout, "replyTimeout");
    this.finalReplyTimeout = Objects.requireNonNull(finalReplyTimeout, "finalReplyTimeout");
  }

  /**
   * Runs the scenarios one after another. Their scratch directories are all made on one setup
   * connection before the first and removed on one connection after the last.
   */
  public List<ScenarioResult> run(List<Scenario> scenarios) {
    ScratchDirectory.Login login =
        new ScratchDirectory.Login(host, port, user, password, replyTimeout);
    List<ScratchDirectory> scratches = new ArrayList<>();
    Phrase setupFailure = null;
    try {
      FTPClient client = login.open();
      try {
        for (int i = 0; i < scenarios.size(); i++) {
          scratches.add(ScratchDirectory.create(client));
        }
      } finally {
        login.close(client);
      }
    } catch (IOException e) {
      setupFailure = Phrase.of("probe.problem.scratchNotMade", PhrasedError.reasonOf(e));
    }
    List<List<Phrase>> problems = new ArrayList<>();
    List<List<StepResult>> steps = new ArrayList<>();
    for (int i = 0; i < scenarios.size(); i++) {
      problems.add(new ArrayList<>());
      steps.add(new ArrayList<>());
      if (setupFailure != null) {
        problems.get(i).add(setupFailure);
        continue;
      }
      try {
        steps.get(i).addAll(new Session(scratches.get(i)).run(scenarios.get(i).steps()));
      } catch (IOException e) {
        problems.get(i).add(Phrase.of("probe.problem.control", PhrasedError.reasonOf(e)));
      }
    }
    boolean[] removed = remove(login, scratches, problems);
    List<ScenarioResult> results = new ArrayList<>();
    for (int i = 0; i < scenarios.size(); i++) {
      String scratch = i < scratches.size() ? scratches.get(i).path() : "";
      results.add(
          new ScenarioResult(scenarios.get(i), steps.get(i), scratch, removed[i], problems.get(i)));
    }
    return results;
  }

  /** Runs one scenario, with a scratch directory of its own. */
  public ScenarioResult run(Scenario scenario) {
    return run(List.of(scenario)).get(0);
  }

  /**
   * Logs in once and out again, so a wrong user name or password is found before any scenario runs
   * rather than once per scenario.
   *
   * @throws IOException naming the server's reply when the login is refused
   */
  public void login() throws IOException {
    ScratchDirectory.Login login =
        new ScratchDirectory.Login(host, port, user, password, replyTimeout);
    login.close(login.open());
  }

  /** The server's greeting, read on a connection of its own. */
  public Reply greeting() throws IOException {
    try (ControlConnection control = ControlConnection.open(host, port, replyTimeout)) {
      Reply greeting = control.read(replyTimeout);
      if (greeting == null) {
        long millis = replyTimeout.toMillis();
        throw new ProbeFailure(
            Phrase.of(
                "probe.failure.noGreeting",
                millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms"));
      }
      return greeting;
    }
  }

  private static boolean[] remove(
      ScratchDirectory.Login login, List<ScratchDirectory> scratches, List<List<Phrase>> problems) {
    boolean[] removed = new boolean[problems.size()];
    if (scratches.isEmpty()) {
      return removed;
    }
    try {
      FTPClient client = login.open();
      try {
        for (int i = 0; i < scratches.size(); i++) {
          removed[i] = scratches.get(i).remove(client);
          if (!removed[i]) {
            problems.get(i).add(Phrase.of("probe.problem.scratchLeft", scratches.get(i).path()));
          }
        }
      } finally {
        login.close(client);
      }
    } catch (IOException e) {
      for (int i = 0; i < scratches.size(); i++) {
        if (!removed[i]) {
          problems.get(i).add(Phrase.of("probe.problem.notRemoved", PhrasedError.reasonOf(e)));
        }
      }
    }
    return removed;
  }

  /** One scenario's control connection and data channel. */
  private final class Session {
    private final ScratchDirectory scratch;
    private final ProbeNames names;

    Session(ScratchDirectory scratch) {
      this.scratch = scratch;
      this.names = new ProbeNames(scratch, user);
    }

    List<StepResult> run(List<Scenario.Step> steps) throws IOException {
      List<StepResult> results = new ArrayList<>();
      try (ControlConnection control = ControlConnection.open(host, port, replyTimeout);
          DataChannel data = new DataChannel(host, replyTimeout)) {
        control.read(replyTimeout);
        int first = 0;
        while (first < steps.size()) {
          int end = first + 1;
          while (end < steps.size() && steps.get(end).pipelined()) {
            end++;
          }
          List<String> lines = new ArrayList<>();
          for (Scenario.Step step : steps.subList(first, end)) {
            lines.add(expand(step.template(), data));
          }
          control.send(lines.toArray(String[]::new));
          for (int i = first; i < end; i++) {
            results.add(collect(i + 1, steps.get(i), lines.get(i - first), control, data));
          }
          first = end;
        }
      }
      return results;
    }

    private StepResult collect(
        int index, Scenario.Step step, String line, ControlConnection control, DataChannel data) {
      Command sent = Command.parse(line);
      Command recorded = Command.parse(names.command(line));
      List<Reply> replies = new ArrayList<>();
      boolean transfer = sent.verb().kind() == Verb.Kind.TRANSFER;
      boolean mayAwaitData = transfer && !data.isPrepared() && data.hasPassiveAddress();
      Reply reply = control.read(mayAwaitData ? finalReplyTimeout : replyTimeout);
      if (reply == null && mayAwaitData && !control.isClosed() && data.reconnect()) {
        reply = control.read(replyTimeout);
      }
      while (reply != null) {
        replies.add(recorded(sent, reply));
        int code = reply.code().value();
        if (code == 227 || code == 229) {
          data.connectAfter(reply);
        }
        if (!reply.code().isPreliminary()) {
          break;
        }
        boolean prepared = data.isPrepared();
        if (prepared && transfer) {
          data.transfer(isUpload(sent.verb()));
        }
        reply = control.read(prepared ? replyTimeout : finalReplyTimeout);
      }
      names.answered(sent, replies.isEmpty() ? 0 : replies.get(0).code().value());
      return new StepResult(index, recorded, replies, step.measures(), control.isClosed());
    }

    private String expand(String template, DataChannel data) throws IOException {
      String line =
          template
              .replace("{user}", user)
              .replace("{password}", password)
              .replace("{file}", scratch.file())
              .replace("{missing}", scratch.missing())
              .replace("{dir}", scratch.path());
      if (line.contains("{port}") || line.contains("{eprt}")) {
        int local = data.listen();
        line =
            line.replace(
                    "{port}", host.replace('.', ',') + "," + (local / 256) + "," + (local % 256))
                .replace("{eprt}", "|1|" + host + "|" + local + "|");
      }
      return line;
    }

    private Reply recorded(Command sent, Reply reply) {
      return new Reply(
          reply.code(), reply.lines().stream().map(l -> names.reply(sent, l)).toList());
    }
  }

  /**
   * The text with the parts that change from run to run written as placeholders: a passive address
   * {@code ({address})}, an extended passive port {@code (|||{port}|)}, a modification time {@code
   * {time}} and a unique name chosen by STOU {@code FILE: {unique}}.
   */
  static String varying(String text) {
    return PASSIVE_ADDRESS
        .matcher(text)
        .replaceAll("({address})")
        .transform(t -> EXTENDED_PORT.matcher(t).replaceAll("(|||{port}|)"))
        .transform(t -> TIME.matcher(t).replaceAll("{time}"))
        .transform(t -> UNIQUE.matcher(t).replaceAll("FILE: {unique}"));
  }

  private static boolean isUpload(Verb verb) {
    return verb == Verb.STOR || verb == Verb.STOU || verb == Verb.APPE;
  }
}
