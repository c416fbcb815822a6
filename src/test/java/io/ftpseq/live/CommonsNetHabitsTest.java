package io.ftpseq.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.profile.ServerProfiles;
import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.session.Exchange;
import io.ftpseq.session.ExchangePairer;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.testing.EmbeddedFtpServer;
import io.ftpseq.transcript.TranscriptChecker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Commons Net does on its own is not a finding, seen through a listener on a plain client and
 * through a {@link CheckedFtpClient} in strict mode, each against a real Apache FtpServer.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CommonsNetHabitsTest {

  @TempDir Path temp;
  private EmbeddedFtpServer server;
  private FTPClient client;

  /** A client and the watch on it. */
  private record Watched(FTPClient client, FtpSessionWatch watch) {}

  static Stream<Arguments> clients() {
    Function<FTPClient, Watched> listened = c -> new Watched(c, FtpSeq.watch(c));
    return Stream.of(
        Arguments.of("listener", (Function<Void, Watched>) v -> listened.apply(new FTPClient())),
        Arguments.of(
            "strict",
            (Function<Void, Watched>)
                v -> {
                  CheckedFtpClient c =
                      new CheckedFtpClient(
                          CheckMode.STRICT, io.ftpseq.rules.Severity.INFO, "strict");
                  return new Watched(c, c.watch());
                }));
  }

  @AfterEach
  void stop() throws IOException {
    if (client != null && client.isConnected()) {
      client.disconnect();
    }
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void keepAliveNoopsDuringTransfersAreNeitherFlaggedNorMisPaired(
      String name, Function<Void, Watched> make) throws Exception {
    Watched w = start(make, Set.of());
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    client.setFileType(FTP.BINARY_FILE_TYPE);
    client.enterLocalPassiveMode();
    client.setBufferSize(1024);
    client.setControlKeepAliveTimeout(Duration.ofMillis(20));
    client.setControlKeepAliveReplyTimeout(Duration.ofMillis(200));
    // The upload outlasts the keep-alive: FtpServer answers the NOOPs after its 226.
    assertThat(client.storeFile("up.bin", ServerFixture.slowSource(16 * 1024, 15))).isTrue();
    // The download is slow on our side only: FtpServer's 226 comes first, and Commons Net's
    // first keep-alive read takes it.
    client.retrieveFile("big.bin", ServerFixture.slowSink(15));
    client.setControlKeepAliveTimeout(Duration.ZERO);
    assertThat(client.sendCommand("PWD")).isEqualTo(257);
    client.logout();

    assertThat(w.watch().findings()).isEmpty();
    assertThat(readBack(w.watch()).findings()).isEmpty();
    assertThat(w.watch().transcript()).contains("C: NOOP", "control keep-alive NOOP");
    for (Exchange exchange : exchanges(w.watch().events())) {
      if (exchange.command() == null) {
        continue;
      }
      Verb verb = exchange.command().command().verb();
      exchange
          .finalReply()
          .ifPresent(
              reply ->
                  assertThat(reply.reply().code().value() == 200)
                      .as("%s answered %s", verb, reply.reply())
                      .isEqualTo(verb == Verb.NOOP || verb == Verb.TYPE));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void automaticFeatWhileConnectingIsNotAFinding(String name, Function<Void, Watched> make)
      throws Exception {
    server = EmbeddedFtpServer.start(temp.resolve("home"));
    Watched w = make.apply(null);
    client = w.client();
    client.setAutodetectUTF8(true);
    ServerFixture.connect(client, server);
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    client.logout();
    // FtpServer refuses FEAT before login (530), which the RFCs do not list for FEAT; the FEAT
    // is Commons Net's, not the caller's, so the finding is left out.
    assertThat(w.watch().transcript())
        .contains("# sent by Commons Net itself: ", "C: FEAT\nS: 530");
    assertThat(w.watch().findings()).isEmpty();
    // `ftpseq check` of the published transcript agrees: the mark before FEAT is read back.
    assertThat(readBack(w.watch()).findings()).isEmpty();
  }

  private static SessionCheck readBack(FtpSessionWatch watch) throws IOException {
    byte[] transcript = watch.transcript().getBytes(StandardCharsets.UTF_8);
    return new TranscriptChecker(ServerProfiles.RFC, null)
        .check(watch.name(), new ByteArrayInputStream(transcript))
        .sessions()
        .get(0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void epsvRefusedFallsBackToPasvWithoutFindings(String name, Function<Void, Watched> make)
      throws Exception {
    Watched w = start(make, Set.of("EPSV"));
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    client.enterLocalPassiveMode();
    client.setUseEPSVwithIPv4(true);
    client.listFiles();
    client.retrieveFile("report.csv", new ByteArrayOutputStream());
    client.logout();
    assertThat(w.watch().transcript())
        .contains("C: EPSV\nS: 502 Command not implemented.\nC: PASV");
    assertThat(w.watch().findings()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void restartOffsetGoesRightBeforeTheNextTransfer(String name, Function<Void, Watched> make)
      throws Exception {
    Watched w = start(make, Set.of());
    client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
    client.enterLocalPassiveMode();
    client.setRestartOffset(3);
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    client.retrieveFile("report.csv", tail);
    client.logout();
    assertThat(tail.toString(StandardCharsets.UTF_8)).isEqualTo(ServerFixture.REPORT.substring(3));
    assertThat(w.watch().transcript()).containsPattern("C: PASV\nS: 227 .*\nC: REST 3\nS: 350");
    assertThat(w.watch().findings()).isEmpty();
  }

  private Watched start(Function<Void, Watched> make, Set<String> refused) throws Exception {
    server = EmbeddedFtpServer.start(temp.resolve("home"), refused);
    Files.writeString(temp.resolve("home/report.csv"), ServerFixture.REPORT);
    Files.write(temp.resolve("home/big.bin"), new byte[64 * 1024]);
    Watched w = make.apply(null);
    client = w.client();
    ServerFixture.connect(client, server);
    return w;
  }

  private static List<Exchange> exchanges(List<SessionEvent> events) {
    List<Exchange> out = new ArrayList<>();
    ExchangePairer pairer =
        new ExchangePairer(
            new ExchangePairer.Listener() {
              @Override
              public void exchange(Exchange exchange) {
                out.add(exchange);
              }

              @Override
              public void note(Note note) {}
            });
    events.forEach(pairer::accept);
    pairer.finish();
    return out;
  }
}
