package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --profile NAME|auto|FILE} and {@code ftpseq profiles}. */
class ProfileOptionTest {

  private static final String VSFTPD = "samples/vsftpd/log-ftp-protocol-two-sessions.log";

  @TempDir Path temp;

  @Test
  void unknownProfileIsAUsageErrorListingTheNames() {
    CliRun run = CliRun.of("check", "--profile", "wu-ftpd", VSFTPD);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .startsWith(
            "ftpseq: unknown profile 'wu-ftpd'; known profiles: rfc, vsftpd, proftpd, pure-ftpd,"
                + " pyftpdlib, apache-ftpserver, filezilla-server, bftpd, iis, auto, or a profile"
                + " JSON file\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unreadableProfileFileIsAUsageError() throws IOException {
    Path broken = temp.resolve("broken.json");
    Files.writeString(broken, "{\"name\": \"x\"}");

    CliRun missing = CliRun.of("check", "--profile", temp.resolve("none.json").toString(), VSFTPD);
    CliRun bad = CliRun.of("check", "--profile", broken.toString(), VSFTPD);

    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err())
        .startsWith("ftpseq: profile " + temp.resolve("none.json") + ": no such file\n");
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err())
        .startsWith(
            "ftpseq: profile " + broken + ": 'reactions' must be an object of situation keys\n");
  }

  @Test
  void savedProfileFileChecksLikeTheBuiltIn() throws IOException {
    Path file = temp.resolve("mine.json");

    CliRun save = CliRun.of("profiles", "--save", "vsftpd", file.toString());
    CliRun fromFile = CliRun.of("check", "--lang", "en", "--profile", file.toString(), VSFTPD);
    CliRun builtIn = CliRun.of("check", "--lang", "en", "--profile", "vsftpd", VSFTPD);

    assertThat(save.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(fromFile.out()).isEqualTo(builtIn.out()).contains("vsftpd answers this with 425");
  }

  @Test
  void editedProfileChangesWhatIsReported() throws IOException {
    Path file = temp.resolve("strict.json");
    CliRun.of("profiles", "--save", "vsftpd", file.toString());
    Files.writeString(
        file,
        Files.readString(file)
            .replace(
                "\"TRANSFER_WITHOUT_DATA_CHANNEL\": { \"code\": 425, \"text\": \"Use PORT or PASV"
                    + " first.\" }",
                "\"TRANSFER_WITHOUT_DATA_CHANNEL\": { \"code\": 503, \"text\": \"No.\" }"));

    CliRun run = CliRun.of("check", "--lang", "en", "--profile", file.toString(), VSFTPD);

    assertThat(run.out())
        .contains("vsftpd answers this with 503 No.")
        .contains(
            ":47: [2026-11-23T06:40:24] info REPLY_DIFFERS_FROM_PROFILE: The server answered RETR renamed.csv with"
                + " \"425 Use PORT or PASV first.\"; the vsftpd profile predicts 503 No here"
                + " (TRANSFER_WITHOUT_DATA_CHANNEL).");
  }

  @Test
  void autoSaysWhichProfileAndWhy() {
    CliRun run = CliRun.of("check", "--lang", "en", "--profile", "auto", VSFTPD);

    assertThat(run.out())
        .contains(
            "[127.0.0.1 pid 17062]: profile vsftpd, chosen by --profile auto from the greeting"
                + " \"220 (vsFTPd 3.0.3)\".");
  }

  @Test
  void profilesListsEveryBuiltIn() {
    CliRun run = CliRun.of("profiles");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out().lines().map(l -> l.split(" +", -1)[0]))
        .containsExactly(
            "rfc",
            "vsftpd",
            "proftpd",
            "pure-ftpd",
            "pyftpdlib",
            "apache-ftpserver",
            "filezilla-server",
            "bftpd",
            "iis");
  }

  @Test
  void markdownReportHasAProfileColumn() {
    CliRun run = CliRun.of("check", "--report", "markdown", "--profile", "auto", VSFTPD);

    assertThat(run.out())
        .contains("| " + VSFTPD + " 127.0.0.1 pid 17107 | vsftpd | vsftpd (auto) | complete |")
        .contains("| vsftpd (auto) |");
  }
}
