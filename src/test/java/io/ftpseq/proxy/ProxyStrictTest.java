package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.Command;
import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.Severity;
import io.ftpseq.testing.servers.FtpServerUnderTest;
import io.ftpseq.testing.servers.RealServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strict checking refuses only the command that breaks a rule, never one that leaves the client no
 * way forward, and judges what comes next by what the server saw: a command the proxy answered
 * itself never reached it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyStrictTest {

  @TempDir Path dir;

  private static void login(ProxyRig rig, RawControl control) throws Exception {
    assertThat(control.reply()).startsWith("220");
    assertThat(control.send("USER " + rig.user + "\r\n").reply()).startsWith("331");
    assertThat(control.send("PASS " + rig.password + "\r\n").reply()).startsWith("230");
  }

  @Test
  void anUnusedDataChannelNeverBlocksTheNextDataCommandOrQuit() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, s -> s.strict(Severity.WARNING));
        RawControl control = new RawControl(rig.port())) {
      login(rig, control);
      assertThat(control.send("PASV\r\n").reply()).startsWith("227");
      assertThat(control.send("PASV\r\n").reply()).startsWith("227");
      assertThat(control.send("EPSV\r\n").reply()).startsWith("229");
      assertThat(control.send("QUIT\r\n").reply()).startsWith("221");
      rig.awaitClosed(1);
      assertThat(rig.events().rules()).contains("DATA_CHANNEL_UNUSED");
      assertThat(rig.events().findings()).noneMatch(CollectedEvents.Live::refused);
    }
  }

  @Test
  void aCommandEndedByLfAloneIsAnsweredBeforeTheNextIsJudged() throws Exception {
    // pyftpdlib ends a command at CRLF only: relayed as it came, NOOP would never be answered and
    // strict checking, waiting for its answer before judging RNTO, would hang the session
    try (FtpServerUnderTest server =
            RealServer.PYFTPDLIB.startOrSkip(Files.createDirectories(dir.resolve("server")));
        ProxyRig rig = ProxyRig.over(server, dir, s -> s.strict(Severity.ERROR));
        RawControl control = new RawControl(rig.port())) {
      login(rig, control);
      control.send("NOOP\nRNTO x\r\n");
      assertThat(control.reply()).startsWith("200");
      assertThat(control.reply()).startsWith("503-ftpseq proxy did not");
      assertThat(control.send("QUIT\r\n").reply()).startsWith("221");
      rig.awaitClosed(1);
      assertThat(rig.events().rules()).containsExactly("RNTO_WITHOUT_RNFR");
      assertThat(rig.events().findings()).allMatch(CollectedEvents.Live::refused);
    }
  }

  @Test
  void quitIsForwardedWhateverIsPending() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, s -> s.strict(Severity.WARNING));
        RawControl control = new RawControl(rig.port())) {
      Files.writeString(rig.files.resolve("a.txt"), "abc");
      login(rig, control);
      assertThat(control.send("RNFR a.txt\r\n").reply()).startsWith("350");
      assertThat(control.send("QUIT\r\n").reply()).startsWith("221");
      rig.awaitClosed(1);
      assertThat(rig.events().findings()).noneMatch(CollectedEvents.Live::refused);
    }
  }

  @Test
  void aRefusalForAnOrderingRuleIsNever501() {
    assertThat(Refusal.code(Command.parse("PASV"), Rule.EPSV_ALL_VIOLATION, Optional.empty()))
        .isEqualTo(503);
    assertThat(Refusal.code(Command.parse("QUIT"), Rule.DATA_CHANNEL_UNUSED, Optional.empty()))
        .isEqualTo(503);
  }

  @Test
  void aCommandTheProxyAnsweredItselfNeverCountsAsSentToTheServer() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, s -> s.strict(Severity.ERROR));
        RawControl control = new RawControl(rig.port())) {
      Files.writeString(rig.files.resolve("a.txt"), "abc");
      assertThat(control.reply()).startsWith("220");
      assertThat(control.send("USER " + rig.user + "\r\n").reply()).startsWith("331");
      assertThat(control.send("CWD /\r\n").reply()).startsWith("530-ftpseq proxy did not");
      assertThat(control.send("PASS " + rig.password + "\r\n").reply()).startsWith("230");
      assertThat(control.send("RNFR a.txt\r\n").reply()).startsWith("350");
      assertThat(control.send("NOOP\r\n").reply()).startsWith("503-ftpseq proxy did not");
      assertThat(control.send("RNTO b.txt\r\n").reply()).startsWith("250");
      assertThat(control.send("QUIT\r\n").reply()).startsWith("221");
      rig.awaitClosed(1);
      assertThat(rig.files.resolve("b.txt")).exists();
      assertThat(rig.events().rules())
          .containsExactly("LOGIN_REQUIRED", "RNFR_NOT_FOLLOWED_BY_RNTO");
      assertThat(rig.events().findings()).allMatch(CollectedEvents.Live::refused);
      assertThat(rig.recordedFindings("s1")).isEqualTo(rig.liveFindings("s1"));
    }
  }

  @Test
  void theProxysOwnRepliesAreMarkedAndNeverJudgedAsTheServers() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, s -> s.profile(ProfileChoice.AUTO));
        RawControl control = new RawControl(rig.port())) {
      login(rig, control);
      assertThat(control.send("AUTH TLS\r\n").reply()).startsWith("534 ftpseq proxy");
      assertThat(control.send("\r\n").reply()).startsWith("500");
      assertThat(control.send("RNTO x\r\n").reply()).startsWith("5");
      assertThat(control.send("QUIT\r\n").reply()).startsWith("221");
      rig.awaitClosed(1);
      assertThat(rig.events().rules()).containsExactly("RNTO_WITHOUT_RNFR");
      assertThat(rig.transcript("s1"))
          .contains("# not from the server: not forwarded: TLS is not configured\nS: 534 ")
          .contains("# not from the server: not forwarded: an empty line\nS: 500 ");
      assertThat(rig.recordedFindings("s1")).isEqualTo(rig.liveFindings("s1"));
    }
  }
}
