package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.ServerProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  /**
   * A profile file that cannot be read, or is not a profile, was a usage error (2) in check and an
   * input error (3) in simulate, in other words: it is the same usage error in every command that
   * takes --profile, as README says of a bad file given as an option.
   */
  @Test
  void aBadProfileFileIsTheSameUsageErrorInEveryCommand() throws IOException {
    Path script = Files.writeString(temp.resolve("script.txt"), "USER alice\nRNTO x\n");
    Path notJson = Files.writeString(temp.resolve("notes.json"), "{bad");
    Path notUtf8 = Files.write(temp.resolve("latin.json"), new byte[] {'{', (byte) 0xe9, '}'});
    Path directory = Files.createDirectories(temp.resolve("profiles.json"));
    for (Path file : List.of(temp.resolve("none.json"), notJson, notUtf8, directory)) {
      String profile = file.toString();
      List<CliRun> runs =
          List.of(
              CliRun.of("check", "--profile", profile, VSFTPD),
              CliRun.of("simulate", "--profile", profile, script.toString()),
              CliRun.of("simulate", "--profile", "vsftpd," + profile, script.toString()),
              CliRun.of("proxy", "--upstream", "127.0.0.1:9", "--profile", profile));
      List<String> commands = List.of("check", "simulate", "simulate", "proxy");
      String first = runs.get(0).err().lines().findFirst().orElse("");
      assertThat(first).as(profile).startsWith("ftpseq: profile " + profile + ":");
      for (int i = 0; i < runs.size(); i++) {
        CliRun run = runs.get(i);
        assertThat(run.exitCode()).as(commands.get(i) + " " + run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines())
            .as(commands.get(i))
            .containsExactly(
                first, "ftpseq: try 'ftpseq " + commands.get(i) + " --help' for usage");
        assertThat(run.out()).isEmpty();
      }
    }
    assertThat(CliRun.of("check", "--profile", notUtf8.toString(), VSFTPD).err())
        .startsWith("ftpseq: profile " + notUtf8 + ": not UTF-8 text\n");
  }

  /**
   * A profile file saved from a built-in keeps its name ({@code vsftpd}), so reports showed it as
   * the built-in, edited or not. It is now shown by its file: named after it, and titled with it.
   */
  @Test
  void aProfileFileNamedLikeABuiltInIsShownByItsFile() throws IOException {
    Path file = temp.resolve("mine.json");
    CliRun.of("profiles", "--save", "vsftpd", file.toString());

    CliRun fromFile = CliRun.of("check", "--lang", "en", "--profile", file.toString(), VSFTPD);
    CliRun json = CliRun.of("check", "--report", "json", "--profile", file.toString(), VSFTPD);
    CliRun simulate =
        CliRun.of(
            "simulate",
            "--profile",
            "vsftpd," + file,
            Files.writeString(temp.resolve("script.txt"), "USER alice\nRNTO x\n").toString());

    assertThat(fromFile.out())
        .contains(": checked with profile mine.json.")
        .contains("vsftpd (" + file + ") answers this with 425")
        .doesNotContain("checked with profile vsftpd");
    assertThat(json.out()).contains("\"profile\" : \"mine.json\"");
    assertThat(simulate.exitCode()).as(simulate.err()).isZero();
    assertThat(simulate.out())
        .containsPattern(
            "#\\s+command\\s+vsftpd\\s+vsftpd \\("
                + java.util.regex.Pattern.quote(file.toString())
                + "\\)");
  }

  /** {@code all} is simulate's word: check and proxy said only that it is unknown. */
  @Test
  void allNamedToCheckOrProxySaysItIsForSimulate() {
    CliRun check = CliRun.of("check", "--profile", "ALL", VSFTPD);
    CliRun proxy = CliRun.of("proxy", "--upstream", "127.0.0.1:9", "--profile", "all");
    CliRun simulate = CliRun.of("simulate", "--profile", "Auto", VSFTPD);

    assertThat(check.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(check.err())
        .startsWith(
            "ftpseq: unknown profile 'all' (all is for simulate, which shows every built-in"
                + " server side by side; check takes one profile, or auto to pick one per session"
                + " from the server's greeting); known profiles: ");
    assertThat(proxy.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(proxy.err()).contains("; proxy takes one profile, or auto to pick one");
    assertThat(simulate.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(simulate.err())
        .startsWith(
            "ftpseq: unknown profile 'auto' (auto is for check and proxy, which pick a profile"
                + " per session from the server's greeting; simulate has no server to ask, so"
                + " name the profiles, or all); known profiles: ");
  }

  /**
   * {@code profiles --save} into a directory that does not exist, or onto a directory, ended with
   * an internal error (exit 4) and Java's exception name; it is a usage error in check's words.
   */
  @Test
  void savingAProfileWhereNoFileCanBeIsAUsageError() {
    Path missing = temp.resolve("missing").resolve("mine.json");

    CliRun inMissing = CliRun.of("profiles", "--save", "vsftpd", missing.toString());
    CliRun onDirectory = CliRun.of("profiles", "--save", "vsftpd", temp.toString());

    assertThat(inMissing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(inMissing.err().lines())
        .containsExactly(
            "ftpseq: --save vsftpd "
                + missing
                + ": the directory "
                + missing.getParent()
                + " does not exist",
            "ftpseq: try 'ftpseq profiles --help' for usage");
    assertThat(onDirectory.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(onDirectory.err())
        .startsWith("ftpseq: --save vsftpd " + temp + " is a directory; name a file\n");
  }

  /** A second --save was dropped without a word, and --save NAME - wrote a file named "-". */
  @Test
  void everySaveIsWrittenAndADashIsStandardOutput() throws IOException {
    Path first = temp.resolve("first.json");
    Path second = temp.resolve("second.json");

    CliRun both =
        CliRun.of(
            "profiles",
            "--save",
            "vsftpd",
            first.toString(),
            "--save",
            "proftpd",
            second.toString());
    CliRun dash = CliRun.of("profiles", "--save", "pure-ftpd", "-");
    CliRun twice =
        CliRun.of(
            "profiles", "--save", "vsftpd", first.toString(), "--save", "iis", first.toString());

    assertThat(both.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(ServerProfiles.load(first).name()).isEqualTo("vsftpd");
    assertThat(ServerProfiles.load(second).name()).isEqualTo("proftpd");
    assertThat(dash.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(ServerProfiles.read("-", dash.out()).name()).isEqualTo("pure-ftpd");
    assertThat(Path.of("-")).doesNotExist();
    assertThat(twice.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(twice.err()).startsWith("ftpseq: --save names " + first + " twice");
    assertThat(ServerProfiles.load(first).name()).as("nothing written").isEqualTo("vsftpd");
  }

  @Test
  void savedProfileFileChecksLikeTheBuiltIn() throws IOException {
    Path file = temp.resolve("mine.json");

    CliRun save = CliRun.of("profiles", "--save", "vsftpd", file.toString());
    CliRun fromFile = CliRun.of("check", "--lang", "en", "--profile", file.toString(), VSFTPD);
    CliRun builtIn = CliRun.of("check", "--lang", "en", "--profile", "vsftpd", VSFTPD);

    assertThat(save.exitCode()).isEqualTo(ExitCodes.OK);
    // the same findings, and the same words but for the profile's name and title
    assertThat(
            fromFile
                .out()
                .replace("checked with profile mine.json.", "checked with profile vsftpd.")
                .replace("vsftpd (" + file + ")", "vsftpd"))
        .isEqualTo(builtIn.out());
    assertThat(fromFile.out()).contains("vsftpd (" + file + ") answers this with 425");
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
        .contains("vsftpd (" + file + ") answers this with 503 No.")
        .contains(
            ":47: [2026-11-23T06:40:24] info REPLY_DIFFERS_FROM_PROFILE: The server answered RETR renamed.csv with"
                + " \"425 Use PORT or PASV first.\"; the vsftpd ("
                + file
                + ") profile predicts 503 No here (TRANSFER_WITHOUT_DATA_CHANNEL).");
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
