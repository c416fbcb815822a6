package io.ftpseq.rules;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.SessionState.Auth;
import io.ftpseq.rules.SessionState.Login;
import io.ftpseq.rules.SessionState.Security;
import io.ftpseq.session.SessionEvent.CommandSent;

/**
 * The one transition of the sequence model: the state after a command and the last reply the record
 * shows for it. Pure: it reads the state and returns a new one.
 *
 * <p>A reply the record does not show makes the facets that command would change unknown, never
 * guessed. RNFR and REST hold only until the next command (RFC 959 §4.1.3: "immediately followed"),
 * so any other command clears them, which also makes them known again after a gap.
 */
public final class Transitions {

  private Transitions() {}

  /** How the server answered, by the first digit of the last reply. */
  private enum Answer {
    NONE,
    PRELIMINARY,
    COMPLETION,
    INTERMEDIATE,
    NEGATIVE;

    static Answer of(Reply reply) {
      if (reply == null) {
        return NONE;
      }
      return switch (reply.code().category()) {
        case POSITIVE_PRELIMINARY -> PRELIMINARY;
        case POSITIVE_COMPLETION -> COMPLETION;
        case POSITIVE_INTERMEDIATE -> INTERMEDIATE;
        case TRANSIENT_NEGATIVE, PERMANENT_NEGATIVE, PROTECTED -> NEGATIVE;
      };
    }
  }

  /**
   * The state after {@code sent}, given the last reply the record shows for it ({@code null} when
   * none).
   */
  public static SessionState after(SessionState before, CommandSent sent, Reply reply) {
    return after(before, sent, reply, reply);
  }

  /**
   * The state after {@code sent}, given the first and the last reply the record shows for it (both
   * {@code null} when none): the first tells whether a transfer used its data channel.
   */
  public static SessionState after(
      SessionState before, CommandSent sent, Reply first, Reply reply) {
    Command command = sent.command();
    Verb verb = command.verb();
    Answer answer = Answer.of(reply);
    int code = reply == null ? 0 : reply.code().value();

    SessionState s =
        before.afterCommand(
            Previous.of(command, sent.source(), reply),
            verb.isTransfer() && answer == Answer.PRELIMINARY);
    if (code == 230) {
      s = s.withLogin(Login.LOGGED_IN);
    }
    return switch (verb) {
      case USER -> s.withLogin(afterUser(before.login(), answer, code));
      case PASS, ACCT -> s.withLogin(afterPassword(before.login(), answer, code));
      case REIN ->
          answer == Answer.NEGATIVE
              ? s
              : SessionState.initial().withPrevious(s.previous()).withEpsvAll(s.epsvAll());
      case QUIT -> s.withQuit(true);
      case RNFR -> s.withRename(marked(sent, answer, Answer.INTERMEDIATE));
      case REST -> s.withRestart(marked(sent, answer, Answer.INTERMEDIATE));
      case AUTH -> afterAuth(s, answer);
      case ADAT -> afterAdat(s, answer);
      case PBSZ -> afterPbsz(s, answer);
      case CCC ->
          answer == Answer.COMPLETION
              ? s.withSecurity(new Security(Auth.CLEARED, s.security().pbsz()))
              : s;
      case HOST ->
          switch (answer) {
            case COMPLETION -> s.withHost(Known.YES);
            case NONE -> s.withHost(Known.UNKNOWN);
            default -> s;
          };
      case EPSV -> command.isEpsvAll() ? afterEpsvAll(s, answer) : afterDataSetup(s, sent, answer);
      case PORT, PASV, EPRT, LPRT, LPSV, SPSV -> afterDataSetup(s, sent, answer);
      case RETR, STOR, STOU, APPE, LIST, NLST, MLSD ->
          learnLogin(s.withData(afterTransfer(before.data(), first)), answer);
      default -> verb.needsLogin() ? learnLogin(s, answer) : s;
    };
  }

  private static Login afterUser(Login before, Answer answer, int code) {
    return switch (code) {
      case 230, 232 -> Login.LOGGED_IN;
      case 331, 336 -> Login.USER_GIVEN;
      case 332 -> Login.ACCOUNT_NEEDED;
      default ->
          switch (answer) {
            case NONE -> Login.UNKNOWN;
            case NEGATIVE -> before == Login.LOGGED_IN ? Login.LOGGED_IN : Login.NONE;
            default -> before;
          };
    };
  }

