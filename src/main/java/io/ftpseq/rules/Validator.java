package io.ftpseq.rules;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.SessionCheck.Start;
import io.ftpseq.session.Exchange;
import io.ftpseq.session.ExchangePairer;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Replays one session through the sequence model: pairs its commands with replies, judges each
 * command against the state before it with every client rule, checks the server's reply, and moves
 * to the state after it.
 *
 * <p>A {@link ServerModel} of the session's server profile follows along from the session's start
 * and predicts each reply; a first reply with another code is reported. With {@code --profile auto}
 * the profile is picked from the greeting, or from the reply to SYST.
 *
 * <p>Use: {@link #accept} every event of the session in order, {@link #problem} every line that
 * could not be read, then {@link #finish}. Memory is bounded: past {@link #LISTED_FINDINGS}
 * findings (and the bounds for problems, notes and steps) a session's items are counted, not
 * listed.
 */
public final class Validator implements ExchangePairer.Listener {

  /** How many findings of one session are listed; the others are counted. */
  public static final int LISTED_FINDINGS = 10_000;

  /** How many problems of one session are listed; the others are counted. */
  public static final int LISTED_PROBLEMS = 1_000;

  /** How many notes of one session are listed; the others are counted. */
  public static final int LISTED_NOTES = 1_000;

  /** How many steps of one session are kept for reports that draw them. */
  public static final int KEPT_STEPS = 100_000;

  /** Commands that start a session afresh, so a record that begins with them misses nothing. */
  private static final Set<Verb> SESSION_OPENERS = Set.of(Verb.USER, Verb.AUTH, Verb.HOST);

  // the security exchange (RFC 2228): whoever answers it is the end of the client's TLS
  private static final Set<Verb> SECURITY =
      Set.of(Verb.AUTH, Verb.ADAT, Verb.PBSZ, Verb.PROT, Verb.CCC);

  /**
   * The client rules that guard each verb, in table order, by the verb's ordinal: looked up once
   * per command instead of asking every rule.
   */
  private static final Map<Verb, List<Rule>> CLIENT_RULES_BY_VERB = clientRulesByVerb();

  /** The security facet of a session whose control connection is TLS from connect. */
  private static final SessionState.Security TLS_DONE =
      new SessionState.Security(SessionState.Auth.DONE, Known.NO);

  private final String source;
  private final String session;
  private final String format;
  private final ProfileChoice choice;
  private ServerProfile profile;
  private ProfileBasis basis;
  private ServerModel model;
  private final ExchangePairer pairer = new ExchangePairer(this);
  private final List<Finding> findings = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private final List<Note> notes = new ArrayList<>();
  private final Unlisted.Counter unlisted = new Unlisted.Counter();

  /** The findings of the exchange being judged, kept until it is known whose they are. */
  private final List<Finding> found = new ArrayList<>();

  private final List<Step> steps;
  private final Set<Source> libraryCommands = new HashSet<>();
  private boolean libraryCommandNext;
  // replies a proxy between client and server made itself, by source, until their exchange comes
  private final Set<Source> ownReplies = new HashSet<>();
  private boolean ownReplyNext;
  private boolean tlsFromConnect;
  private boolean unloggedCommandsListed;
  // the record showed the connection open and nothing since: a 220 now is the greeting
  private boolean awaitingGreeting;
  private SessionState state = SessionState.unknown();
  // the server closed the connection: the exchanges given until the note's event is done were
  // cut off
  private Note closedByServer;
  // the record ended: the exchanges given now are those still waiting at its end
  private boolean recordEnded;
  private Start start;
  private boolean encrypted;
  private int commands;
  private int replies;

  /** A validator for one session of one input. */
  public Validator(String source, String session, String format, ServerProfile profile) {
    this(source, session, format, profile, false);
  }

  /**
   * A validator that, when {@code keepSteps} is set, also keeps every step of the session for
   * reports that draw or annotate them (memory then grows with the session).
   */
  public Validator(
      String source, String session, String format, ServerProfile profile, boolean keepSteps) {
    this(source, session, format, ProfileChoice.of(profile), keepSteps);
  }

  /** A validator whose profile is named or picked per session ({@code --profile auto}). */
  public Validator(
      String source, String session, String format, ProfileChoice choice, boolean keepSteps) {
    this.source = source;
    this.session = session;
    this.format = format;
    this.choice = choice;
    this.profile = choice.profile();
    this.basis = choice.auto() ? ProfileBasis.UNRECOGNISED : ProfileBasis.NAMED;
    this.steps = keepSteps ? new ArrayList<>() : null;
  }

  /**
   * The profile the session is checked with so far: the named one, or with {@code --profile auto}
   * the one the greeting or SYST reply picked (the fallback until then).
   */
  public ServerProfile profile() {
    return profile;
  }

  /** Takes the session's next event. */
  public void accept(SessionEvent event) {
    if (event instanceof CommandSent command) {
      commands++;
      if (libraryCommandNext) {
        libraryCommands.add(command.source());
        libraryCommandNext = false;
      }
    } else if (event instanceof ReplyReceived reply) {
      replies++;
      if (ownReplyNext) {
        ownReplies.add(reply.source());
        ownReplyNext = false;
      }
    }
    pairer.accept(event);
    if (closedByServer != null) {
      // nothing more comes on the closed connection: what follows it, short of a new
      // connection, is of unknown state
      closedByServer = null;
      state = SessionState.unknown();
      model = null;
      awaitingGreeting = false;
    }
  }

  /** Records a line of the session that could not be read. */
  public void problem(Problem problem) {
    if (problems.size() < LISTED_PROBLEMS) {
      problems.add(problem);
    } else {
      unlisted.problem();
    }
  }

  /** Ends the session and returns what was found. */
  public SessionCheck finish() {
    pairer.finish();
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Finding.BY_POSITION);
    return new SessionCheck(
        source,
        session,
        format,
        profile,
        basis,
        start == null ? Start.COMPLETE : start,
        sorted,
        problems,
        commands,
        replies,
        steps == null ? List.of() : steps,
        notes,
        unlisted.counts());
  }

  @Override
  public void note(Note note) {
    // a record that logs only some commands says so before every line: listing it once is enough
    boolean repeated = note.kind() == NoteKind.UNLOGGED_COMMANDS && unloggedCommandsListed;
    if (note.kind().isReported() && !repeated) {
      unloggedCommandsListed |= note.kind() == NoteKind.UNLOGGED_COMMANDS;
      if (notes.size() < LISTED_NOTES) {
        notes.add(note);
      } else {
        unlisted.note();
      }
    }
    switch (note.kind()) {
      // commands missing before the first line the record shows: it cannot show the start either
      case START_MISSING, UNLOGGED_COMMANDS -> {
        if (start == null) {
          start = Start.MID_SESSION;
        }
        state = SessionState.unknown();
        model = null;
        awaitingGreeting = false;
      }
      case LINES_MISSING, UNREADABLE_REPLY -> {
        state = SessionState.unknown();
        model = null;
        awaitingGreeting = false;
      }
      case CONNECTED -> {
        if (start == null) {
          start = Start.COMPLETE;
          state = initialState();
          model = profile.newModel(state);
          awaitingGreeting = true;
        } else if (commands + replies > 0) {
          // connected again in one record (a live client reused): the new connection starts
          // afresh, logged out, owing nothing to the old one; its own note says if it is TLS too
          tlsFromConnect = false;
          state = initialState();
          model = profile.newModel(state);
          awaitingGreeting = true;
        }
      }
      case ENCRYPTED -> encrypted = true;
      case LIBRARY_COMMAND -> libraryCommandNext = true;
      case NOT_FROM_SERVER -> ownReplyNext = true;
      case TLS_FROM_CONNECT -> {
        tlsFromConnect = true;
        if (start != null) {
          state = state.withSecurity(TLS_DONE);
          model = model == null ? null : profile.newModel(state);
        }
      }
      case CLOSED_BY_SERVER -> closedByServer = note;
      case REFUSED_BEFORE_SENDING -> {
        // judged as the live check judged it before refusing it: the state does not move
        for (Finding finding :
            judge(new CommandSent(note.source(), Command.parse(note.detail())))) {
          list(finding);
        }
      }
      case DATA_OPENED, DATA_CLOSED, CLOSED_EARLY, GROUPED_BY_CLIENT -> {
        // shown in the report; the transfer's replies say whether it worked
      }
    }
  }

  @Override
  public void recordEnds() {
    recordEnded = true;
  }

  @Override
  public void exchange(Exchange exchange) {
    if (encrypted) {
      return;
    }
    boolean notFromServer = !ownReplies.isEmpty() && ownedReply(exchange);
    if (exchange.isUnsolicited()) {
      if (!notFromServer) {
        unsolicited(exchange);
      }
      keep(exchange, null);
      return;
    }
    Command command = exchange.command().command();
    awaitingGreeting = false;
    if (start == null) {
      boolean fresh = SESSION_OPENERS.contains(command.verb());
      start = fresh ? Start.COMPLETE : Start.MID_SESSION;
      state = fresh ? initialState() : SessionState.unknown();
      model = fresh ? profile.newModel(state) : null;
    }
    Prediction prediction = model == null ? null : model.predict(command);
    if (notFromServer) {
      answeredBetween(exchange, command, prediction);
      return;
    }
    Reply finalReply = exchange.finalReply().map(ReplyReceived::reply).orElse(null);
    boolean undecided = false;
    Rule refusable = null;
    found.clear();
    Reply firstReply = exchange.replies().isEmpty() ? null : exchange.replies().get(0).reply();
    for (Rule rule : CLIENT_RULES_BY_VERB.get(command.verb())) {
      Verdict verdict = rule.judge(state, command);
      if (verdict.isBroken() && stands(rule, command, prediction, firstReply)) {
        add(rule, exchange, finalReply, verdict, prediction);
        if (rule.serverMustRefuse(command.verb()) && refusable == null) {
          refusable = rule;
        }
      } else if (verdict.outcome() == Known.UNKNOWN) {
        undecided = true;
      }
    }
    if (found.isEmpty()) {
      ReplyReceived first = exchange.firstReply().orElse(null);
      Optional<Finding> refusal =
          serverRefusal(
              prediction, exchange.source(), command, first == null ? null : first.reply());
      if (refusal.isPresent()) {
        found.add(refusal.get());
      }
    }
    checkReplies(exchange);
    checkPrediction(exchange, prediction);
    if (finalReply == null) {
      unfinished(exchange).ifPresent(found::add);
    }
    if (finalReply != null) {
      checkSequenceReply(exchange, finalReply, !found.isEmpty(), undecided);
      if (refusable != null && finalReply.code().isPositive()) {
        found.add(
            new Finding(
                Rule.BAD_ORDER_ACCEPTED, exchange.source(), command, finalReply, null, null));
      }
    }
    Reply last =
        exchange.replies().isEmpty()
            ? null
            : exchange.replies().get(exchange.replies().size() - 1).reply();
    SessionState before = state;
    state = Transitions.after(before, exchange.command(), firstReply, last);
    if (model != null) {
      model.observe(exchange.command(), replies(exchange), before, state);
      if (command.verb() == Verb.SYST && finalReply != null) {
        detect(ProfileBasis.Kind.SYST, finalReply);
      }
    }
    keep(exchange, prediction);
    // The client library's own command: the state moves, the findings are not the caller's.
    if (libraryCommands.isEmpty() || !libraryCommands.remove(exchange.command().source())) {
      for (Finding finding : found) { // a loop: a method reference would be made per exchange
        list(finding);
      }
    }
  }

  /**
   * Whether a broken client rule is reported. A rule the RFCs require every server to enforce for
   * the command always is; one they leave to the server here (LOGIN_REQUIRED for TYPE, MODE, STRU,
   * PORT, PASV or PWD, which the RFCs allow before login) only where the session's server profile
   * says this server refuses the command here and the server did not accept it: a finding about
   * that server, never with the {@code rfc} profile.
   *
   * @param first the server's first reply to the command, or {@code null} when none is known
   */
  private boolean stands(Rule rule, Command command, Prediction prediction, Reply first) {
    if (!rule.serverMustRefuse() || rule.serverMustRefuse(command.verb())) {
      return true;
    }
    return prediction != null
        && !profile.isRfc()
        && prediction.situation().situation().rule().orElse(null) == rule
        && prediction.isRefusal()
        && (first == null || !first.code().isPositive());
  }

  /** The finding with the profile's prediction, which says what this server answers. */
  private static Finding withPrediction(Finding finding, Prediction prediction) {
    return new Finding(
        finding.rule(),
        finding.source(),
        finding.command(),
        finding.reply(),
        finding.context(),
        finding.contextSource(),
        prediction);
  }

  /** Whether a reply of the exchange was made between client and server; forgets it if so. */
  private boolean ownedReply(Exchange exchange) {
    boolean owned = false;
    for (ReplyReceived reply : exchange.replies()) {
      owned |= ownReplies.remove(reply.source());
    }
    return owned;
  }

  /**
   * An exchange answered by a proxy between client and server: the command never reached the
   * server, so the client rules judge it as sent, but its reply is not the server's to check, and
   * findings show it as the proxy's. Of the state, only the security exchange moves: whoever
   * answered AUTH, PBSZ or PROT is the TLS end the client talks to (a proxy that ends TLS itself),
   * so what the server would answer to them does not matter either. A later command is judged by
   * what the server saw.
   */
  private void answeredBetween(Exchange exchange, Command command, Prediction prediction) {
    Reply finalReply = exchange.finalReply().map(ReplyReceived::reply).orElse(null);
    found.clear();
    for (Rule rule : CLIENT_RULES_BY_VERB.get(command.verb())) {
      Verdict verdict = rule.judge(state, command);
      if (verdict.isBroken() && stands(rule, command, prediction, null)) {
        add(rule, exchange, finalReply, verdict, prediction);
      }
    }
    if (found.isEmpty() && !SECURITY.contains(command.verb())) {
      serverRefusal(prediction, exchange.source(), command, null).ifPresent(found::add);
    }
    Reply last =
        exchange.replies().isEmpty()
            ? null
            : exchange.replies().get(exchange.replies().size() - 1).reply();
    state = state.withSecurity(Transitions.after(state, exchange.command(), last).security());
    keep(exchange, prediction);
    if (libraryCommands.isEmpty() || !libraryCommands.remove(exchange.command().source())) {
      for (Finding finding : found) {
        list(finding.reply() == null ? finding : finding.notFromServer());
      }
    }
  }

  /**
   * What a command without a final reply says: cut off by the server where it closed the connection
   * ({@link Rule#CONNECTION_CLOSED_DURING_COMMAND}); a transfer under way where the record simply
   * ends ({@link Rule#RECORD_ENDS_DURING_TRANSFER}). Elsewhere (a record that lost lines, a new
   * connection, an aborted transfer) the record does not show why none came.
   */
  private Optional<Finding> unfinished(Exchange exchange) {
    Command command = exchange.command().command();
    Reply last =
        exchange.replies().isEmpty()
            ? null
            : exchange.replies().get(exchange.replies().size() - 1).reply();
    if (closedByServer != null) {
      return Optional.of(
          new Finding(
              Rule.CONNECTION_CLOSED_DURING_COMMAND, exchange.source(), command, last, null, null));
    }
    if (recordEnded && last != null && command.verb().isTransfer()) {
      return Optional.of(
          new Finding(
              Rule.RECORD_ENDS_DURING_TRANSFER, exchange.source(), command, last, null, null));
    }
    return Optional.empty();
  }

  /**
   * Lists a finding, or past the bound counts it ({@link SessionCheck#unlisted}, which the reports
   * say). A finding not listed is no problem of the input: all of it was read.
   */
  private void list(Finding finding) {
    if (findings.size() < LISTED_FINDINGS) {
      findings.add(finding);
      return;
    }
    unlisted.finding(finding.severity());
  }

  /** Keeps the step, when steps are kept, with the state it left the session in. */
  private void keep(Exchange exchange, Prediction prediction) {
    if (steps != null && steps.size() < KEPT_STEPS) {
      steps.add(new Step(exchange, prediction, state));
    } else if (steps != null) {
      unlisted.step();
    }
  }

  /**
   * The state at the session's start: with TLS from connect (implicit FTPS) the security exchange
   * is already done, as if AUTH had been answered 234.
   */
  private SessionState initialState() {
    SessionState initial = SessionState.initial();
    return tlsFromConnect ? initial.withSecurity(TLS_DONE) : initial;
  }

  /**
   * Reports a first reply whose code differs from the profile's prediction in a sequence situation.
   * The {@code rfc} profile is left out: {@link Rule#REPLY_NOT_ALLOWED} covers the replies the RFCs
   * do not list. So are a command's usual replies ({@code REPLY:<VERB>}): whether RNFR or RETR
   * succeeds depends on files and rights the record does not show. A 125 where 150 is predicted, or
   * the reverse, agrees: which comes depends on when the client connected its data channel.
   */
  private void checkPrediction(Exchange exchange, Prediction prediction) {
    if (prediction == null
        || prediction.code() == 0
        || prediction.situation().isUsualReply()
        || profile.isRfc()
        || exchange.replies().isEmpty()) {
      return;
    }
    ReplyReceived first = exchange.replies().get(0);
    if (!prediction.agreesWith(first.reply().code().value())) {
      found.add(
          new Finding(
              Rule.REPLY_DIFFERS_FROM_PROFILE,
              first.source(),
              exchange.command().command(),
              first.reply(),
              null,
              null,
              prediction));
    }
  }

  /**
   * A command in order by the RFCs that the session's server refuses where it stands: the profile
   * predicts a refusal from the session's state, and the record shows no reply or a refusal too.
   * Only with a server profile: the {@code rfc} profile's refusals are the client rules' own. A
   * command of no verb the RFCs define is in no order by them: vsftpd's 530 to {@code XYZZY} before
   * login is no refusal of an order the RFCs allow.
   *
   * @param first the server's first reply to the command, or {@code null} when none is known
   */
  private Optional<Finding> serverRefusal(
      Prediction prediction, Source source, Command command, Reply first) {
    if (prediction == null
        || command.verb() == Verb.OTHER
        || profile.isRfc()
        || prediction.situation().situation().kind() != Situation.Kind.ORDER
        || !prediction.isRefusal()
        || (first != null && first.code().isPositive())) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(Rule.SERVER_SPECIFIC_REFUSAL, source, command, first, null, null, prediction));
  }

  /**
   * With {@code --profile auto}, picks the built-in profile the reply identifies: the greeting
   * first; the reply to SYST only while the greeting identified nothing.
   */
  private void detect(ProfileBasis.Kind kind, Reply reply) {
    if (!choice.auto() || (basis.kind() != ProfileBasis.Kind.UNRECOGNISED)) {
      return;
    }
    String text = String.join("\n", reply.lines());
    (kind == ProfileBasis.Kind.GREETING
            ? ServerProfiles.detect(text)
            : ServerProfiles.detectFromSyst(text))
        .ifPresent(
            found -> {
              profile = found;
              basis = new ProfileBasis(kind, reply.firstLine());
              if (model != null) {
                model = model.withProfile(found);
              }
            });
  }

  private void unsolicited(Exchange exchange) {
    ReplyReceived first = exchange.replies().get(0);
    int code = first.reply().code().value();
    boolean greeting = code == 120 || code == 220 || code == 421;
    boolean awaited = awaitingGreeting;
    awaitingGreeting = false;
    if (start == null) {
      start = greeting ? Start.COMPLETE : Start.MID_SESSION;
      state = greeting ? initialState() : SessionState.unknown();
      model = greeting ? profile.newModel(state) : null;
      if (greeting) {
        detectFromGreeting(exchange);
      }
    } else if (awaited && greeting) {
      // the greeting after the record showed the connection open: the state is still the first
      detectFromGreeting(exchange);
    } else if (code != 421) {
      // A reply no command asked for: the record lost the command that did.
      state = SessionState.unknown();
      model = null;
    }
  }

  private void detectFromGreeting(Exchange exchange) {
    for (ReplyReceived reply : exchange.replies()) {
      if (reply.reply().code().value() == 220) {
        detect(ProfileBasis.Kind.GREETING, reply.reply());
      }
    }
  }

  /**
   * The findings the client rules raise for {@code next} if it were sent now, judged against the
   * state after every exchange completed so far; nothing is changed. This lets a live client refuse
   * a command before it goes on the wire. An exchange still waiting for its final reply (a running
   * transfer) has not moved the state yet.
   *
   * @param next the command about to be sent, with the source it will have
   * @return the broken rules' findings, without a reply, or else the server profile's refusal
   *     ({@link Rule#SERVER_SPECIFIC_REFUSAL}); empty when the command is in order
   */
  public List<Finding> judge(CommandSent next) {
    if (encrypted) {
      return List.of();
    }
    Command command = next.command();
    SessionState now = state;
    if (start == null) {
      now = SESSION_OPENERS.contains(command.verb()) ? initialState() : SessionState.unknown();
    }
    List<Finding> broken = new ArrayList<>();
    Prediction prediction = model == null ? null : model.predict(command);
    for (Rule rule : CLIENT_RULES_BY_VERB.get(command.verb())) {
      Verdict verdict = rule.judge(now, command);
      if (verdict.isBroken() && stands(rule, command, prediction, null)) {
        Finding finding = finding(rule, next.source(), command, null, verdict);
        broken.add(
            rule.serverMustRefuse(command.verb()) ? finding : withPrediction(finding, prediction));
      }
    }
    if (broken.isEmpty() && prediction != null) {
      serverRefusal(prediction, next.source(), command, null).ifPresent(broken::add);
    }
    return broken;
  }

  /**
   * The findings found since the first {@code seen} of them, in the order they were found (not yet
   * sorted by position): a live check reports each once, when the exchange it is about completes.
   * {@link #finish} may find more.
   *
   * @param seen how many findings the caller has already taken
   */
  public List<Finding> findingsSince(int seen) {
    return seen >= findings.size()
        ? List.of()
        : List.copyOf(findings.subList(Math.max(seen, 0), findings.size()));
  }

  /**
   * What the session's server profile predicts the server answers to {@code next} if it were sent
   * now; empty while the record does not show enough of the session to predict. Nothing is changed.
   */
  public Optional<Prediction> predict(Command next) {
    return model == null || encrypted ? Optional.empty() : Optional.of(model.predict(next));
  }

  /**
   * Adds a client rule's finding; the model's prediction goes with it when it comes from a sequence
   * situation, so the message can say what this server answers here.
   */
  private void add(
      Rule rule, Exchange exchange, Reply finalReply, Verdict verdict, Prediction prediction) {
    Finding finding =
        finding(rule, exchange.source(), exchange.command().command(), finalReply, verdict);
    if (prediction != null && prediction.isSituation() && rule != Rule.DATA_CHANNEL_UNUSED) {
      finding = withPrediction(finding, prediction);
    }
    found.add(finding);
  }

  private static Finding finding(
      Rule rule, Source source, Command command, Reply finalReply, Verdict verdict) {
    if (rule == Rule.DATA_CHANNEL_UNUSED) {
      // Reported where the unused channel was prepared; the command that abandoned it is context.
      return new Finding(rule, verdict.contextSource(), verdict.context(), null, command, source);
    }
    return new Finding(
        rule, source, command, finalReply, verdict.context(), verdict.contextSource());
  }

  /**
   * Reports the first reply whose code the RFCs do not list for the command ({@link
   * Command#allowsReply(int)}: 504 is allowed to any command sent with a parameter). Unless the
   * session is known to be logged in, 530 Not logged in is a legal answer to any command: RFC 959
   * §4.1.1 lets a server require USER first ("some servers may require this"), and the five servers
   * the tests run put SYST, HELP, NOOP, STAT, SITE, FEAT, OPTS, MODE, TYPE or STRU behind login
   * each in its own way, which their profiles record. Where the record does not show the login (it
   * starts mid-session), the 530 says the session was not logged in; it is no unlisted reply.
   */
  private void checkReplies(Exchange exchange) {
    Command command = exchange.command().command();
    boolean beforeLogin = state.login() != SessionState.Login.LOGGED_IN;
    for (ReplyReceived reply : exchange.replies()) {
      int code = reply.reply().code().value();
      if (!command.allowsReply(code) && !(code == 530 && beforeLogin)) {
        found.add(
            new Finding(
                Rule.REPLY_NOT_ALLOWED, reply.source(), command, reply.reply(), null, null));
        return;
      }
    }
  }

  /**
   * A 503 (or a 530 once logged in) after an order the model finds legal means the server assumes a
   * different state; when the model could not decide, the 503 is reported as seen. A command of no
   * verb the RFCs define has no order to be legal or not: its 503 (bftpd's to anything before
   * login) is the server's own rule, which the reply's explanation says.
   */
  private void checkSequenceReply(
      Exchange exchange, Reply reply, boolean clientRuleBroken, boolean undecided) {
    int code = reply.code().value();
    Command command = exchange.command().command();
    boolean sequenceReply =
        code == 503
            || (code == 530
                && command.verb().needsLogin()
                && state.login() == SessionState.Login.LOGGED_IN);
    if (!sequenceReply || clientRuleBroken || command.verb() == Verb.OTHER) {
      return;
    }
    Rule rule =
        undecided || state.previous().status() == Known.UNKNOWN
            ? Rule.SEQUENCE_REPLY_UNEXPLAINED
            : Rule.SEQUENCE_REPLY_TO_LEGAL_ORDER;
    found.add(new Finding(rule, exchange.source(), command, reply, null, null));
  }

  private static Map<Verb, List<Rule>> clientRulesByVerb() {
    Map<Verb, List<Rule>> byVerb = new EnumMap<>(Verb.class);
    for (Verb verb : Verb.values()) {
      byVerb.put(
          verb,
          Stream.of(Rule.values())
              .filter(rule -> rule.isClientRule() && rule.guards(verb))
              .toList());
    }
    return Collections.unmodifiableMap(byVerb);
  }

  /** The replies of an exchange, without where they were recorded. */
  private static List<Reply> replies(Exchange exchange) {
    List<ReplyReceived> received = exchange.replies();
    if (received.size() == 1) {
      return List.of(received.get(0).reply());
    }
    List<Reply> replies = new ArrayList<>(received.size());
    for (ReplyReceived reply : received) {
      replies.add(reply.reply());
    }
    return replies;
  }
}
