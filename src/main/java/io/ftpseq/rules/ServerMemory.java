package io.ftpseq.rules;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.Verb;
import java.util.List;

/**
 * What a server remembers of a session beyond the {@link SessionState} the RFCs define, as far as
 * its replies depend on it: the transfer type, whether a pending rename outlives another command on
 * this server, whether the data channel was used or a transfer on it failed, whether the last login
 * failed.
 *
 * @param ascii whether the transfer type is ASCII (the default) rather than image
 * @param renameHeld whether the server still holds an RNFR answered 350 after other commands, as
 *     servers that accept RNTO after an intervening command do
 * @param renameInterrupted whether the last command came right after an RNFR answered 350
 * @param dataUsed whether a transfer used the last data channel and no new one was prepared
 * @param afterFailedTransfer whether the last transfer failed on a prepared channel (a missing
 *     file), which some servers keep open for the next one
 * @param loginFailed whether the last password was refused and no USER came since
 * @param names the user and working directory the server's replies name, as the commands sent them:
 *     where a path leads, for deciding
 * @param known the paths the session showed to be directories or files
 * @param shown the user and working directory as the commands show them, secrets masked: what a
 *     predicted reply names
 */
record ServerMemory(
    boolean ascii,
    boolean renameHeld,
    boolean renameInterrupted,
    boolean dataUsed,
    boolean afterFailedTransfer,
    boolean loginFailed,
    ReplyNames names,
    KnownPaths known,
    ReplyNames shown) {

  /** A new connection. */
  static final ServerMemory INITIAL =
      new ServerMemory(
          true,
          false,
          false,
          false,
          false,
          false,
          ReplyNames.UNKNOWN,
          KnownPaths.NONE,
          ReplyNames.UNKNOWN);

  /** What the server remembers after the command, given the state before it and its replies. */
  ServerMemory after(ServerProfile profile, SessionState before, Command command, List<Reply> r) {
    Verb verb = command.verb();
    int first = r.isEmpty() ? 0 : r.get(0).code().value();
    int last = r.isEmpty() ? 0 : r.get(r.size() - 1).code().value();
    return switch (verb) {
      case RNFR, RNTO ->
          new ServerMemory(
              ascii, false, false, dataUsed, afterFailedTransfer, loginFailed, names, known, shown);
      case REIN -> first / 100 == 2 || first == 120 ? INITIAL : others(profile, before);
      default -> {
        ReplyNames named = names.after(profile, command, last);
        // what the command shows is followed apart only once something differs from what it sent
        ReplyNames shownNext =
            command.showsAsSent() && shown.equals(names)
                ? named
                : shown.after(profile, command.shown(), last);
        yield others(profile, before).moved(before, command, first, last, named, shownNext);
      }
    };
  }

  /** The rename facts after a command other than RNFR and RNTO. */
  private ServerMemory others(ServerProfile profile, SessionState before) {
    boolean pending = before.rename().isSet() || renameHeld;
    boolean held = pending && !refusesLateRnto(profile);
    boolean interrupted = before.rename().isSet() && before.previous().is(Verb.RNFR);
    return new ServerMemory(
        ascii, held, interrupted, dataUsed, afterFailedTransfer, loginFailed, names, known, shown);
  }

  /** Whether the profile's server forgets a pending rename once another command comes. */
  private static boolean refusesLateRnto(ServerProfile profile) {
    return profile
        .reaction(Situation.RNTO_AFTER_INTERVENING_COMMAND)
        .map(reaction -> reaction.code() >= 400)
        .orElse(false);
  }

  private ServerMemory moved(
      SessionState before,
      Command command,
      int first,
      int last,
      ReplyNames named,
      ReplyNames shownNext) {
    Verb verb = command.verb();
    boolean type = ascii;
    boolean used = dataUsed;
    boolean failed = afterFailedTransfer;
    boolean login = loginFailed;
    if (verb == Verb.TYPE && first / 100 == 2) {
      type = TransferType.setsAscii(command.sentArgument());
    } else if (verb == Verb.USER && (last == 331 || last == 332)) {
      login = false;
    } else if ((verb == Verb.PASS || verb == Verb.ACCT) && (last == 230 || last == 202)) {
      login = false;
    } else if (verb == Verb.PASS && last == 530 && before.login() != SessionState.Login.LOGGED_IN) {
      login = true;
    } else if (verb.isDataSetup() && first / 100 == 2 && !command.isEpsvAll()) {
      used = false;
      failed = false;
    } else if (verb.isTransfer()) {
      if (first / 100 == 1) {
        used = true;
        failed = false;
      } else if (first >= 400 && first != 425) {
        failed = failed || before.data().isSet();
      } else if (first == 425) {
        failed = false;
      }
    }
    KnownPaths knownNext =
        command.sentArgument().isEmpty() ? known : known.after(verb, names.path(command), first);
    return new ServerMemory(
        type, renameHeld, renameInterrupted, used, failed, login, named, knownNext, shownNext);
  }
}
