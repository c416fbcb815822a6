package io.ftpseq.rules;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.SessionState.Auth;
import io.ftpseq.rules.SessionState.Login;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.Source;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One session with a server as its profile sees it: the session's {@link SessionState}, moved by
 * the same {@link Transitions} the client rules use, a few things a server remembers that the RFCs
 * do not ({@link ServerMemory}), and the profile's reactions, which together predict the reply to
 * the next command.
 *
 * <p>Use: for each command, {@link #predict} before it, then {@link #observe} with what the server
 * really answered, so the model follows the real session rather than the predictions:
 *
 * <pre>{@code
 * ServerModel model = ServerProfiles.builtIn("vsftpd").orElseThrow().newModel();
 * model.observe(Command.parse("USER ftp"), List.of(Reply.of(331, "Please specify the password.")));
 * model.observe(Command.parse("PASS secret"), List.of(Reply.of(230, "Login successful.")));
 * model.predict(Command.parse("RETR a.txt"));
 * // 425 "Use PORT or PASV first." from TRANSFER_WITHOUT_DATA_CHANNEL
 * }</pre>
 *
 * <p>A situation the profile has no reaction for predicts nothing (code 0) rather than the
 * command's usual reply, except where most servers answer as usual (a command while a rename or
 * restart is pending, PASV twice): there the usual reply is predicted.
 */
public final class ServerModel {

  private final ServerProfile profile;
  private SessionState state;
  private ServerMemory memory;
  private long observed;

  ServerModel(ServerProfile profile, SessionState state) {
    this(profile, state, ServerMemory.INITIAL);
  }

  private ServerModel(ServerProfile profile, SessionState state, ServerMemory memory) {
    this.profile = profile;
    this.state = state;
    this.memory = memory;
  }

  /** The profile this model predicts with. */
  public ServerProfile profile() {
    return profile;
  }

  /** The session's state as the model follows it. */
  public SessionState state() {
    return state;
  }

  /** A model that predicts with another profile from this model's view of the session. */
  public ServerModel withProfile(ServerProfile other) {
    return new ServerModel(other, state, memory);
  }

  /** The reply the server is expected to give to the command now; nothing is changed. */
  public Prediction predict(Command command) {
    if (state.login() == Login.UNKNOWN) {
      return new Prediction(0, "", Situation.REPLY.key(command.verb()));
    }
    Optional<Prediction> situation = situation(command);
    return filled(situation.isPresent() ? situation.get() : usual(command.verb()), command);
  }

  /**
   * The prediction for the command with the placeholders of its text filled from the session so far
   * ({@link ReplyNames}): every prediction passes here before anything shows it. They are filled
   * with what the session's commands show, secrets masked ({@link ServerMemory#shown}), never with
   * what they sent: after {@code PASS docs}, {@code CWD docs} is answered {@code 250 Directory
   * changed to /****}.
   */
  Prediction filled(Prediction prediction, Command command) {
    String text = memory.shown().fill(prediction.text(), command);
    return text.equals(prediction.text()) ? prediction : prediction.withText(text);
  }

  /**
   * Where the command's path argument leads on this server now, from the working directory the
   * model followed: not known before login, nor past a directory the session does not show.
   */
  ServerPath path(Command command) {
    return memory.names().path(command);
  }

  /**
   * Where a path that a script names leads: from the root when it is absolute, else from the login
   * directory, as {@code # missing reports/old.csv} names a file under it.
   */
  ServerPath fromLogin(String path) {
    return memory.names().directory().fromLogin(path);
  }

  /** Moves the model past the command and the replies it really got, in order, possibly none. */
  public void observe(Command command, List<Reply> replies) {
    observe(new CommandSent(new Source("model", ++observed), command), replies);
  }

  /** Moves the model past the recorded command and the replies it really got. */
  public void observe(CommandSent sent, List<Reply> replies) {
    Reply first = replies.isEmpty() ? null : replies.get(0);
    Reply last = replies.isEmpty() ? null : replies.get(replies.size() - 1);
    observe(sent, replies, state, Transitions.after(state, sent, first, last));
  }

  /**
   * Moves the model past the recorded command and its replies, given the same state's move that the
   * caller already made ({@link Validator} follows the session with the same {@link Transitions}):
   * taken when the model was at {@code before} too, made again otherwise.
   */
  void observe(CommandSent sent, List<Reply> replies, SessionState before, SessionState after) {
    if (!state.equals(before)) {
      observe(sent, replies);
      return;
    }
    memory = memory.after(profile, state, sent.command(), replies);
    state = after;
  }

