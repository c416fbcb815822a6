package io.ftpseq.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ftpseq.cli.CliRun;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.Severity;
import io.ftpseq.testing.servers.FtpServerUnderTest;
import io.ftpseq.testing.servers.RealServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Live checking against every real server: the embedded Apache FtpServer and the Debian servers
 * (vsftpd, ProFTPD, Pure-FTPd, pyftpdlib) where they are installed. Each server starts once for the
 * class, when its first test needs it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveRealServersTest {

  @TempDir static Path home;
  private static StartedServers servers;

  @BeforeAll
  static void servers() {
    servers = new StartedServers(home);
  }

  @AfterAll
  static void stopServers() {
    servers.close();
  }

  @ParameterizedTest
  @EnumSource(RealServer.class)
  void autoPicksTheServersProfileFromItsGreeting(RealServer kind) throws Exception {
    FtpServerUnderTest server = servers.get(kind);
    FTPClient client = new FTPClient();
    FtpSessionWatch watch = FtpSeq.watch(client, ProfileChoice.AUTO);
    StartedServers.connect(client, server);
    client.login(server.user(), server.password());
    client.logout();
    client.disconnect();

    assertThat(watch.check().profile().name()).isEqualTo(kind.label());
    assertThat(watch.findingsAtLeast(Severity.WARNING)).isEmpty();
  }

  /**
   * A client connected again after disconnect (a retry, a pooled client) starts a new session,
   * logged out: a command before that connection's login is LOGIN_REQUIRED, where the first
   * connection's login had made it look fine; {@code ftpseq check} finds the same in the
   * transcript. Both ways of watching: a listener, which sees no connect, and a checked client,
   * which does.
   */
  @ParameterizedTest
  @EnumSource(RealServer.class)
  void clientConnectedAgainStartsANewSessionLoggedOut(RealServer kind) throws Exception {
    FtpServerUnderTest server = servers.get(kind);
    for (FTPClient client : List.of(new FTPClient(), new CheckedFtpClient(CheckMode.OBSERVE))) {
      FtpSessionWatch watch = FtpSeq.watch(client);
      for (int connection = 1; connection <= 2; connection++) {
        StartedServers.connect(client, server);
        if (connection == 2) {
          client.sendCommand("CWD", "/"); // before this connection's login
        }
        client.login(server.user(), server.password());
        client.logout();
        client.disconnect();
      }
      String transcript = watch.transcript();
      assertThat(watch.findings())
          .extracting(f -> f.rule() + " " + f.command().text())
          .as(transcript)
          .containsExactly("LOGIN_REQUIRED CWD /");
      assertThat(transcript).containsOnlyOnce("# connected: the client connected again");
      Path file = Files.writeString(home.resolve(kind.label() + "-again.txt"), transcript);
      CliRun check = CliRun.of("check", "--lang", "en", file.toString());
      assertThat(check.out())
          .as(transcript)
          .contains(": error LOGIN_REQUIRED: CWD / was sent before login completed")
          .contains("1 error(s), 0 warning(s)");
    }
  }

  @ParameterizedTest
  @EnumSource(RealServer.class)
  void carelessCodeIsCaughtWithWhatTheServerAnswers(RealServer kind) throws Exception {
    FtpServerUnderTest server = servers.get(kind);
    FTPClient client = new FTPClient();
    FtpSessionWatch watch = FtpSeq.watch(client, ProfileChoice.AUTO);
    StartedServers.connect(client, server);
    ReportUploader uploader = ReportUploader.careless(client);
    uploader.login(server.user(), server.password());
    uploader.publish("careless-" + kind.label() + ".csv", ServerFixture.bytes("a,b\n"));
    StartedServers.downloadWithoutWaiting(uploader, client);
    client.disconnect();

    assertThat(watch.findingsAtLeast(Severity.WARNING))
        .extracting(f -> f.rule().name())
        .containsExactly("PASS_WITHOUT_USER", "RNTO_WITHOUT_RNFR", "TRANSFER_WITHOUT_DATA_CHANNEL");
    assertThat(watch.describe(watch.findings()))
        .contains("RNTO_WITHOUT_RNFR at command 6 \"RNTO careless-" + kind.label() + ".csv\"")
        .doesNotContain(server.password());
  }

  @ParameterizedTest
  @EnumSource(RealServer.class)
  void correctCodeWithKeepAliveAndRestartPasses(RealServer kind) throws Exception {
    FtpServerUnderTest server = servers.get(kind);
    FTPClient client = new FTPClient();
    FtpSessionWatch watch = FtpSeq.watch(client, ProfileChoice.AUTO);
    StartedServers.connect(client, server);
    ReportUploader uploader = new ReportUploader(client);
    uploader.login(server.user(), server.password());
    String name = "daily-" + kind.label() + ".csv";
    uploader.publish(name, ServerFixture.bytes(ServerFixture.REPORT));
    assertThat(uploader.download(name)).hasSize(ServerFixture.REPORT.length());
    assertThat(uploader.resume(name, 3)).hasSize(ServerFixture.REPORT.length() - 3);
    client.logout();
    client.disconnect();

    assertThat(watch.transcript()).contains("C: REST 3", "C: RNFR " + name + ".part");
    assertThat(watch.findingsAtLeast(Severity.WARNING)).extracting(Finding::rule).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(RealServer.class)
  void keepAliveNoopsDuringSlowTransfersAreNotFindings(RealServer kind) throws Exception {
    FtpServerUnderTest server = servers.get(kind);
    FTPClient client = new FTPClient();
    FtpSessionWatch watch = FtpSeq.watch(client, ProfileChoice.AUTO);
    StartedServers.connect(client, server);
    client.login(server.user(), server.password());
    client.setFileType(FTP.BINARY_FILE_TYPE);
    client.enterLocalPassiveMode();
    client.setBufferSize(1024);
    client.setControlKeepAliveTimeout(Duration.ofMillis(20));
    client.setControlKeepAliveReplyTimeout(Duration.ofMillis(200));
    String name = "slow-" + kind.label() + ".bin";
    assertThat(client.storeFile(name, ServerFixture.slowSource(16 * 1024, 15))).isTrue();
    client.retrieveFile(name, ServerFixture.slowSink(15));
    client.setControlKeepAliveTimeout(Duration.ZERO);
    assertThat(client.sendCommand("PWD")).isEqualTo(257);
    client.logout();
    client.disconnect();

    assertThat(watch.transcript()).contains("C: NOOP");
    assertThat(watch.findingsAtLeast(Severity.WARNING)).isEmpty();
  }

  /**
   * PASV, a RETR of a missing file refused 550 before any data connection is used, then a RETR of a
   * file that exists. vsftpd, Pure-FTPd and pyftpdlib keep the prepared channel and send the file
   * (pyftpdlib answers 125: the client connected right after 227); ProFTPD drops the channel and
   * answers 425, and Apache FtpServer drops it too, answering 150 and then 425. Only ProFTPD's
   * refusal is a finding, with its profile's prediction.
   */
  @ParameterizedTest
  @CsvSource({
    "APACHE_FTPSERVER, 150, 425, ''",
    "VSFTPD,           150, 226, ''",
    "PROFTPD,          425, 0,   SERVER_SPECIFIC_REFUSAL",
    "PURE_FTPD,        150, 226, ''",
    "PYFTPDLIB,        125, 226, ''"
  })
  void transferAfterAFailedTransferIsJudgedByWhatTheServerDoes(
      RealServer kind, int first, int last, String expected) throws Exception {
    FtpServerUnderTest server = servers.get(kind);
    FTPClient client = new FTPClient();
    FtpSessionWatch watch = FtpSeq.watch(client, ProfileChoice.AUTO);
    StartedServers.connect(client, server);
    assertThat(client.login(server.user(), server.password())).isTrue();
    assertThat(client.sendCommand("TYPE", "I")).isEqualTo(200);
    assertThat(client.sendCommand("PASV")).isEqualTo(227);
    String[] fields = client.getReplyString().replaceAll("(?s).*\\((.*)\\).*", "$1").split(",");
    int port = Integer.parseInt(fields[4].strip()) * 256 + Integer.parseInt(fields[5].strip());
    Map<String, Integer> replies = new HashMap<>();
    try (java.net.Socket data = new java.net.Socket(server.host(), port)) {
      data.setSoTimeout(5_000);
      replies.put("missing", client.sendCommand("RETR", "missing-" + kind.label() + ".csv"));
      replies.put("first", client.sendCommand("RETR", "report.csv"));
      if (replies.get("first") < 200) {
        try {
          replies.put("bytes", data.getInputStream().readAllBytes().length);
        } catch (java.net.SocketException e) {
          // Apache FtpServer closed the channel when it refused the first RETR
        }
        replies.put("last", client.getReply());
      }
    }
    client.disconnect();

    assertThat(replies.get("missing")).as(watch.transcript()).isEqualTo(550);
    assertThat(replies.get("first")).as(watch.transcript()).isEqualTo(first);
    assertThat(replies.getOrDefault("last", 0)).as(watch.transcript()).isEqualTo(last);
    if (last == 226) {
      assertThat(replies.get("bytes")).isEqualTo(ServerFixture.REPORT.length());
    }
    assertThat(watch.findingsAtLeast(Severity.INFO))
        .as(watch.transcript())
        .extracting(f -> f.rule().name())
        .containsExactlyElementsOf(expected.isBlank() ? List.of() : List.of(expected));
  }

  /**
   * HELP before login, then USER and PASS again once logged in: the RFCs allow all of it, and each
   * server refuses what its profile says it refuses (vsftpd and Apache FtpServer HELP before login,
   * ProFTPD PASS after login, Pure-FTPd both USER and PASS after login).
   */
  @ParameterizedTest
  @CsvSource({
    "APACHE_FTPSERVER, HELP",
    "VSFTPD,           HELP",
    "PROFTPD,          PASS",
    "PURE_FTPD,        USER PASS",
    "PYFTPDLIB,        ''"
  })
  void serverSpecificRefusalsAreFindingsWithTheServersReply(RealServer kind, String refused)
      throws Exception {
    FtpServerUnderTest server = servers.get(kind);
    FTPClient client = new FTPClient();
    FtpSessionWatch watch = FtpSeq.watch(client, ProfileChoice.AUTO);
    StartedServers.connect(client, server);
    Map<String, Integer> replies = new HashMap<>();
    replies.put("HELP", client.sendCommand("HELP"));
    assertThat(client.login(server.user(), server.password())).isTrue();
    replies.put("USER", client.sendCommand("USER", server.user()));
    replies.put("PASS", client.sendCommand("PASS", server.password()));
    client.disconnect();

    List<Finding> refusals =
        watch.findings().stream().filter(f -> f.rule() == Rule.SERVER_SPECIFIC_REFUSAL).toList();
    assertThat(refusals)
        .extracting(f -> f.command().verb().name())
        .containsExactlyElementsOf(refused.isBlank() ? List.of() : List.of(refused.split(" ")));
    for (Finding refusal : refusals) {
      int real = replies.get(refusal.command().verb().name());
      assertThat(refusal.reply().code().value()).isEqualTo(real);
      assertThat(refusal.prediction().code()).isEqualTo(real);
      assertThat(watch.describe(List.of(refusal)))
          .contains(" refuses it ")
          .contains("it answers " + real + " ")
          .doesNotContain(server.password());
    }
    assertThat(watch.findings())
        .extracting(Finding::rule)
        .doesNotContain(Rule.REPLY_NOT_ALLOWED, Rule.SEQUENCE_REPLY_TO_LEGAL_ORDER);
  }

  /**
   * ABOR in the middle of a download: whether the server ends the transfer with 426 and answers
   * ABOR with 226, or answers ABOR alone with 225 or 226, each reply goes to its own command.
   */
  @ParameterizedTest
  @EnumSource(RealServer.class)
  void aborDuringADownloadPairsEachReplyWithItsCommand(RealServer kind) throws Exception {
    FtpServerUnderTest server = servers.get(kind);
    FTPClient client = new FTPClient();
    FtpSessionWatch watch = FtpSeq.watch(client, ProfileChoice.AUTO);
    StartedServers.connect(client, server);
    assertThat(client.login(server.user(), server.password())).isTrue();
    client.setFileType(FTP.BINARY_FILE_TYPE);
    client.enterLocalPassiveMode();
    String name = "abort-" + kind.label() + ".bin";
    assertThat(client.storeFile(name, new java.io.ByteArrayInputStream(new byte[8 << 20])))
        .isTrue();
    try (java.io.InputStream in = client.retrieveFileStream(name)) {
      assertThat(in.readNBytes(4096)).hasSize(4096);
    }
    // The data connection is closed mid-transfer, as clients that give up on a download do; a
    // server blocked writing it reads ABOR only then.
    client.setSoTimeout(2000);
    client.abort();
    try {
      client.getReply(); // the second reply, when the server sends 426 then 226
    } catch (java.net.SocketTimeoutException onlyOne) {
      // the server answered with one reply
    }
    client.disconnect();

    assertThat(watch.transcript()).contains("C: ABOR");
    assertThat(watch.findings())
        .extracting(Finding::rule)
        .doesNotContain(
            Rule.REPLY_NOT_ALLOWED,
            Rule.SEQUENCE_REPLY_TO_LEGAL_ORDER,
            Rule.SEQUENCE_REPLY_UNEXPLAINED);
  }

  /**
   * A watch attached after connect does not see the session start, so it cannot know the login; a
   * 530 before login is still no unlisted reply, whichever commands the server puts behind login
   * (vsftpd SYST, HELP, NOOP, STAT, SITE; Apache FtpServer nearly everything; ProFTPD and Pure-FTPd
   * STAT, MODE, STRU, SITE; pyftpdlib MODE, TYPE, STRU).
   */
  @ParameterizedTest
  @EnumSource(RealServer.class)
  void notLoggedInBeforeLoginIsNoUnlistedReplyWhereTheWatchMissedTheStart(RealServer kind)
      throws Exception {
    FtpServerUnderTest server = servers.get(kind);
    FTPClient client = new FTPClient();
    StartedServers.connect(client, server);
    FtpSessionWatch watch = FtpSeq.watch(client); // after connect: the start is unknown
    List<String> before =
        List.of("SYST", "FEAT", "HELP", "STAT", "NOOP", "OPTS UTF8 ON", "SITE HELP", "MODE S");
    int refused = 0;
    for (String command : before) {
      String[] verbAndArgument = command.split(" ", 2);
      int code =
          client.sendCommand(
              verbAndArgument[0], verbAndArgument.length > 1 ? verbAndArgument[1] : null);
      refused += code == 530 ? 1 : 0;
    }
    assertThat(client.login(server.user(), server.password())).isTrue();
    client.logout();
    client.disconnect();

    assertThat(refused).as(watch.transcript()).isPositive();
    assertThat(watch.findings())
        .as(watch.transcript())
        .filteredOn(f -> f.reply() != null && f.reply().code().value() == 530)
        .extracting(f -> f.rule() + " " + f.command().text())
        .isEmpty();
  }

  @Test
  void strictClientWithAutoProfileRefusesHelpBeforeLoginOnVsftpd() throws Exception {
    FtpServerUnderTest server = servers.get(RealServer.VSFTPD);
    CheckedFtpClient client =
        new CheckedFtpClient(CheckMode.STRICT, Severity.WARNING, "strict-help", ProfileChoice.AUTO);
    StartedServers.connect(client, server);
    try {
      assertThatThrownBy(() -> client.sendCommand("HELP"))
          .isInstanceOf(FtpSequenceException.class)
          .hasMessageContaining("SERVER_SPECIFIC_REFUSAL at command 1 \"HELP\"")
          .hasMessageContaining(
              "vsftpd refuses it before login: it would answer 530 Please login with USER and PASS");
      assertThat(client.login(server.user(), server.password())).isTrue();
      assertThat(client.sendCommand("HELP")).isEqualTo(214);
    } finally {
      client.disconnect();
    }
  }

  @ParameterizedTest
  @EnumSource(RealServer.class)
  void strictRefusalSaysWhatTheDetectedServerAnswers(RealServer kind) throws Exception {
    FtpServerUnderTest server = servers.get(kind);
    CheckedFtpClient client =
        new CheckedFtpClient(CheckMode.STRICT, Severity.ERROR, "strict", ProfileChoice.AUTO);
    StartedServers.connect(client, server);
    client.login(server.user(), server.password());
    try {
      assertThatThrownBy(() -> client.rnto("nowhere.csv"))
          .isInstanceOf(FtpSequenceException.class)
          .hasMessageContaining("RNTO_WITHOUT_RNFR at command")
          .hasMessageContaining(client.watch().check().profile().title() + " answers this with ");
    } finally {
      client.disconnect();
    }
  }
}
