package io.ftpseq.profile;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One session with a server as its profile sees it: a small view of the server's state (logged in,
 * user given, rename or restart pending, data channel ready or used, EPSV ALL, quit) and the
 * profile's reactions, which together predict the reply to the next command.
 *
 * <p>Use: for each command, {@link #predict} before it, then {@link #observe} with what the server
 * really answered, so the view follows the real session rather than the predictions:
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
  private final ServerView view;

  ServerModel(ServerProfile profile) {
    this(profile, new ServerView());
  }

  private ServerModel(ServerProfile profile, ServerView view) {
    this.profile = profile;
    this.view = view;
  }

  /** The profile this model predicts with. */
  public ServerProfile profile() {
    return profile;
  }

  /** A model that predicts with another profile from this model's view of the session. */
  public ServerModel withProfile(ServerProfile other) {
    return new ServerModel(other, view.copy());
  }

  /** The reply the server is expected to give to the command now; nothing is changed. */
  public Prediction predict(Command command) {
    return situation(command).orElseGet(() -> usual(command.verb()));
  }

  /**
   * Moves the view of the server's state past the command and the replies it really got. A profile
   * that refuses RNTO after an intervening command ({@code RNTO_AFTER_INTERVENING_COMMAND} 4xx or
   * 5xx) forgets the pending rename on any command other than RNFR and RNTO.
   */
  public void observe(Command command, List<Reply> replies) {
    Verb verb = command.verb();
    boolean clears =
        view.renamePending
            && verb != Verb.RNTO
            && verb != Verb.RNFR
            && profile
                .reaction("RNTO_AFTER_INTERVENING_COMMAND")
                .map(r -> r.code() >= 400)
                .orElse(false);
    view.observe(command, replies);
    if (clears) {
      view.renamePending = false;
    }
  }

  private Optional<Prediction> situation(Command command) {
    Verb verb = command.verb();
    String qualifier = ServerProfile.qualifier(verb);
    if (view.quit) {
      return firm("COMMAND_AFTER_QUIT", qualifier);
    }
    if (!view.loggedIn()) {
      Optional<Prediction> before = soft("BEFORE_LOGIN:" + qualifier);
      if (before.isPresent() || verb.needsLogin()) {
        return before.or(() -> firm("BEFORE_LOGIN"));
      }
    }
    Optional<Prediction> found = pending(verb, qualifier).or(() -> byVerb(command, qualifier));
    if (found.isPresent() || verb != Verb.OTHER || !view.loggedIn()) {
      return found;
    }
    return firm("UNKNOWN_COMMAND", qualifier);
  }

  /** Situations made by the command just before: a pending rename, restart or allocation. */
  private Optional<Prediction> pending(Verb verb, String qualifier) {
    if (view.renamePending && verb != Verb.RNTO) {
      Optional<Prediction> blocked = soft("COMMAND_WHILE_RENAME_PENDING", qualifier);
      if (blocked.isPresent()) {
        return blocked;
      }
    }
    if (view.previous == Verb.REST && view.restPending && !verb.isTransfer()) {
      return otherAfter("REST_THEN_OTHER", verb, qualifier);
    }
    if (view.previous == Verb.ALLO && verb != Verb.STOR && verb != Verb.APPE) {
      return otherAfter("ALLO_THEN_OTHER", verb, qualifier);
    }
    return Optional.empty();
  }

  /** The plain key of "X then another command" is measured with NOOP; other verbs need theirs. */
  private Optional<Prediction> otherAfter(String situation, Verb verb, String qualifier) {
    return verb == Verb.NOOP ? soft(situation, qualifier) : soft(situation + ":" + qualifier);
  }

  private Optional<Prediction> byVerb(Command command, String qualifier) {
    return switch (command.verb()) {
      case USER -> user();
      case PASS -> pass();
      case ACCT -> view.loggedIn() ? firm("ACCT_NOT_REQUESTED", qualifier) : Optional.empty();
      case HOST -> firm(host());
      case RNTO -> rnto();
      case REST ->
          view.ascii && !command.argument().equals("0") ? soft("REST_IN_ASCII") : Optional.empty();
      case PASV, PORT, EPRT, LPRT, LPSV, SPSV -> dataSetup(command.verb());
      case EPSV -> command.isEpsvAll() ? firm("EPSV_ALL") : Optional.empty();
      case AUTH -> isTls(command) ? soft("AUTH_TLS") : Optional.empty();
      case PBSZ -> view.authDone ? Optional.empty() : firm("PBSZ_WITHOUT_AUTH");
      case PROT -> prot();
      case CCC -> view.authDone ? Optional.empty() : firm("CCC_WITHOUT_AUTH");
      case ADAT -> view.authNegotiating ? Optional.empty() : firm("ADAT_WITHOUT_AUTH");
      case REIN -> soft("REIN");
      case ABOR -> soft("ABOR_WITHOUT_TRANSFER");
      default ->
          command.verb().isTransfer() ? transfer(command.verb(), qualifier) : Optional.empty();
    };
  }

  private Optional<Prediction> user() {
    if (view.loggedIn()) {
      return firm("USER_AFTER_LOGIN");
    }
    return view.login == ServerView.Login.USER_GIVEN ? firm("USER_TWICE") : Optional.empty();
  }

  private Optional<Prediction> pass() {
    if (view.loggedIn()) {
      return firm("PASS_AFTER_LOGIN");
    }
    if (view.login == ServerView.Login.USER_GIVEN) {
      return Optional.empty();
    }
    return view.loginFailed ? soft("PASS_AFTER_FAILED_LOGIN") : firm("PASS_WITHOUT_USER");
  }

  private String host() {
    return switch (view.login) {
      case LOGGED_IN -> "HOST_AFTER_LOGIN";
      case USER_GIVEN -> "HOST_AFTER_USER";
      case NONE -> "HOST_BEFORE_USER";
    };
  }

  private Optional<Prediction> rnto() {
    if (view.renameInterrupted) {
      return firm("RNTO_AFTER_INTERVENING_COMMAND");
    }
    if (view.renamePending) {
      return Optional.empty();
    }
    if (view.renameFailed) {
      return firm("RNTO_AFTER_FAILED_RNFR");
    }
    return firm(view.renamed ? "RNTO_AFTER_RNTO" : "RNTO_WITHOUT_RNFR");
  }

  private Optional<Prediction> prot() {
    if (!view.authDone) {
      return firm("PROT_WITHOUT_AUTH");
    }
    return view.pbszDone ? Optional.empty() : firm("PROT_WITHOUT_PBSZ");
  }

  private Optional<Prediction> dataSetup(Verb verb) {
    if (view.epsvAll) {
      return firm(verb.name() + "_AFTER_EPSV_ALL");
    }
    return verb == Verb.PASV && view.previous == Verb.PASV && view.dataReady
        ? soft("PASV_TWICE")
        : Optional.empty();
  }

  private Optional<Prediction> transfer(Verb verb, String qualifier) {
    if (view.restPending) {
      Optional<Prediction> restart =
          switch (verb) {
            case APPE -> soft("REST_THEN_APPE");
            case STOU -> soft("REST_THEN_STOU");
            case LIST, NLST, MLSD -> soft("REST_THEN_LIST");
            default -> Optional.empty();
          };
      if (restart.isPresent()) {
        return restart;
      }
    }
    if (view.afterFailedTransfer) {
      Optional<Prediction> after = soft("TRANSFER_AFTER_FAILED_TRANSFER", qualifier);
      if (after.isPresent()) {
        return after;
      }
    }
    if (view.dataReady) {
      return Optional.empty();
    }
    return view.dataUsed
        ? firm("TRANSFER_AFTER_USED_DATA_CHANNEL", qualifier)
        : firm("TRANSFER_WITHOUT_DATA_CHANNEL", qualifier);
  }

  private Prediction usual(Verb verb) {
    String key = ServerProfile.REPLY_PREFIX + verb.name();
    return soft(key).orElseGet(() -> new Prediction(UsualReplies.code(verb), "", key));
  }

  /**
   * A situation that decides the reply: the profile's reaction, or no prediction (code 0) when the
   * profile does not say, since the command's usual reply would be a guess.
   */
  private Optional<Prediction> firm(String key) {
    return soft(key).or(() -> Optional.of(new Prediction(0, "", key)));
  }

  private Optional<Prediction> firm(String situation, String qualifier) {
    return soft(situation, qualifier).or(() -> firm(situation));
  }

  /** A situation in which most servers answer as usual: the profile's reaction if it has one. */
  private Optional<Prediction> soft(String key) {
    return profile.reaction(key).map(r -> Prediction.of(key, r));
  }

  private Optional<Prediction> soft(String situation, String qualifier) {
    return soft(situation + ":" + qualifier).or(() -> soft(situation));
  }

  private static boolean isTls(Command command) {
    String mechanism = command.argument().toUpperCase(Locale.ROOT);
    return mechanism.startsWith("TLS") || mechanism.startsWith("SSL");
  }
}
