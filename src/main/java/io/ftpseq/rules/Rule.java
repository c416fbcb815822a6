package io.ftpseq.rules;

import static io.ftpseq.protocol.Verb.ADAT;
import static io.ftpseq.protocol.Verb.APPE;
import static io.ftpseq.protocol.Verb.EPRT;
import static io.ftpseq.protocol.Verb.HOST;
import static io.ftpseq.protocol.Verb.LPRT;
import static io.ftpseq.protocol.Verb.LPSV;
import static io.ftpseq.protocol.Verb.PASS;
import static io.ftpseq.protocol.Verb.PASV;
import static io.ftpseq.protocol.Verb.PBSZ;
import static io.ftpseq.protocol.Verb.PORT;
import static io.ftpseq.protocol.Verb.PROT;
import static io.ftpseq.protocol.Verb.QUIT;
import static io.ftpseq.protocol.Verb.REIN;
import static io.ftpseq.protocol.Verb.RETR;
import static io.ftpseq.protocol.Verb.RNTO;
import static io.ftpseq.protocol.Verb.SPSV;
import static io.ftpseq.protocol.Verb.STOR;
import static io.ftpseq.protocol.Verb.USER;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.SessionState.Auth;
import io.ftpseq.rules.SessionState.Login;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The table of ordering rules. Each constant's name is its stable id, used in reports, docs and
 * message keys; its texts (message, explanation, fix) live in the {@code explain} bundles.
 *
 * <p>Client rules judge a command against the state before it. Server rules judge the server's
 * reply; the {@link Validator} applies them, so they have no check here.
 */
@SuppressWarnings("ImmutableEnumChecker") // guards and checks are stateless lambdas
public enum Rule {
  /** RFC 959 §4.1.1: PASS "must be immediately preceded by the user name command". */
  PASS_WITHOUT_USER(Severity.ERROR, "RFC 959 §4.1.1", 503, true, only(PASS), Rule::passWithoutUser),

  /** RFC 959 §4.1.1: USER was accepted, but another command came between it and PASS. */
  PASS_NOT_AFTER_USER(
      Severity.ERROR, "RFC 959 §4.1.1", 503, true, only(PASS), Rule::passNotAfterUser),

  /** RFC 959 §4.1.1, §6: ACCT is part of login only when a 332 asks for it. */
  ACCT_NOT_REQUESTED(
      Severity.WARNING, "RFC 959 §4.1.1, §6", 0, false, only(Verb.ACCT), Rule::acctNotRequested),

  /** RFC 959 §4.1.3: RNTO names the new path of "the immediately preceding" RNFR. */
  RNTO_WITHOUT_RNFR(
      Severity.ERROR,
      "RFC 959 §4.1.3",
      503,
      true,
      only(RNTO),
      (s, c) ->
          switch (s.rename().status()) {
            case YES -> Verdict.KEPT;
            case UNKNOWN -> Verdict.UNDECIDED;
            case NO ->
                s.previous().status() == Known.YES
                    ? Verdict.broken(s.previous())
                    : Verdict.broken();
          }),

  /** RFC 959 §4.1.3: RNFR "must be immediately followed by a 'rename to' command". */
  RNFR_NOT_FOLLOWED_BY_RNTO(
      Severity.ERROR,
      "RFC 959 §4.1.3",
      0,
      false,
      v -> v != RNTO,
      (s, c) -> Verdict.brokenIfSet(s.rename())),

  /**
   * RFC 959 §4.1.3 and RFC 3659 §5.3: REST "shall be immediately followed by the appropriate FTP
   * service command"; anything else is undefined behaviour.
   */
  REST_NOT_BEFORE_TRANSFER(
      Severity.WARNING,
      "RFC 959 §4.1.3; RFC 3659 §5.3",
      0,
      false,
      v -> v != RETR && v != STOR && v != APPE,
      (s, c) -> Verdict.brokenIfSet(s.restart())),

