package io.ftpseq.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangePairerTest {

  private final List<Exchange> exchanges = new ArrayList<>();
  private final ExchangePairer pairer =
      new ExchangePairer(
          new ExchangePairer.Listener() {
            @Override
            public void exchange(Exchange exchange) {
              exchanges.add(exchange);
            }

            @Override
            public void note(Note note) {}
          });
  private long line;

  private void command(String text) {
    pairer.accept(new CommandSent(new Source("t", ++line), Command.parse(text)));
  }

  private void reply(int code, String text) {
    pairer.accept(new ReplyReceived(new Source("t", ++line), Reply.of(code, text)));
  }

  @Test
  void pipelinedCommandsArePairedInOrder() {
    reply(220, "ready");
    command("USER u");
    command("PASS p");
    command("PWD");
    reply(331, "pw");
    reply(230, "in");
    reply(257, "\"/\"");
    pairer.finish();
    assertThat(exchanges).hasSize(4);
    assertThat(exchanges.get(0).isUnsolicited()).isTrue();
    assertThat(exchanges.get(2).command().command().text()).isEqualTo("PASS ****");
    assertThat(exchanges.get(2).finalReply().orElseThrow().reply().code().value()).isEqualTo(230);
  }

  @Test
  void commandSentBeforeTheGreetingGetsTheReplyAfterIt() {
    command("USER u");
    reply(220, "ready");
    reply(331, "pw");
    pairer.finish();
    assertThat(exchanges.get(0).isUnsolicited()).isTrue();
    assertThat(exchanges.get(1).finalReply().orElseThrow().reply().code().value()).isEqualTo(331);
  }

  @Test
  void preliminaryReplyKeepsTheTransferWaitingAndMarksLaterCommands() {
    command("RETR f");
    reply(150, "go");
    command("NOOP");
    reply(226, "done");
    reply(200, "ok");
    pairer.finish();
    assertThat(exchanges).hasSize(2);
    assertThat(exchanges.get(0).replies()).hasSize(2);
    assertThat(exchanges.get(1).duringTransfer()).isTrue();
  }

  /** Each exchange as "COMMAND: codes", for the ABOR cases. */
  private List<String> paired() {
    return exchanges.stream()
        .map(
            e ->
                (e.isUnsolicited() ? "-" : e.command().command().word())
                    + ":"
                    + e.replies().stream()
                        .map(r -> " " + r.reply().code().value())
                        .reduce("", String::concat))
        .toList();
  }

  private void unreadableReply() {
    pairer.accept(new Note(new Source("t", ++line), SessionEvent.NoteKind.UNREADABLE_REPLY, ""));
  }

  /**
   * A reply that could not be read answers the oldest command waiting, so the replies after it keep
   * to their own commands. Without it, every later reply went to the command before its own.
   */
  @Test
  void anUnreadableReplyAnswersTheOldestCommandWaiting() {
    command("USER u");
    unreadableReply();
    command("PASS p");
    reply(230, "in");
    command("RNFR a");
    command("RNTO b");
    unreadableReply(); // pipelined: it answers RNFR, and RNTO keeps the reply after it
    reply(250, "renamed");
    command("RETR f");
    reply(150, "go");
    unreadableReply(); // the transfer's end
    command("QUIT");
    reply(221, "bye");
    pairer.finish();
    assertThat(paired())
        .containsExactly("USER:", "PASS: 230", "RNFR:", "RNTO: 250", "RETR: 150", "QUIT: 221");
  }

  @Test
  void aborDuringATransferEndsItWith426ThenIsAnswered226() {
    command("RETR f");
    reply(150, "go");
    command("ABOR");
    reply(426, "aborted");
    reply(226, "ABOR ok");
    pairer.finish();
    assertThat(paired()).containsExactly("RETR: 150 426", "ABOR: 226");
  }

  @Test
  void aborAnswered225AloneLeavesTheTransferWithoutAFinalReply() {
    command("RETR f");
    reply(150, "go");
    command("ABOR");
    reply(225, "No transfer to abort.");
    command("QUIT");
    reply(221, "bye");
    pairer.finish();
    assertThat(paired()).containsExactly("RETR: 150", "ABOR: 225", "QUIT: 221");
  }

  @Test
  void aLone226AfterAborAnswersTheAbor() {
    command("RETR f");
    reply(150, "go");
    command("ABOR");
    reply(226, "ABOR command successful.");
    command("QUIT");
    reply(221, "bye");
    pairer.finish();
    assertThat(paired()).containsExactly("RETR: 150", "ABOR: 226", "QUIT: 221");
  }

  @Test
  void aLone226AtTheEndOfTheRecordAnswersTheAbor() {
    command("LIST");
    reply(150, "go");
    command("ABOR");
    reply(226, "ABOR command successful.");
    pairer.finish();
    assertThat(paired()).containsExactly("LIST: 150", "ABOR: 226");
  }

  @Test
  void twoRepliesAfterAborEndTheTransferThenAnswerTheAbor() {
    command("RETR f");
    reply(150, "go");
    command("ABOR");
    reply(226, "Transfer complete.");
    reply(225, "No transfer to abort.");
    pairer.finish();
    assertThat(paired()).containsExactly("RETR: 150 226", "ABOR: 225");
  }

  @Test
  void aborAfterTheTransferEndedIsPairedInOrder() {
    command("RETR f");
    reply(150, "go");
    reply(226, "done");
    command("ABOR");
    reply(225, "No transfer to abort.");
    pairer.finish();
    assertThat(paired()).containsExactly("RETR: 150 226", "ABOR: 225");
  }

  @Test
  void commandsWithoutRepliesAreGivenAtTheEnd() {
    command("QUIT");
    pairer.finish();
    assertThat(exchanges).hasSize(1);
    assertThat(exchanges.get(0).finalReply()).isEmpty();
  }

  @Test
  void aRecordWithoutRepliesKeepsMemoryBounded() {
    for (int i = 0; i < ExchangePairer.MAX_WAITING * 3; i++) {
      command("NOOP");
    }
    assertThat(exchanges).hasSize(ExchangePairer.MAX_WAITING * 2);
    pairer.finish();
    assertThat(exchanges).hasSize(ExchangePairer.MAX_WAITING * 3);
  }
}