  /**
   * PASS and ACCT: RFC 959 §4.2, a failure means the whole login sequence must start again. 202
   * (superfluous) completes a login under way, but logs in nobody before USER: Pure-FTPd answers
   * ACCT before login with 202.
   */
  private static Login afterPassword(Login before, Answer answer, int code) {
    return switch (code) {
      case 230 -> Login.LOGGED_IN;
      case 202 -> before == Login.NONE ? Login.NONE : Login.LOGGED_IN;
      case 332 -> Login.ACCOUNT_NEEDED;
      default ->
          switch (answer) {
            case NONE -> Login.UNKNOWN;
            case NEGATIVE -> before == Login.LOGGED_IN ? Login.LOGGED_IN : Login.NONE;
            default -> before;
          };
    };
  }

  /** RFC 2228 §3 and RFC 4217 §4: an accepted AUTH resets security and requires a new login. */
  private static SessionState afterAuth(SessionState s, Answer answer) {
    return switch (answer) {
      case COMPLETION -> s.withSecurity(new Security(Auth.DONE, Known.NO)).withLogin(Login.NONE);
      case INTERMEDIATE ->
          s.withSecurity(new Security(Auth.NEGOTIATING, Known.NO)).withLogin(Login.NONE);
      case NONE -> s.withSecurity(Security.UNKNOWN).withLogin(Login.UNKNOWN);
      default -> s;
    };
  }

  private static SessionState afterAdat(SessionState s, Answer answer) {
    return switch (answer) {
      case COMPLETION -> s.withSecurity(new Security(Auth.DONE, s.security().pbsz()));
      case NONE -> s.withSecurity(new Security(Auth.UNKNOWN, s.security().pbsz()));
      default -> s;
    };
  }

  private static SessionState afterPbsz(SessionState s, Answer answer) {
    return switch (answer) {
      case COMPLETION -> s.withSecurity(new Security(s.security().auth(), Known.YES));
      case NONE -> s.withSecurity(new Security(s.security().auth(), Known.UNKNOWN));
      default -> s;
    };
  }

  /** RFC 2428 §3: once accepted, EPSV ALL holds for the rest of the session. */
  private static SessionState afterEpsvAll(SessionState s, Answer answer) {
    return switch (answer) {
      case NEGATIVE -> s;
      case NONE -> s.withEpsvAll(s.epsvAll() == Known.YES ? Known.YES : Known.UNKNOWN);
      default -> s.withEpsvAll(Known.YES);
    };
  }

  /**
   * A transfer uses up its data channel once it starts (1yz) or fails to connect (425). A refusal
   * before that, such as 550 for a missing file, leaves a prepared channel unknown: RFC 959 does
   * not say, and servers differ (vsftpd, Pure-FTPd and pyftpdlib keep it for the next transfer;
   * ProFTPD and Apache FtpServer drop it), so only the server's profile can tell.
   */
  private static Mark afterTransfer(Mark data, Reply first) {
    if (first == null || data.isClear()) {
      return Mark.NONE;
    }
    int code = first.code().value();
    boolean refusedBeforeUse = code >= 400 && code != 425 && code != 421;
    return refusedBeforeUse ? Mark.UNKNOWN : Mark.NONE;
  }

  /**
   * A data channel is prepared when the setup is accepted. A refused setup leaves the earlier
   * channel as it was; a setup whose reply is not shown makes the channel unknown.
   */
  private static SessionState afterDataSetup(SessionState s, CommandSent sent, Answer answer) {
    return switch (answer) {
      case COMPLETION -> learnLogin(s.withData(Mark.setBy(sent.command(), sent.source())), answer);
      case NONE -> s.withData(Mark.UNKNOWN);
      default -> learnLogin(s, answer);
    };
  }

  private static Mark marked(CommandSent sent, Answer answer, Answer expected) {
    if (answer == expected) {
      return Mark.setBy(sent.command(), sent.source());
    }
    return answer == Answer.NONE ? Mark.UNKNOWN : Mark.NONE;
  }

  /** A command that needs login and was accepted shows the session is logged in. */
  private static SessionState learnLogin(SessionState s, Answer answer) {
    boolean accepted =
        answer == Answer.COMPLETION
            || answer == Answer.PRELIMINARY
            || answer == Answer.INTERMEDIATE;
    return accepted && s.login() == Login.UNKNOWN ? s.withLogin(Login.LOGGED_IN) : s;
  }
}