  private Optional<Prediction> situation(Command command) {
    Verb verb = command.verb();
    if (state.quit()) {
      return firm(Situation.COMMAND_AFTER_QUIT, verb);
    }
    if (!loggedIn()) {
      Optional<Prediction> help =
          isSiteHelp(command) ? soft(Situation.SITE_HELP_BEFORE_LOGIN.key()) : Optional.empty();
      if (help.isPresent()) {
        return help;
      }
      Optional<Prediction> before = soft(Situation.BEFORE_LOGIN.key(verb));
      if (before.isPresent() || verb.needsLogin()) {
        return before.or(() -> firm(Situation.BEFORE_LOGIN.key()));
      }
    }
    Optional<Prediction> found = pending(verb).or(() -> byVerb(command));
    if (found.isPresent() || verb != Verb.OTHER || !loggedIn()) {
      return found;
    }
    return firm(Situation.UNKNOWN_COMMAND, verb);
  }

  /** Whether the command is {@code SITE HELP}, with or without a subcommand to help with. */
  private static boolean isSiteHelp(Command command) {
    String argument = command.sentArgument();
    return command.verb() == Verb.SITE
        && argument.regionMatches(true, 0, "HELP", 0, 4)
        && (argument.length() == 4 || argument.charAt(4) == ' ');
  }

  private boolean loggedIn() {
    return state.login() == Login.LOGGED_IN;
  }

  private boolean renamePending() {
    return state.rename().isSet() || memory.renameHeld();
  }

  /** Situations made by the command just before: a pending rename, restart or allocation. */
  private Optional<Prediction> pending(Verb verb) {
    if (renamePending() && verb != Verb.RNTO) {
      Optional<Prediction> blocked = soft(Situation.COMMAND_WHILE_RENAME_PENDING, verb);
      if (blocked.isPresent()) {
        return blocked;
      }
    }
    if (state.restart().isSet() && !verb.isTransfer()) {
      return otherAfter(Situation.REST_THEN_OTHER, verb);
    }
    if (state.previous().is(Verb.ALLO) && verb != Verb.STOR && verb != Verb.APPE) {
      return otherAfter(Situation.ALLO_THEN_OTHER, verb);
    }
    return Optional.empty();
  }

  /** The plain key of "X then another command" is measured with NOOP; other verbs need theirs. */
  private Optional<Prediction> otherAfter(Situation situation, Verb verb) {
    return verb == Verb.NOOP ? soft(situation, verb) : soft(situation.key(verb));
  }

  private Optional<Prediction> byVerb(Command command) {
    Auth auth = state.security().auth();
    boolean authDone = auth == Auth.DONE || auth == Auth.CLEARED;
    return switch (command.verb()) {
      case USER -> user();
      case PASS -> pass();
      case ACCT -> loggedIn() ? firm(Situation.ACCT_NOT_REQUESTED, Verb.ACCT) : Optional.empty();
      case HOST -> firm(host().key());
      case CWD, XCWD ->
          command.sentArgument().isEmpty()
              ? firm(Situation.CWD_WITHOUT_PATH.key())
              : Optional.empty();
      case RNTO -> rnto();
      case TYPE -> type(command.sentArgument());
      case SIZE -> memory.ascii() ? sizeInAscii() : Optional.empty();
      case REST -> rest(command.sentArgument());
      case STAT -> stat(command);
      case PASV, PORT, EPRT, LPRT, LPSV, SPSV -> dataSetup(command.verb());
      case EPSV -> command.isEpsvAll() ? firm(Situation.EPSV_ALL.key()) : Optional.empty();
      case AUTH -> isTls(command) ? soft(Situation.AUTH_TLS.key()) : Optional.empty();
      case PBSZ -> authDone ? Optional.empty() : firm(Situation.PBSZ_WITHOUT_AUTH.key());
      case PROT -> prot(authDone);
      case CCC -> authDone ? Optional.empty() : firm(Situation.CCC_WITHOUT_AUTH.key());
      case ADAT ->
          auth == Auth.NEGOTIATING ? Optional.empty() : firm(Situation.ADAT_WITHOUT_AUTH.key());
      case REIN -> soft(Situation.REIN.key());
      case ABOR ->
          state.transferring() ? Optional.empty() : soft(Situation.ABOR_WITHOUT_TRANSFER.key());
      default -> command.verb().isTransfer() ? transfer(command.verb()) : Optional.empty();
    };
  }

  private Optional<Prediction> user() {
    if (loggedIn()) {
      return firm(Situation.USER_AFTER_LOGIN.key());
    }
    return userGiven() ? firm(Situation.USER_TWICE.key()) : Optional.empty();
  }

  private boolean userGiven() {
    return state.login() == Login.USER_GIVEN || state.login() == Login.ACCOUNT_NEEDED;
  }

