package io.ftpseq.profile;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.Verb;
import java.util.List;
import java.util.Locale;

/**
 * A {@link ServerModel}'s view of the server's state, moved by what the server really answered. It
 * is mutable and private to one model; {@link #copy} gives another model its own.
 */
final class ServerView {

  /** How far login has come. */
  enum Login {
    NONE,
    USER_GIVEN,
    LOGGED_IN
  }

  Login login = Login.NONE;
  boolean loginFailed;
  boolean renamePending;
  boolean renameInterrupted;
  boolean renameFailed;
  boolean renamed;
  boolean restPending;
  boolean ascii = true;
  boolean dataReady;
  boolean dataUsed;
  boolean afterFailedTransfer;
  boolean epsvAll;
  boolean authNegotiating;
  boolean authDone;
  boolean pbszDone;
  boolean quit;
  Verb previous;

  boolean loggedIn() {
    return login == Login.LOGGED_IN;
  }

  ServerView copy() {
    ServerView copy = new ServerView();
    copy.login = login;
    copy.loginFailed = loginFailed;
    copy.renamePending = renamePending;
    copy.renameInterrupted = renameInterrupted;
    copy.renameFailed = renameFailed;
    copy.renamed = renamed;
    copy.restPending = restPending;
    copy.ascii = ascii;
    copy.dataReady = dataReady;
    copy.dataUsed = dataUsed;
    copy.afterFailedTransfer = afterFailedTransfer;
    copy.epsvAll = epsvAll;
    copy.authNegotiating = authNegotiating;
    copy.authDone = authDone;
    copy.pbszDone = pbszDone;
    copy.quit = quit;
    copy.previous = previous;
    return copy;
  }

  /** Moves past the command; {@code replies} are all its replies in order, possibly none. */
  void observe(Command command, List<Reply> replies) {
    Verb verb = command.verb();
    int first = replies.isEmpty() ? 0 : replies.get(0).code().value();
    int last = replies.isEmpty() ? 0 : replies.get(replies.size() - 1).code().value();
    if (verb != Verb.RNTO) {
      // Set only by the first command after RNFR: that is the situation profiles measure.
      renameInterrupted = renamePending && previous == Verb.RNFR;
      renamed = false;
      renameFailed = renameFailed && verb == Verb.RNFR;
    }
    switch (verb) {
      case USER -> user(last);
      case PASS, ACCT -> pass(last);
      case REIN -> {
        if (first / 100 == 2 || first == 120) {
          reset();
        }
      }
      case QUIT -> quit = true;
      case RNFR -> rnfr(first);
      case RNTO -> {
        renamed = first / 100 == 2;
        renameFailed = false;
        renamePending = false;
        renameInterrupted = false;
      }
      case REST -> restPending = first == 350 || (restPending && first / 100 != 2);
      case TYPE -> type(command, first);
      case AUTH -> {
        authNegotiating = first == 334;
        authDone = authDone || first == 234;
      }
      case ADAT -> authDone = authDone || first == 235;
      case PBSZ -> pbszDone = pbszDone || first == 200;
      case EPSV -> {
        if (command.isEpsvAll()) {
          epsvAll = epsvAll || first / 100 == 2;
        } else {
          dataSetup(first);
        }
      }
      case PASV, PORT, EPRT, LPRT, LPSV, SPSV -> dataSetup(first);
      default -> {
        if (verb.isTransfer()) {
          transfer(verb, first);
        }
      }
    }
    previous = verb;
  }

  private void user(int reply) {
    if (reply == 331 || reply == 332) {
      login = Login.USER_GIVEN;
      loginFailed = false;
    } else if (reply == 230) {
      login = Login.LOGGED_IN;
    }
  }

  private void pass(int reply) {
    if (reply == 230 || (reply == 202 && login == Login.USER_GIVEN)) {
      login = Login.LOGGED_IN;
      loginFailed = false;
    } else if (reply == 530 && login != Login.LOGGED_IN) {
      login = Login.NONE;
      loginFailed = true;
    }
  }

  private void rnfr(int reply) {
    renamePending = reply == 350;
    renameInterrupted = false;
    renameFailed = reply >= 400;
  }

  private void type(Command command, int reply) {
    if (reply / 100 == 2) {
      ascii = command.argument().toUpperCase(Locale.ROOT).startsWith("A");
    }
  }

  private void dataSetup(int reply) {
    if (reply / 100 == 2) {
      dataReady = true;
      dataUsed = false;
      afterFailedTransfer = false;
    }
  }

  private void transfer(Verb verb, int first) {
    if (verb == Verb.RETR || verb == Verb.STOR || verb == Verb.APPE || verb == Verb.STOU) {
      restPending = false;
    }
    if (first / 100 == 1) {
      dataReady = false;
      dataUsed = true;
      afterFailedTransfer = false;
    } else if (first == 425) {
      dataReady = false;
    } else if (first >= 400) {
      afterFailedTransfer = dataReady;
    }
  }

  private void reset() {
    login = Login.NONE;
    loginFailed = false;
    renamePending = false;
    renameInterrupted = false;
    renameFailed = false;
    renamed = false;
    restPending = false;
    ascii = true;
    dataReady = false;
    dataUsed = false;
    afterFailedTransfer = false;
    authNegotiating = false;
    authDone = false;
    pbszDone = false;
  }
}
