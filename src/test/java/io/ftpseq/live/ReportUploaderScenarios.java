package io.ftpseq.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.Severity;
import io.ftpseq.testing.EmbeddedFtpServer;
import io.ftpseq.testing.servers.FtpServerUnderTest;
import io.ftpseq.testing.servers.RealServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Test classes written as a user would write them, run by {@link FtpSeqExtensionTest} through the
 * JUnit Platform test kit. The name does not end in {@code Test}, so the build does not run them on
 * their own: some are meant to fail.
 */
final class ReportUploaderScenarios {

  private ReportUploaderScenarios() {}

  /** A server per scenario class, with one report in it. */
  abstract static class WithServer {
    static EmbeddedFtpServer server;

    @BeforeAll
    static void startServer() throws Exception {
      Path home = Files.createTempDirectory("ftpseq-scenario");
      server = EmbeddedFtpServer.start(home);
      Files.writeString(home.resolve("report.csv"), ServerFixture.REPORT);
    }

    @AfterAll
    static void stopServer() {
      server.close();
    }

    static ReportUploader connect(ReportUploader uploader) throws IOException {
      ServerFixture.connect(uploader.client, server);
      uploader.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
      return uploader;
    }
  }

  /** Correct code, with keep-alive and a restart offset: passes. */
  @ExtendWith(FtpSeqExtension.class)
  static class CorrectUploader extends WithServer {
    @Test
    void publishesAndResumes(FTPClient client) throws IOException {
      ReportUploader uploader = connect(new ReportUploader(client));
      uploader.publish("daily.csv", ServerFixture.bytes(ServerFixture.REPORT));
      assertThat(uploader.download("daily.csv")).hasSize(ServerFixture.REPORT.length());
      assertThat(uploader.resume("daily.csv", 3)).hasSize(ServerFixture.REPORT.length() - 3);
      client.logout();
    }
  }

  /**
   * A passive mode set up and never used, a warning, under an extension that fails on errors only:
   * passes, and prints the warning for Surefire's report.
   */
  static class UnusedPassiveMode extends WithServer {
    @RegisterExtension
    static FtpSeqExtension ftpseq = FtpSeqExtension.builder().failOn(Severity.ERROR).build();

    @Test
    void listsNothing(FTPClient client) throws IOException {
      connect(new ReportUploader(client));
      client.pasv();
      client.logout();
    }
  }

  /** The careless variant, watched through the recorder on the client it made: fails. */
  static class CarelessUploader extends WithServer {
    @RegisterExtension
    static FtpSeqExtension ftpseq = FtpSeqExtension.builder().failOn(Severity.WARNING).build();

    @Test
    void publishesAndDownloads(FtpSeqRecorder recorder) throws IOException {
      FTPClient client = new FTPClient();
      recorder.watch(client);
      ReportUploader uploader = connect(ReportUploader.careless(client));
      uploader.publish("daily.csv", ServerFixture.bytes(ServerFixture.REPORT));
      uploader.download("report.csv");
      client.disconnect();
    }
  }

  /** The careless variant judged at error level only: the transfer warning does not fail it. */
  static class CarelessUploaderErrorsOnly extends WithServer {
    @RegisterExtension
    static FtpSeqExtension ftpseq = FtpSeqExtension.builder().failOn(Severity.ERROR).build();

    @Test
    void downloadsWithoutPasv(FTPClient client) throws IOException {
      ServerFixture.connect(client, server);
      client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
      ReportUploader.careless(client).download("report.csv");
    }
  }

  /**
   * Four tests in parallel, two careless and two correct; each waits until another one is running
   * before its session, so sessions surely overlap.
   */
  @ExtendWith(FtpSeqExtension.class)
  @Execution(ExecutionMode.CONCURRENT)
  static class ParallelUploaders extends WithServer {
    static final CountDownLatch TWO_RUNNING = new CountDownLatch(2);

    @Test
    void correctOne(FTPClient client) throws Exception {
      run(new ReportUploader(client), "one.csv");
    }

    @Test
    void correctTwo(FTPClient client) throws Exception {
      run(new ReportUploader(client), "two.csv");
    }

