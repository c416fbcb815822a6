package io.ftpseq.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.ftpseq.cli.CliRun;
import io.ftpseq.rules.Finding;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.Severity;
import io.ftpseq.testing.EmbeddedFtpServer;
import io.ftpseq.testing.servers.FtpServerUnderTest;
import io.ftpseq.testing.servers.ProftpdServer;
import io.ftpseq.testing.servers.RealServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server that drops the connection in the middle of a download: ProFTPD's session process
 * killed (SIGKILL, as a crash or an administrator would), and Apache FtpServer's session socket
 * closed. What the developer sees (the exception, the watch's findings and report) and what {@code
 * ftpseq check} says of the transcript the test wrote.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerDropsTheConnectionTest {

  /** Large enough that the server is still sending when its session is dropped. */
  private static final long BIG = 256L * 1024 * 1024;

  /** What Commons Net says when it reads the end of the control connection. */
  private static final String CLOSED = "Connection closed without indication.";

  @TempDir Path temp;

  @Test
  void proftpdSessionKilledDuringRetrIsAnErrorOfTheSession() throws Exception {
    FtpServerUnderTest started =
        RealServer.PROFTPD.startOrSkip(Files.createDirectories(temp.resolve("proftpd")));
    try (started) {
      ProftpdServer server = (ProftpdServer) started;
      Path big = bigFile(server.dataDirectory());
      try {
        CheckedFtpClient client = new CheckedFtpClient(CheckMode.STRICT);
        StartedServers.connect(client, server);
        client.login(server.user(), server.password());
        Throwable thrown =
            download(
                client,
                () -> {
                  for (ProcessHandle session : server.sessionProcesses()) {
                    session.destroyForcibly();
                    session.onExit().get(10, TimeUnit.SECONDS);
                  }
                });
        seenAndChecked(client, thrown, "proftpd");
      } finally {
        Files.deleteIfExists(big);
      }
    }
  }

  @Test
  void apacheFtpServerDroppingItsSessionDuringRetrIsAnErrorOfTheSession() throws Exception {
    Path files = Files.createDirectories(temp.resolve("apache"));
    bigFile(files);
    try (EmbeddedFtpServer server = EmbeddedFtpServer.start(files)) {
      CheckedFtpClient client = new CheckedFtpClient(CheckMode.STRICT);
      ServerFixture.connect(client, server);
      client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD);
      Throwable thrown = download(client, server::dropSessions);
      seenAndChecked(client, thrown, "apache-ftpserver");
    }
  }

  /** What the developer sees, and what {@code ftpseq check} says of the transcript. */
  private void seenAndChecked(CheckedFtpClient client, Throwable thrown, String name)
      throws IOException {
    FtpSessionWatch watch = client.watch();
    String transcript = watch.transcript();
    // the exception the code under test gets: Commons Net read the end of the control connection
    assertThat(thrown).as(transcript).isInstanceOf(FTPConnectionClosedException.class);
    assertThat(thrown).hasMessage(CLOSED);
    // the transcript shows the transfer's 150, then where the server closed the connection
    List<String> lines = transcript.lines().toList();
    assertThat(lines.subList(lines.size() - 3, lines.size()))
        .as(transcript)
        .satisfiesExactly(
            l -> assertThat(l).isEqualTo("C: RETR big.bin"),
            l -> assertThat(l).startsWith("S: 150 "),
            l -> assertThat(l).isEqualTo("# closed by the server: " + CLOSED));
    assertThat(watch.findingsAtLeast(Severity.ERROR))
        .as(transcript)
        .extracting(Finding::rule, f -> f.command().text(), f -> f.reply().code().value())
        .containsExactly(tuple(Rule.CONNECTION_CLOSED_DURING_COMMAND, "RETR big.bin", 150));
    assertThat(watch.describe(watch.findings()))
        .startsWith(
            "CONNECTION_CLOSED_DURING_COMMAND at command 5 \"RETR big.bin\": The server closed the"
                + " connection while RETR big.bin waited for its final reply");
    assertThat(watch.report())
        .contains("note: the server closed the connection here: " + CLOSED)
        .contains("1 error(s)");
    Path file = Files.writeString(temp.resolve(name + "-dropped.txt"), transcript);
    CliRun check = CliRun.of("check", "--lang", "en", file.toString());
    assertThat(check.out())
        .as(transcript)
        .contains(": note: the server closed the connection here: " + CLOSED)
        .contains(
            ": error CONNECTION_CLOSED_DURING_COMMAND: The server closed the connection while RETR"
                + " big.bin waited for its final reply; the last reply to it was \"150 ")
        .contains("1 error(s), 0 warning(s)");
    assertThat(check.exitCode()).isNotZero();
  }

  /** A sparse file of {@link #BIG} bytes: nothing to write, all of it to send. */
  private static Path bigFile(Path directory) throws IOException {
    Path big = directory.resolve("big.bin");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(BIG);
    }
    return big;
  }

  /** What must happen once the first bytes of the download came in. */
  @FunctionalInterface
  private interface Drop {
    void now() throws Exception;
  }

  /**
   * Downloads big.bin in passive binary mode; at its first bytes the server's session is dropped,
   * while the server is still sending. Returns what the download threw.
   */
  private static Throwable download(CheckedFtpClient client, Drop drop) throws IOException {
    client.setFileType(FTP.BINARY_FILE_TYPE);
    client.enterLocalPassiveMode();
    OutputStream sink =
        new OutputStream() {
          private boolean dropped;

          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            if (!dropped) {
              dropped = true;
              try {
                drop.now();
              } catch (Exception e) {
                throw new UncheckedIOException(new IOException("could not drop the session", e));
              }
            }
          }
        };
    return catchThrowable(() -> client.retrieveFile("big.bin", sink));
  }
}