  /**
   * RFC 959 §3.2: without PORT or PASV the server connects to the client's default data port.
   * Legal, but most servers refuse it (vsftpd: 425), and it fails behind NAT and firewalls.
   */
  TRANSFER_WITHOUT_DATA_CHANNEL(
      Severity.WARNING,
      "RFC 959 §3.2",
      425,
      false,
      Verb::isTransfer,
      (s, c) ->
          switch (s.data().status()) {
            case NO -> Verdict.broken();
            case UNKNOWN -> Verdict.UNDECIDED;
            case YES -> Verdict.KEPT;
          }),

  /**
   * RFC 959 §3.2: a data channel was prepared and then replaced or abandoned before any transfer
   * used it; a passive listener is left open for nothing.
   */
  DATA_CHANNEL_UNUSED(
      Severity.WARNING,
      "RFC 959 §3.2",
      0,
      false,
      v -> v.isDataSetup() || v == QUIT || v == REIN,
      (s, c) -> c.isEpsvAll() ? Verdict.KEPT : Verdict.brokenIfSet(s.data())),

  /**
   * RFC 959 §5.4 lists 530 Not logged in for the file, directory and transfer commands. The
   * transfer parameters and PWD, which the RFCs allow before login ({@link
   * Verb#loginRequiredByRfc()}), break it only where the session's server profile says that server
   * refuses them there: a finding about that server, never with the {@code rfc} profile.
   */
  LOGIN_REQUIRED(
      Severity.ERROR,
      "RFC 959 §4.1.1, §5.4",
      530,
      true,
      Verb::needsLogin,
      (s, c) ->
          s.login() == Login.UNKNOWN
              ? Verdict.UNDECIDED
              : Verdict.brokenIf(s.isKnownNotLoggedIn() ? Known.YES : Known.NO)),

  /**
   * RFC 2428 §3: "Upon receipt of an EPSV ALL command, the server MUST reject all data connection
   * setup commands other than EPSV".
   */
  EPSV_ALL_VIOLATION(
      Severity.ERROR,
      "RFC 2428 §3",
      0,
      true,
      EnumSet.of(PORT, PASV, EPRT, LPRT, LPSV, SPSV)::contains,
      (s, c) -> Verdict.brokenIf(s.epsvAll())),

  /**
   * RFC 2228 §3, RFC 4217 §9: "The PBSZ command must be preceded by a successful security data
   * exchange".
   */
  PBSZ_WITHOUT_AUTH(
      Severity.ERROR,
      "RFC 2228 §3; RFC 4217 §9",
      503,
      true,
      only(PBSZ),
      (s, c) ->
          switch (s.security().auth()) {
            case NONE, NEGOTIATING -> Verdict.broken();
            case UNKNOWN -> Verdict.UNDECIDED;
            case DONE, CLEARED -> Verdict.KEPT;
          }),

  /** RFC 2228 §3, RFC 4217 §9: "the PROT command MUST be preceded by a PBSZ command". */
  PROT_WITHOUT_PBSZ(
      Severity.ERROR,
      "RFC 2228 §3; RFC 4217 §9",
      503,
      true,
      only(PROT),
      (s, c) ->
          s.security().auth() == Auth.CLEARED
              ? Verdict.KEPT
              : Verdict.brokenIf(negate(s.security().pbsz()))),

  /** RFC 4217 §5: after CCC the server must "not accept any more PBSZ or PROT commands". */
  SECURITY_AFTER_CCC(
      Severity.ERROR,
      "RFC 4217 §5",
      0,
      true,
      EnumSet.of(PBSZ, PROT)::contains,
      (s, c) ->
          s.security().auth() == Auth.UNKNOWN
              ? Verdict.UNDECIDED
              : Verdict.brokenIf(s.security().auth() == Auth.CLEARED ? Known.YES : Known.NO)),

  /** RFC 2228 §3: ADAT carries the security data that an AUTH answered 334 asked for. */
  ADAT_WITHOUT_AUTH(
      Severity.ERROR,
      "RFC 2228 §3",
      503,
      true,
      only(ADAT),
      (s, c) ->
          switch (s.security().auth()) {
            case NEGOTIATING -> Verdict.KEPT;
            case UNKNOWN -> Verdict.UNDECIDED;
            case NONE, DONE, CLEARED -> Verdict.broken();
          }),

