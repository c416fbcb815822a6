package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One line copied from a log, read by every reader. */
class PastedLineTest {

  @Test
  void aReplyLineWithALogPrefixIsAReply() {
    assertThat(replies(PastedLine.read("*resp* '503 Bad sequence of commands'")))
        .contains("503 Bad sequence of commands");
  }

  @Test
  void aServerLogLineGivesTheCommandAndItsReply() {
    List<SessionEvent> events =
        PastedLine.read("127.0.0.1 UNKNOWN - [23/Nov/2026:08:46:14 +0000] \"PASS (hidden)\" 503 -");
    assertThat(commands(events)).contains("PASS ****");
    assertThat(replies(events)).anyMatch(reply -> reply.startsWith("503"));
  }

  @Test
  void aPasswordIsMaskedAsEveryReaderMasksIt() {
    assertThat(commands(PastedLine.read("C: PASS Leak1"))).containsExactly("PASS ****");
  }

  @Test
  void aLineNoReaderKnowsShowsNoReply() {
    assertThat(replies(PastedLine.read("Status: Connection established"))).isEmpty();
  }

  private static List<String> replies(List<SessionEvent> events) {
    return events.stream()
        .filter(ReplyReceived.class::isInstance)
        .map(e -> ((ReplyReceived) e).reply().toString())
        .toList();
  }

  private static List<String> commands(List<SessionEvent> events) {
    return events.stream()
        .filter(CommandSent.class::isInstance)
        .map(e -> ((CommandSent) e).command().text())
        .toList();
  }
}