  private Optional<Prediction> pass() {
    if (loggedIn()) {
      return firm(Situation.PASS_AFTER_LOGIN.key());
    }
    if (userGiven()) {
      return state.previous().isKnownNot(Verb.USER)
          ? soft(Situation.PASS_AFTER_INTERVENING_COMMAND.key())
          : Optional.empty();
    }
    return memory.loginFailed()
        ? soft(Situation.PASS_AFTER_FAILED_LOGIN.key())
        : firm(Situation.PASS_WITHOUT_USER.key());
  }

  private Situation host() {
    if (loggedIn()) {
      return Situation.HOST_AFTER_LOGIN;
    }
    return userGiven() ? Situation.HOST_AFTER_USER : Situation.HOST_BEFORE_USER;
  }

  private Optional<Prediction> rnto() {
    if (memory.renameInterrupted()) {
      return firm(Situation.RNTO_AFTER_INTERVENING_COMMAND.key());
    }
    if (renamePending()) {
      return Optional.empty();
    }
    Previous previous = state.previous();
    if (previous.is(Verb.RNFR) && previous.replyCode() >= 400) {
      return firm(Situation.RNTO_AFTER_FAILED_RNFR.key());
    }
    boolean renamed = previous.is(Verb.RNTO) && previous.replyCode() / 100 == 2;
    return firm((renamed ? Situation.RNTO_AFTER_RNTO : Situation.RNTO_WITHOUT_RNFR).key());
  }

  /**
   * TYPE by the form of its argument ({@link TransferType}): {@code I} as usual; ASCII, and ASCII
   * non-print where the profile has no reaction of its own, with the usual code; a form servers
   * refuse as often as they take, or one no situation names, as the profile says or not at all.
   */
  private Optional<Prediction> type(String argument) {
    Optional<Situation> form = TransferType.situation(argument);
    if (form.isEmpty()) {
      return Optional.empty();
    }
    return switch (form.get()) {
      case ARGUMENT_MISSING -> firm(Situation.ARGUMENT_MISSING, Verb.TYPE);
      case TYPE_ASCII ->
          soft(Situation.TYPE_ASCII.key()).or(() -> usualCode(Situation.TYPE_ASCII.key()));
      case TYPE_ASCII_NON_PRINT ->
          soft(Situation.TYPE_ASCII_NON_PRINT.key())
              .or(() -> soft(Situation.TYPE_ASCII.key()))
              .or(() -> usualCode(Situation.TYPE_ASCII_NON_PRINT.key()));
      case REPLY -> Optional.of(new Prediction(0, "", Situation.REPLY.key(Verb.TYPE)));
      default -> firm(form.get().key());
    };
  }

  /**
   * REST by the form of its offset ({@link RestartOffset}): none at all; then, on a server that
   * refuses REST 0 in ASCII mode and so looks at the type first (pyftpdlib), the type; an offset
   * that is not a number, which the other servers that refuse it check before the type; a form some
   * servers read otherwise (a plus sign, more than 15 digits, past 2^63-1) as the profile says;
   * then an offset in ASCII mode, non-zero or zero.
   */
  private Optional<Prediction> rest(String argument) {
    Optional<Situation> form = RestartOffset.situation(argument);
    if (form.isPresent() && form.get() == Situation.ARGUMENT_MISSING) {
      return firm(Situation.ARGUMENT_MISSING, Verb.REST);
    }
    boolean zero = RestartOffset.value(argument).orElse("").equals("0");
    Situation inAscii = zero ? Situation.REST_ZERO_IN_ASCII : Situation.REST_IN_ASCII;
    if (memory.ascii() && typeBeforeOffset()) {
      return soft(inAscii.key());
    }
    if (form.isPresent()) {
      Optional<Prediction> reaction =
          switch (form.get()) {
            case REST_OFFSET_NOT_A_NUMBER -> firm(Situation.REST_OFFSET_NOT_A_NUMBER.key());
            case REST_OFFSET_NEGATIVE ->
                soft(Situation.REST_OFFSET_NEGATIVE.key())
                    .or(() -> firm(Situation.REST_OFFSET_NOT_A_NUMBER.key()));
            default -> soft(form.get().key());
          };
      if (reaction.isPresent()) {
        return reaction;
      }
    }
    return memory.ascii() ? soft(inAscii.key()) : Optional.empty();
  }

  /** SIZE in ASCII mode where the server refuses it; where it answers as usual, as usual. */
  private Optional<Prediction> sizeInAscii() {
    return soft(Situation.SIZE_IN_ASCII.key()).filter(reaction -> reaction.code() >= 400);
  }

