package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.probe.ProfileDifference;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.testing.EmbeddedFtpServer;
import io.ftpseq.testing.servers.FtpServerUnderTest;
import io.ftpseq.testing.servers.RealServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ftpseq probe}: the dry run against its golden file, the password never taken from the
 * command line, and a real probe of the embedded Apache FtpServer, whose observed profile must be
 * its built-in one. Run with {@code -Dgolden.update=true} to rewrite the golden file.
 */
class ProbeCommandTest {

  private static final Path DRY_RUN = Path.of("src/test/resources/golden/probe/dry-run.txt");

  @TempDir Path temp;

  @AfterEach
  void restoreEnvironment() {
    ProbeCommand.environment = System::getenv;
  }

  @Test
  void dryRunListsEveryCommandWithoutConnecting() throws Exception {
    CliRun run = CliRun.of("probe", "--dry-run", "ftp://alice@192.0.2.1:2121");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).doesNotContain("{password}");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DRY_RUN.getParent());
      Files.writeString(DRY_RUN, run.out(), StandardCharsets.UTF_8);
    }
    assertThat(run.out()).isEqualTo(Files.readString(DRY_RUN, StandardCharsets.UTF_8));
  }

  @Test
  void aPasswordInTheUrlIsRefused() {
    CliRun run = CliRun.of("probe", "--dry-run", "ftp://alice:secret@192.0.2.1");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("a password is never given on the command line");
  }

  @Test
  void aUrlWithoutUserIsAUsageError() {
    CliRun run = CliRun.of("probe", "--dry-run", "ftp://192.0.2.1");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("the URL needs a user name");
  }

  /**
   * An --output in a directory that does not exist was found only once the probe was over, when
   * writing it ended the run with an internal error; it is a usage error before anything runs.
   */
  @Test
  void anOutputInAMissingDirectoryIsAUsageErrorBeforeProbing() throws Exception {
    ProbeCommand.environment = name -> "secret";
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path output = temp.resolve("missing").resolve("observed.json");

    CliRun run =
        CliRun.of("probe", "ftp://alice@127.0.0.1:" + closedPort, "--output", output.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines())
        .containsExactly(
            "ftpseq: --output "
                + output
                + ": the directory "
                + output.getParent()
                + " does not exist",
            "ftpseq: try 'ftpseq probe --help' for usage");
  }

  @Test
  void aServerThatDoesNotAnswerIsOneLineAndExitCodeThree() throws Exception {
    ProbeCommand.environment = name -> "secret";
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    CliRun run = CliRun.of("probe", "ftp://alice@127.0.0.1:" + closedPort);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err())
        .isEqualTo(
            "ftpseq: probe: 127.0.0.1:"
                + closedPort
                + ": connection refused (no FTP server listens there)\n");
  }

  /**
   * A port that accepts the connection and sends nothing said "no greeting from 127.0.0.1:PORT"
   * after the host it had just named, and not how long it waited nor which option sets that.
   */
  @Test
  void aPortThatAcceptsButNeverGreetsSaysHowLongItWaited() throws Exception {
    ProbeCommand.environment = name -> "secret";
    try (java.net.ServerSocket silent =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      CliRun run =
          CliRun.of(
              "probe",
              "--reply-timeout",
              "300ms",
              "ftp://alice@127.0.0.1:" + silent.getLocalPort());

      assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
      assertThat(run.err())
          .isEqualTo(
              "ftpseq: probe: 127.0.0.1:"
                  + silent.getLocalPort()
                  + ": no greeting within 300 ms (--reply-timeout): the port took the connection"
                  + " but sent nothing, where an FTP server greets at once\n");
    }
  }

  /** A port out of range was an internal error (exit 4) when the probe tried to connect. */
  @Test
  void aPortOutOfRangeIsAUsageError() {
    ProbeCommand.environment = name -> "secret";
    for (String port : List.of("99999", "0")) {
      CliRun run = CliRun.of("probe", "ftp://alice@127.0.0.1:" + port);

      assertThat(run.exitCode()).as(port).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err())
          .as(port)
          .startsWith("ftpseq: a port is 1 to 65535, not " + port + ": ftp://alice@127.0.0.1:");
    }
  }

  /** The JDK says only the host's name when it does not resolve: "host:21: host". */
  @Test
  void aHostThatDoesNotResolveIsSaidSo() {
    assertThat(
            ProbeCommand.reason(
                new java.net.UnknownHostException("nosuchhost.invalid"),
                io.ftpseq.explain.Explainer.forLocale(java.util.Locale.ROOT)))
        .isEqualTo("no such host (the name does not resolve)");
  }

  @Test
  @Timeout(value = 1, unit = TimeUnit.MINUTES)
  void aWrongPasswordStopsAfterTheFirstFailedLoginWithOneLine() throws Exception {
    ProbeCommand.environment = name -> "not-the-password";
    CliRun run;
    try (EmbeddedFtpServer server = EmbeddedFtpServer.start(temp)) {
      run = CliRun.of("probe", "ftp://" + EmbeddedFtpServer.USER + "@127.0.0.1:" + server.port());
    }
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err().lines().toList())
        .singleElement()
        .asString()
        .contains("login as alice failed: 530 ")
        .endsWith("no scenario was run (check the user name and FTPSEQ_PASSWORD)");
    assertThat(run.out()).isEmpty();
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void probingApacheFtpServerObservesItsBuiltInProfile() throws Exception {
    Path profile = temp.resolve("observed.json");
    CliRun run;
    try (FtpServerUnderTest server = RealServer.APACHE_FTPSERVER.startOrSkip(temp)) {
      ProbeCommand.environment = name -> server.password();
      run =
          CliRun.of(
              "probe",
              "--output",
              profile.toString(),
              "ftp://" + server.user() + "@" + server.host() + ":" + server.port());
      assertThat(run.out()).doesNotContain(server.password());
    }

    assertThat(run.exitCode()).as(run.err()).isZero();
    ServerProfile observed = ServerProfiles.load(profile);
    ServerProfile builtIn = ServerProfiles.builtIn("apache-ftpserver").orElseThrow();
    assertThat(ProfileDifference.between(observed, builtIn))
        .as("observed keys the built-in profile has a reaction for")
        .filteredOn(difference -> difference.expected().isPresent())
        .isEmpty();
    assertThat(run.out())
        .contains("nearest built-in profile: apache-ftpserver (")
        .contains("* EPSV_ALL_VIOLATION (RFC 2428 §3), seen as EPRT_AFTER_EPSV_ALL")
        .contains("> EPSV ALL")
        .contains("< 200 Command EPRT okay.");
  }
}