  /**
   * RFC 7151 §3: servers "MUST treat a situation in which the HOST command is issued after the user
   * has been authenticated as an erroneous sequence of commands and return a 503 reply".
   */
  HOST_AFTER_LOGIN(
      Severity.ERROR,
      "RFC 7151 §3",
      503,
      true,
      only(HOST),
      (s, c) ->
          s.login() == Login.UNKNOWN
              ? Verdict.UNDECIDED
              : Verdict.brokenIf(s.login() == Login.LOGGED_IN ? Known.YES : Known.NO)),

  /** RFC 7151 §3: HOST belongs before the login sequence; after USER it comes too late. */
  HOST_AFTER_USER(
      Severity.WARNING,
      "RFC 7151 §3",
      0,
      false,
      only(HOST),
      (s, c) ->
          s.login() == Login.USER_GIVEN || s.login() == Login.ACCOUNT_NEEDED
              ? Verdict.broken(s.previous().is(USER) ? s.previous() : Previous.UNKNOWN)
              : Verdict.KEPT),

  /** RFC 959 §4.1.1: QUIT closes the control connection; nothing may follow it. */
  COMMAND_AFTER_QUIT(
      Severity.ERROR,
      "RFC 959 §4.1.1",
      0,
      false,
      v -> true,
      (s, c) -> s.quit() ? Verdict.broken() : Verdict.KEPT),

  /**
   * A command the RFCs allow where it stands, which the session's server refuses there: its profile
   * predicts a 4yz or 5yz reply (or a closed connection) from the session's state, for example
   * vsftpd's {@code 530 Please login with USER and PASS.} to HELP before login. Only with a server
   * profile; the {@link Validator} applies it, so it has no check here.
   */
  SERVER_SPECIFIC_REFUSAL(Severity.WARNING, "RFC 959 §5.4", 0, false, null, null),

  /** RFC 959 §5.4: the server answered with a code the RFCs do not list for the command. */
  REPLY_NOT_ALLOWED(Severity.WARNING, "RFC 959 §5.4", 0, false, null, null),

  /**
   * RFC 959 §5.4: the server answered 503 Bad sequence of commands (or 530 Not logged in after
   * login) although the order was legal.
   */
  SEQUENCE_REPLY_TO_LEGAL_ORDER(Severity.WARNING, "RFC 959 §5.4", 0, false, null, null),

  /** The server accepted an order that the RFCs say it must refuse. */
  BAD_ORDER_ACCEPTED(Severity.INFO, "RFC 959 §5.4", 0, false, null, null),

  /** The server answered 503, and the record does not show enough to say why. */
  SEQUENCE_REPLY_UNEXPLAINED(Severity.INFO, "RFC 959 §5.4", 0, false, null, null),

  /**
   * RFC 959 §5.4 lets a server choose among the listed replies; the server profile says which one
   * this server gives here, and the server gave another. Not checked with the {@code rfc} profile,
   * where {@link #REPLY_NOT_ALLOWED} covers replies the RFCs do not list.
   */
  REPLY_DIFFERS_FROM_PROFILE(Severity.INFO, "RFC 959 §5.4", 0, false, null, null),

  /**
   * RFC 959 §4.2: "every command must generate at least one reply", and a server that must close
   * the control connection says so first with 421 (426 ends a transfer it cannot finish). The
   * server closed the connection while the command waited for its final reply: a transfer under way
   * is cut off, and the client cannot tell what the server did with the command.
   */
  CONNECTION_CLOSED_DURING_COMMAND(Severity.ERROR, "RFC 959 §4.2, §5.4", 0, false, null, null),

  /**
   * The record ends after a transfer's preliminary reply (125 or 150) and before its final one,
   * with no close of the connection seen: whether the transfer ended well is not in the record.
   */
  RECORD_ENDS_DURING_TRANSFER(Severity.INFO, "RFC 959 §4.2", 0, false, null, null);

  /** Judges a command against the state before it. */
  @FunctionalInterface
  interface Check {
    Verdict apply(SessionState state, Command command);
  }