  /** Whether the server refuses REST in ASCII mode whatever the offset, even 0. */
  private boolean typeBeforeOffset() {
    Prediction zero = profile.prediction(Situation.REST_ZERO_IN_ASCII.key());
    return zero != null && zero.code() >= 400;
  }

  /** The usual code of TYPE with no text, for a form of it the profile does not word. */
  private Optional<Prediction> usualCode(SituationKey key) {
    return Optional.of(new Prediction(usual(Verb.TYPE).code(), "", key));
  }

  /**
   * STAT with a path: the status of that file or directory, as the profile records it, else the
   * code RFC 959 gives (213, 212) with no text; STAT alone is answered as usual. A path the session
   * has not shown to be a file or a directory ({@link WorkingDirectory#namesDirectory}, {@link
   * KnownPaths}) is answered only where the server answers both alike.
   */
  private Optional<Prediction> stat(Command command) {
    if (command.sentArgument().isEmpty()) {
      return Optional.empty();
    }
    WorkingDirectory directory = memory.names().directory();
    ServerPath path = path(command);
    Prediction file = status(Situation.STAT_FILE, 213);
    if (directory.namesDirectory(command.sentArgument()) || memory.known().isDirectory(path)) {
      return Optional.of(status(Situation.STAT_DIRECTORY, 212));
    }
    if (memory.known().isFile(path)) {
      return Optional.of(file);
    }
    Prediction either = status(Situation.STAT_DIRECTORY, 212);
    return Optional.of(
        either.code() == file.code() ? file : new Prediction(0, "", Situation.STAT_FILE.key()));
  }

  /** The profile's status reply for a file or directory, or RFC 959's code with no text. */
  private Prediction status(Situation situation, int code) {
    Prediction reaction = profile.prediction(situation.key());
    return reaction != null ? reaction : new Prediction(code, "", situation.key());
  }

  private Optional<Prediction> prot(boolean authDone) {
    if (!authDone) {
      return firm(Situation.PROT_WITHOUT_AUTH.key());
    }
    return state.security().pbsz() == Known.YES
        ? Optional.empty()
        : firm(Situation.PROT_WITHOUT_PBSZ.key());
  }

  private Optional<Prediction> dataSetup(Verb verb) {
    if (state.epsvAll() == Known.YES) {
      return Situation.of(Rule.EPSV_ALL_VIOLATION, verb)
          .flatMap(situation -> firm(situation.key()));
    }
    return verb == Verb.PASV && state.previous().is(Verb.PASV) && state.data().isSet()
        ? soft(Situation.PASV_TWICE.key())
        : Optional.empty();
  }

  private Optional<Prediction> transfer(Verb verb) {
    if (state.restart().isSet()) {
      Optional<Prediction> restart =
          switch (verb) {
            case APPE -> soft(Situation.REST_THEN_APPE.key());
            case STOU -> soft(Situation.REST_THEN_STOU.key());
            case LIST, NLST, MLSD -> soft(Situation.REST_THEN_LIST.key());
            default -> Optional.empty();
          };
      if (restart.isPresent()) {
        return restart;
      }
    }
    if (memory.afterFailedTransfer()) {
      // The server still holds the channel the failed transfer did not use.
      return soft(Situation.TRANSFER_AFTER_FAILED_TRANSFER, verb);
    }
    if (state.data().isSet()) {
      return Optional.empty();
    }
    return memory.dataUsed()
        ? firm(Situation.TRANSFER_AFTER_USED_DATA_CHANNEL, verb)
        : firm(Situation.TRANSFER_WITHOUT_DATA_CHANNEL, verb);
  }

  private Prediction usual(Verb verb) {
    Prediction reaction = profile.prediction(Situation.REPLY.key(verb));
    return reaction != null ? reaction : UsualReplies.prediction(verb);
  }

  /**
   * A situation that decides the reply: the profile's reaction, or no prediction (code 0) when the
   * profile does not say, since the command's usual reply would be a guess.
   */
  private Optional<Prediction> firm(SituationKey key) {
    return soft(key).or(() -> Optional.of(new Prediction(0, "", key)));
  }

  private Optional<Prediction> firm(Situation situation, Verb verb) {
    return soft(situation, verb).or(() -> firm(situation.key()));
  }

  /** A situation in which most servers answer as usual: the profile's reaction if it has one. */
  private Optional<Prediction> soft(SituationKey key) {
    return Optional.ofNullable(profile.prediction(key));
  }

  private Optional<Prediction> soft(Situation situation, Verb verb) {
    return soft(situation.key(verb)).or(() -> soft(situation.key()));
  }

  private static boolean isTls(Command command) {
    String mechanism = command.sentArgument().toUpperCase(Locale.ROOT);
    return mechanism.startsWith("TLS") || mechanism.startsWith("SSL");
  }
}
