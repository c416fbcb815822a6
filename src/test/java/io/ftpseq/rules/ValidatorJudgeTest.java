package io.ftpseq.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Validator#judge} says what the next command would break, and changes nothing. */
class ValidatorJudgeTest {

  private final Validator validator = new Validator("live", "", "live", ServerProfiles.RFC);
  private long line;

  @Test
  void passBeforeUserIsJudgedBroken() {
    reply(220, "ready");
    assertThat(ids(judge("PASS secret"))).containsExactly("PASS_WITHOUT_USER");
  }

  @Test
  void passAfterAcceptedUserIsInOrder() {
    reply(220, "ready");
    send("USER alice");
    reply(331, "password please");
    assertThat(judge("PASS secret")).isEmpty();
  }

  @Test
  void judgingDoesNotMoveTheState() {
    reply(220, "ready");
    judge("USER alice");
    judge("USER alice");
    assertThat(ids(judge("PASS secret"))).containsExactly("PASS_WITHOUT_USER");
    assertThat(validator.finish().findings()).isEmpty();
  }

  @Test
  void findingNamesTheSourceItWasGivenAndNoReply() {
    reply(220, "ready");
    List<Finding> found = judge("RNTO b");
    assertThat(ids(found)).containsExactly("RNTO_WITHOUT_RNFR", "LOGIN_REQUIRED");
    assertThat(found.get(0))
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(Rule.RNTO_WITHOUT_RNFR);
              assertThat(f.source()).isEqualTo(new Source("live", 2));
              assertThat(f.reply()).isNull();
              assertThat(f.command().text()).isEqualTo("RNTO b");
            });
  }

  @Test
  void unusedChannelIsReportedAtTheCommandThatPreparedIt() {
    reply(220, "ready");
    send("USER u");
    reply(331, "pw");
    send("PASS p");
    reply(230, "in");
    send("PASV");
    reply(227, "Entering Passive Mode (127,0,0,1,4,1)");
    List<Finding> found = judge("PASV");
    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(Rule.DATA_CHANNEL_UNUSED);
              assertThat(f.source().line()).isEqualTo(6);
              assertThat(f.context().text()).isEqualTo("PASV");
            });
  }

  @Test
  void beforeAnyEventOnlySessionOpenersAreJudgedFromTheStart() {
    assertThat(judge("USER alice")).isEmpty();
    assertThat(judge("PASS secret")).isEmpty();
  }

  @Test
  void aCommandTheRfcsAllowBeforeLoginIsJudgedByTheServersProfile() {
    reply(220, "ready");
    assertThat(judge("TYPE I")).isEmpty();
    assertThat(judge("PWD")).isEmpty();
    assertThat(ids(judge("CWD /"))).containsExactly("LOGIN_REQUIRED");

    Validator vsftpd =
        new Validator("live", "", "live", ServerProfiles.builtIn("vsftpd").orElseThrow());
    vsftpd.accept(new ReplyReceived(new Source("live", 1), Reply.of(220, "(vsFTPd 3.0.3)")));
    List<Finding> found =
        vsftpd.judge(new CommandSent(new Source("live", 2), Command.parse("TYPE I")));
    assertThat(ids(found)).containsExactly("LOGIN_REQUIRED");
    assertThat(found.get(0).prediction().code()).isEqualTo(530);
  }

  private List<Finding> judge(String line) {
    return validator.judge(new CommandSent(new Source("live", this.line + 1), Command.parse(line)));
  }

  private void send(String text) {
    validator.accept(new CommandSent(new Source("live", ++line), Command.parse(text)));
  }

  private void reply(int code, String text) {
    validator.accept(new ReplyReceived(new Source("live", ++line), Reply.of(code, text)));
  }

  private static List<String> ids(List<Finding> findings) {
    return findings.stream().map(f -> f.rule().name()).toList();
  }
}
