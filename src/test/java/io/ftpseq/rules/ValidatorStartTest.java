package io.ftpseq.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import org.junit.jupiter.api.Test;

/**
 * Where a session starts, as the record shows it: a note that the connection opened, a greeting.
 */
class ValidatorStartTest {

  private final Validator validator = new Validator("log", "s", "log", ServerProfiles.RFC);
  private long line;

  @Test
  void theGreetingAfterTheConnectionOpenedLeavesTheFirstState() {
    note(NoteKind.CONNECTED);
    reply(220, "ready");
    send("CWD /");
    reply(530, "Log in with USER and PASS first.");

    SessionCheck session = validator.finish();
    assertThat(session.start()).isEqualTo(SessionCheck.Start.COMPLETE);
    // the server is known not to be logged in, so CWD broke the order and 530 is its answer
    assertThat(session.findings())
        .extracting(f -> f.rule().name())
        .containsExactly("LOGIN_REQUIRED");
  }

  @Test
  void aGreetingLikeReplyAfterTheFirstExchangeIsStillAReplyNobodyAskedFor() {
    note(NoteKind.CONNECTED);
    reply(220, "ready");
    send("USER alice");
    reply(331, "password please");
    reply(220, "ready again");
    // the stray reply says a command is missing: what PASS follows is unknown now
    send("PASS secret");
    reply(503, "Login with USER first.");

    assertThat(validator.finish().findings())
        .extracting(f -> f.rule().name())
        .containsExactly("SEQUENCE_REPLY_UNEXPLAINED");
  }

  @Test
  void aConnectionOpenedThenACommandLogOnlyInPartStartsCompleteYetKnowsNothing() {
    note(NoteKind.CONNECTED);
    note(NoteKind.UNLOGGED_COMMANDS);
    send("RNTO b");
    reply(503, "RNFR first.");

    SessionCheck session = validator.finish();
    assertThat(session.start()).isEqualTo(SessionCheck.Start.COMPLETE);
    assertThat(session.findings())
        .extracting(f -> f.rule().name())
        .containsExactly("SEQUENCE_REPLY_UNEXPLAINED");
  }

  private void note(NoteKind kind) {
    validator.accept(new Note(new Source("log", ++line), kind, ""));
  }

  private void send(String text) {
    validator.accept(new CommandSent(new Source("log", ++line), Command.parse(text)));
  }

  private void reply(int code, String text) {
    validator.accept(new ReplyReceived(new Source("log", ++line), Reply.of(code, text)));
  }
}