  private final Severity severity;
  private final String reference;
  private final int rfcReply;
  private final boolean serverMustRefuse;
  private final Predicate<Verb> guards;
  private final Check check;

  Rule(
      Severity severity,
      String reference,
      int rfcReply,
      boolean serverMustRefuse,
      Predicate<Verb> guards,
      Check check) {
    this.severity = severity;
    this.reference = reference;
    this.rfcReply = rfcReply;
    this.serverMustRefuse = serverMustRefuse;
    this.guards = guards;
    this.check = check;
  }

  /** How serious a breach of this rule is. */
  public Severity severity() {
    return severity;
  }

  /** The RFC sections this rule comes from. */
  public String reference() {
    return reference;
  }

  /** Whether this rule judges the client's commands (rather than the server's replies). */
  public boolean isClientRule() {
    return check != null;
  }

  /** Whether this rule applies to commands with the given verb. */
  public boolean guards(Verb verb) {
    return guards != null && guards.test(verb);
  }

  /** The verbs this rule applies to, for the rules table and the command reference. */
  public Set<Verb> guardedVerbs() {
    EnumSet<Verb> verbs = EnumSet.noneOf(Verb.class);
    for (Verb verb : Verb.values()) {
      if (guards(verb)) {
        verbs.add(verb);
      }
    }
    return verbs;
  }

  /**
   * The reply code the RFCs name for a breach of this rule (503, 530, 425), or 0 when they name
   * none.
   */
  public int rfcReply() {
    return rfcReply;
  }

  /** Whether the RFCs require the server to refuse a command that breaks this rule. */
  public boolean serverMustRefuse() {
    return serverMustRefuse;
  }

  /**
   * Whether the RFCs require the server to refuse a command with this verb that breaks this rule.
   * Login is required by the RFCs only for the commands that act on the user's files ({@link
   * Verb#loginRequiredByRfc()}): TYPE or PWD before login breaks {@link #LOGIN_REQUIRED} only where
   * the server enforces it, so a server that accepts them is right.
   */
  public boolean serverMustRefuse(Verb verb) {
    return serverMustRefuse && (this != LOGIN_REQUIRED || verb.loginRequiredByRfc());
  }

  /**
   * Judges a command against the state before it.
   *
   * @throws IllegalStateException for a server rule, which has no check
   */
  public Verdict judge(SessionState state, Command command) {
    if (check == null) {
      throw new IllegalStateException(name() + " judges replies, not commands");
    }
    return check.apply(state, command);
  }

  private static Predicate<Verb> only(Verb verb) {
    return v -> v == verb;
  }

  private static Known negate(Known known) {
    return switch (known) {
      case YES -> Known.NO;
      case NO -> Known.YES;
      case UNKNOWN -> Known.UNKNOWN;
    };
  }

  private static Verdict passWithoutUser(SessionState s, Command c) {
    Previous previous = s.previous();
    if (previous.status() == Known.UNKNOWN) {
      return Verdict.UNDECIDED;
    }
    if (previous.is(USER)) {
      return s.login() == Login.NONE ? Verdict.broken(previous) : Verdict.KEPT;
    }
    return s.login() == Login.NONE || s.login() == Login.LOGGED_IN
        ? Verdict.broken(previous.status() == Known.YES ? previous : Previous.UNKNOWN)
        : Verdict.KEPT;
  }

  private static Verdict passNotAfterUser(SessionState s, Command c) {
    Previous previous = s.previous();
    if (previous.status() == Known.UNKNOWN) {
      return Verdict.UNDECIDED;
    }
    if (previous.is(USER)) {
      return Verdict.KEPT;
    }
    return switch (s.login()) {
      case USER_GIVEN, ACCOUNT_NEEDED, UNKNOWN -> Verdict.broken(previous);
      case NONE, LOGGED_IN -> Verdict.KEPT;
    };
  }

  private static Verdict acctNotRequested(SessionState s, Command c) {
    if (s.login() == Login.UNKNOWN) {
      return Verdict.UNDECIDED;
    }
    boolean asked = s.login() == Login.ACCOUNT_NEEDED || s.previous().replyCode() == 532;
    return asked ? Verdict.KEPT : Verdict.broken();
  }
}
