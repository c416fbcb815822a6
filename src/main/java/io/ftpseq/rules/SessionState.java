package io.ftpseq.rules;

import java.util.Objects;

/**
 * What the server knows about the session at one point, as independent facets (RFC 959 §4 and §6,
 * RFC 2228, RFC 2428, RFC 4217, RFC 7151). Every facet can be unknown, for records that start
 * mid-session or lose lines: rules never draw conclusions from an unknown facet.
 *
 * @param login how far login has got
 * @param previous the command just before, for the "immediately" rules
 * @param rename a pending RNFR answered 350
 * @param data a data channel prepared by PASV, EPSV, PORT, EPRT and not yet used
 * @param restart a pending REST answered 350
 * @param security the RFC 2228 security exchange
 * @param epsvAll whether {@code EPSV ALL} was accepted (RFC 2428 §3)
 * @param host whether a HOST command was accepted (RFC 7151)
 * @param transferring whether a transfer has started and not yet ended
 * @param quit whether QUIT has been sent
 */
public record SessionState(
    Login login,
    Previous previous,
    Mark rename,
    Mark data,
    Mark restart,
    Security security,
    Known epsvAll,
    Known host,
    boolean transferring,
    boolean quit) {

  // a gap comes before every row of some logs: the unknown state is made once
  private static final SessionState UNKNOWN =
      new SessionState(
          Login.UNKNOWN,
          Previous.UNKNOWN,
          Mark.UNKNOWN,
          Mark.UNKNOWN,
          Mark.UNKNOWN,
          Security.UNKNOWN,
          Known.UNKNOWN,
          Known.UNKNOWN,
          false,
          false);

  /** How far login has got (RFC 959 §6, the login state diagram). */
  public enum Login {
    /** The record does not show it. */
    UNKNOWN,
    /** No user given, or the last attempt failed. */
    NONE,
    /** USER answered 331: a password is needed. */
    USER_GIVEN,
    /** USER or PASS answered 332: an account is needed. */
    ACCOUNT_NEEDED,
    /** Logged in. */
    LOGGED_IN
  }

  /** The state of the RFC 2228 security exchange. */
  public enum Auth {
    /** The record does not show it. */
    UNKNOWN,
    /** No AUTH accepted. */
    NONE,
    /** AUTH answered 334: ADAT exchange under way. */
    NEGOTIATING,
    /** AUTH answered 234, or ADAT 235: the security exchange is done. */
    DONE,
    /** CCC answered 200: the control channel is clear again (RFC 4217 §5). */
    CLEARED
  }

  /**
   * The security facet.
   *
   * @param auth the security exchange
   * @param pbsz whether PBSZ was accepted since the last AUTH
   */
  public record Security(Auth auth, Known pbsz) {
    /** No security exchange. */
    public static final Security NONE = new Security(Auth.NONE, Known.NO);

    /** The record does not show it. */
    public static final Security UNKNOWN = new Security(Auth.UNKNOWN, Known.UNKNOWN);

    /** Validates the parts. */
    public Security {
      Objects.requireNonNull(auth, "auth");
      Objects.requireNonNull(pbsz, "pbsz");
    }
  }

  /** Validates the parts. */
  public SessionState {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(rename, "rename");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(restart, "restart");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(epsvAll, "epsvAll");
    Objects.requireNonNull(host, "host");
  }

  /** The state of a new connection, after the greeting. */
  public static SessionState initial() {
    return new SessionState(
        Login.NONE,
        Previous.NOTHING,
        Mark.NONE,
        Mark.NONE,
        Mark.NONE,
        Security.NONE,
        Known.NO,
        Known.NO,
        false,
        false);
  }

  /** The state of a record that starts mid-session or after lost lines: nothing is known. */
  public static SessionState unknown() {
    return UNKNOWN;
  }

  /** Whether the login is known not to be complete. */
  public boolean isKnownNotLoggedIn() {
    return login != Login.UNKNOWN && login != Login.LOGGED_IN;
  }

  /** This state with another login facet. */
  public SessionState withLogin(Login value) {
    return new SessionState(
        value, previous, rename, data, restart, security, epsvAll, host, transferring, quit);
  }

  /** This state with another previous command. */
  public SessionState withPrevious(Previous value) {
    return new SessionState(
        login, value, rename, data, restart, security, epsvAll, host, transferring, quit);
  }

  /**
   * This state after any command, before what the command itself does: the command is the previous
   * one, no rename or restart is pending any more, and a transfer runs or not.
   */
  public SessionState afterCommand(Previous value, boolean transferValue) {
    return new SessionState(
        login, value, Mark.NONE, data, Mark.NONE, security, epsvAll, host, transferValue, quit);
  }

  /** This state with another rename facet. */
  public SessionState withRename(Mark value) {
    return new SessionState(
        login, previous, value, data, restart, security, epsvAll, host, transferring, quit);
  }

  /** This state with another data channel facet. */
  public SessionState withData(Mark value) {
    return new SessionState(
        login, previous, rename, value, restart, security, epsvAll, host, transferring, quit);
  }

  /** This state with another restart facet. */
  public SessionState withRestart(Mark value) {
    return new SessionState(
        login, previous, rename, data, value, security, epsvAll, host, transferring, quit);
  }

  /** This state with another security facet. */
  public SessionState withSecurity(Security value) {
    return new SessionState(
        login, previous, rename, data, restart, value, epsvAll, host, transferring, quit);
  }

  /** This state with another EPSV ALL facet. */
  public SessionState withEpsvAll(Known value) {
    return new SessionState(
        login, previous, rename, data, restart, security, value, host, transferring, quit);
  }

  /** This state with another HOST facet. */
  public SessionState withHost(Known value) {
    return new SessionState(
        login, previous, rename, data, restart, security, epsvAll, value, transferring, quit);
  }

  /** This state with another transfer facet. */
  public SessionState withTransferring(boolean value) {
    return new SessionState(
        login, previous, rename, data, restart, security, epsvAll, host, value, quit);
  }

  /** This state with another QUIT facet. */
  public SessionState withQuit(boolean value) {
    return new SessionState(
        login, previous, rename, data, restart, security, epsvAll, host, transferring, value);
  }
}