    @Test
    void carelessThree(FTPClient client) throws Exception {
      run(ReportUploader.careless(client), "three.csv");
    }

    @Test
    void carelessFour(FTPClient client) throws Exception {
      run(ReportUploader.careless(client), "four.csv");
    }

    private static void run(ReportUploader uploader, String name) throws Exception {
      TWO_RUNNING.countDown();
      assertThat(TWO_RUNNING.await(20, TimeUnit.SECONDS))
          .as("another test runs alongside")
          .isTrue();
      connect(uploader).publish(name, ServerFixture.bytes(name));
    }
  }

  /**
   * Tests whose injected client never reaches a server: one never connects, one's connect is
   * refused; a third publishes, so the report directory has a transcript to check.
   */
  @ExtendWith(FtpSeqExtension.class)
  static class UnusedClients extends WithServer {
    @Test
    void neverConnects(FTPClient client) {
      assertThat(client.isConnected()).isFalse();
    }

    @Test
    void connectIsRefused(FTPClient client) throws IOException {
      int closed;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closed = socket.getLocalPort();
      }
      int port = closed;
      assertThatThrownBy(() -> client.connect(InetAddress.getLoopbackAddress(), port))
          .isInstanceOf(ConnectException.class);
    }

    @Test
    void publishes(FTPClient client) throws IOException {
      connect(new ReportUploader(client)).publish("used.csv", ServerFixture.bytes("used"));
      client.logout();
    }
  }

  /** A team's upload test; another team's test class has the same simple name. */
  static final class TeamA {
    private TeamA() {}

    @ExtendWith(FtpSeqExtension.class)
    static class UploadTest extends WithServer {
      @Test
      void publishes(FTPClient client) throws IOException {
        connect(ReportUploader.careless(client)).publish("team-a.csv", ServerFixture.bytes("a"));
      }
    }
  }

  /**
   * The other team's upload test, same simple name as {@link TeamA.UploadTest}, with an overloaded
   * test method: every session still gets files of its own.
   */
  static final class TeamB {
    private TeamB() {}

    @ExtendWith(FtpSeqExtension.class)
    static class UploadTest extends WithServer {
      @Test
      void publishes(FTPClient client) throws IOException {
        connect(ReportUploader.careless(client)).publish("team-b.csv", ServerFixture.bytes("b"));
      }

      @Test
      void publishes(FtpSeqRecorder recorder) throws IOException {
        FTPClient client = new FTPClient();
        recorder.watch(client);
        connect(ReportUploader.careless(client)).publish("team-b2.csv", ServerFixture.bytes("c"));
        client.disconnect();
      }
    }
  }

  /**
   * The careless and the correct uploader against every real server, each session checked with the
   * profile its greeting names; each server starts once for the class.
   */
  static class UploadersOnEveryServer {
    @RegisterExtension
    static FtpSeqExtension ftpseq = FtpSeqExtension.builder().profile(ProfileChoice.AUTO).build();

    @TempDir static Path home;
    static StartedServers servers;

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
    void careless(RealServer kind, FTPClient client) throws Exception {
      FtpServerUnderTest server = servers.get(kind);
      StartedServers.connect(client, server);
      ReportUploader uploader = ReportUploader.careless(client);
      uploader.login(server.user(), server.password());
      uploader.publish("careless.csv", ServerFixture.bytes(ServerFixture.REPORT));
      StartedServers.downloadWithoutWaiting(uploader, client);
    }

    @ParameterizedTest
    @EnumSource(RealServer.class)
    void correct(RealServer kind, FTPClient client) throws Exception {
      FtpServerUnderTest server = servers.get(kind);
      StartedServers.connect(client, server);
      ReportUploader uploader = new ReportUploader(client);
      uploader.login(server.user(), server.password());
      uploader.publish("correct.csv", ServerFixture.bytes(ServerFixture.REPORT));
      assertThat(uploader.resume("correct.csv", 3)).hasSize(ServerFixture.REPORT.length() - 3);
      client.logout();
    }
  }
}
