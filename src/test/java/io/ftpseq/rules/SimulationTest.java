package io.ftpseq.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.Command;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a simulated server answers, step by step, and what the script's assumptions change. */
class SimulationTest {

  @Test
  void eachStepGetsTheProfilesReplyAndItsFindings() {
    Simulation.Dialogue vsftpd =
        run("vsftpd", Assumptions.NONE, "HELP", "USER alice", "PASS secret", "RETR a.txt");

    assertThat(vsftpd.steps())
        .extracting(s -> s.prediction().code())
        .containsExactly(530, 331, 230, 425);
    assertThat(vsftpd.steps())
        .extracting(Simulation.Step::refused)
        .containsExactly(true, false, false, true);
    assertThat(vsftpd.steps().get(0).findings())
        .extracting(Finding::rule)
        .containsExactly(Rule.SERVER_SPECIFIC_REFUSAL);
    assertThat(vsftpd.steps().get(3).findings())
        .extracting(Finding::rule)
        .containsExactly(Rule.TRANSFER_WITHOUT_DATA_CHANNEL);
  }

  @Test
  void aTransferThatStartsAlsoCompletesSoTheNextNeedsANewChannel() {
    Simulation.Dialogue pure =
        run("pure-ftpd", Assumptions.NONE, "USER u", "PASS p", "PASV", "LIST", "LIST");

    assertThat(pure.steps().get(3).replies())
        .extracting(r -> r.code().value())
        .containsExactly(150, 226);
    assertThat(pure.steps().get(4).prediction().situation())
        .hasToString("TRANSFER_AFTER_USED_DATA_CHANNEL");
  }

  /**
   * Apache FtpServer starts a transfer on a used data channel with 150, then fails it with 425
   * (seen by the conformance tests): the step is a refusal, and the simulated dialogue shows both
   * replies.
   */
  @Test
  void aTransferStartedThenFailedIsRefusedWithBothReplies() {
    Simulation.Dialogue apache =
        run("apache-ftpserver", Assumptions.NONE, "USER u", "PASS p", "PASV", "LIST", "LIST");

    Simulation.Step second = apache.steps().get(4);
    assertThat(second.prediction().situation()).hasToString("TRANSFER_AFTER_USED_DATA_CHANNEL");
    assertThat(second.replies())
        .extracting(r -> r.code().value() + " " + r.text())
        .containsExactly(
            "150 File status okay; about to open data connection.",
            "425 Can't open data connection.");
    assertThat(second.refused()).isTrue();
    assertThat(apache.steps().get(3).refused()).isFalse();
  }

  @Test
  void aFailingLoginIsRefusedAndTheSessionStaysLoggedOut() {
    Simulation.Dialogue vsftpd =
        run("vsftpd", new Assumptions(true, Set.of()), "USER u", "PASS p", "PWD");

    assertThat(vsftpd.steps().get(1).prediction())
        .isEqualTo(new Prediction(530, "Login incorrect.", Situation.LOGIN_FAILED.key()));
    assertThat(vsftpd.steps().get(2).prediction().situation()).hasToString("BEFORE_LOGIN:PWD");
  }

  @Test
  void aMissingFileIsRefusedWhereTheServerChecksIt() {
    Assumptions missing = new Assumptions(false, Set.of("gone.txt"));

    assertThat(
            run("vsftpd", missing, "USER u", "PASS p", "RETR gone.txt")
                .steps()
                .get(2)
                .prediction()
                .code())
        .as("vsftpd checks the data channel first")
        .isEqualTo(425);
    assertThat(
            run("pure-ftpd", missing, "USER u", "PASS p", "RETR gone.txt")
                .steps()
                .get(2)
                .prediction()
                .code())
        .as("Pure-FTPd checks the file first")
        .isEqualTo(550);
    Simulation.Dialogue rename =
        run("proftpd", missing, "USER u", "PASS p", "RNFR gone.txt", "RNTO x");
    assertThat(rename.steps().get(2).prediction().situation()).hasToString("RNFR_MISSING_FILE");
    assertThat(rename.steps().get(3).prediction().situation())
        .hasToString("RNTO_AFTER_FAILED_RNFR");
  }

  /**
   * A missing path is where the server looks, not the text of the argument: both are resolved
   * against the working directory the script reached, a relative missing path from the login
   * directory, as the server resolves them ({@code .}, {@code ..}, doubled slashes). Where the
   * server has not named its login directory (bftpd), a relative path still leads from it, and an
   * absolute one cannot be told from it.
   */
  @ParameterizedTest(name = "{0}: # missing {1}; {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          vsftpd    | sub/x.txt      | RETR sub/x.txt                    | true
          vsftpd    | sub/x.txt      | CWD sub; RETR x.txt               | true
          vsftpd    | sub/x.txt      | RETR ./sub/x.txt                  | true
          vsftpd    | sub/x.txt      | RETR sub//x.txt                   | true
          vsftpd    | ./sub/x.txt    | CWD sub; CWD ..; RETR sub/./x.txt | true
          vsftpd    | sub/x.txt      | CWD /home/u; RETR sub/x.txt       | true
          vsftpd    | /sub/x.txt     | CWD /sub; RETR x.txt              | true
          vsftpd    | /sub/x.txt     | RETR /sub/x.txt                   | true
          vsftpd    | /sub/x.txt     | CWD sub; RETR x.txt               | false
          vsftpd    | sub/x.txt      | RETR x.txt                        | false
          vsftpd    | sub/x.txt      | CWD other; RETR x.txt             | false
          pyftpdlib | /sub/x.txt     | CWD sub; RETR x.txt               | true
          pyftpdlib | sub/x.txt      | RETR /sub/x.txt                   | true
          bftpd     | sub/x.txt      | CWD sub; RETR x.txt               | true
          bftpd     | sub/x.txt      | CWD sub//; RETR ../sub/x.txt      | true
          bftpd     | /sub/x.txt     | CWD /; RETR sub/x.txt             | true
          bftpd     | /sub/x.txt     | CWD sub; RETR x.txt               | false
          bftpd     | x.txt          | CWD ..; CWD u; RETR x.txt         | false
          iis       | sub/x.txt      | CWD sub; RETR x.txt               | true
          """)
  void aMissingPathIsTheOneTheServerResolves(
      String profile, String missing, String commands, boolean refused) {
    List<String> script = new ArrayList<>(List.of("USER u", "PASS p", "PASV"));
    script.addAll(List.of(commands.split("; ")));
    Simulation.Dialogue dialogue =
        run(profile, new Assumptions(false, Set.of(missing)), script.toArray(String[]::new));

    Simulation.Step retr = dialogue.steps().get(dialogue.steps().size() - 1);
    assertThat(retr.prediction().situation().situation() == Situation.MISSING_FILE)
        .as(retr.prediction().toString())
        .isEqualTo(refused);
  }

  /**
   * A {@code ~} in an argument leads where the server reads it ({@link ReplyNamesTest}); a {@code
   * ~} at the start of a missing path is the login directory, whatever the server.
   */
  @ParameterizedTest(name = "{0}: # missing {1}; {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          vsftpd           | x.txt   | CWD /srv; SIZE ~/x.txt       | true
          vsftpd           | ~/x.txt | SIZE x.txt                   | true
          proftpd          | x.txt   | TYPE I; SIZE ~/x.txt         | true
          pure-ftpd        | x.txt   | CWD /srv; CWD ~; SIZE x.txt  | true
          pure-ftpd        | x.txt   | SIZE ~/x.txt                 | false
          pyftpdlib        | x.txt   | TYPE I; SIZE ~/x.txt         | false
          pyftpdlib        | ~/x.txt | TYPE I; SIZE x.txt           | true
          apache-ftpserver | x.txt   | CWD /pub; SIZE sub/~/x.txt   | true
          """)
  void aMissingPathWithATildeIsWhereTheServerReadsIt(
      String profile, String missing, String commands, boolean refused) {
    aMissingPathIsTheOneTheServerResolves(profile, missing, commands, refused);
  }

  /** The other commands that read a path find it missing the same way. */
  @Test
  void everyCommandThatReadsAPathFindsItMissingWhereTheServerLooks() {
    Assumptions missing = new Assumptions(false, Set.of("sub/x.txt"));

    Simulation.Dialogue proftpd =
        run(
            "proftpd",
            missing,
            "USER u",
            "PASS p",
            "CWD sub",
            "SIZE x.txt",
            "MDTM ./x.txt",
            "DELE ../sub/x.txt",
            "RNFR x.txt");

    assertThat(proftpd.steps().subList(3, 7))
        .extracting(s -> s.prediction().code())
        .containsExactly(550, 550, 550, 550);
  }

  /**
   * Each command that reads a path answers a missing one in the server's own words, as the real
   * servers answered in binary mode (probed with vsftpd 3.0.3, ProFTPD 1.3.8, Pure-FTPd 1.0.50,
   * pyftpdlib 1.5.7, Apache FtpServer 1.2.1); where a profile has no words for the command, those
   * of a missing file in general when their code is one the command may get.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
          vsftpd           | SIZE gone.txt | 550 | Could not get file size.
          vsftpd           | MDTM gone.txt | 550 | Could not get file modification time.
          vsftpd           | DELE gone.txt | 550 | Delete operation failed.
          vsftpd           | RMD gone.txt  | 550 | Remove directory operation failed.
          vsftpd           | CWD gone.txt  | 550 | Failed to change directory.
          proftpd          | SIZE gone.txt | 550 | gone.txt: No such file or directory
          proftpd          | CWD gone.txt  | 550 | gone.txt: No such file or directory
          pure-ftpd        | SIZE gone.txt | 550 | Can't check for file existence
          pure-ftpd        | DELE gone.txt | 550 | Could not delete gone.txt: No such file or directory
          pyftpdlib        | SIZE gone.txt | 550 | /gone.txt is not retrievable.
          pyftpdlib        | RMD gone.txt  | 550 | No such file or directory.
          apache-ftpserver | MDTM gone.txt | 550 | File /gone.txt unavailable.
          apache-ftpserver | DELE gone.txt | 450 | Can't delete file /gone.txt.
          rfc              | SIZE gone.txt | 550 | Requested action not taken. File unavailable.
          iis              | SIZE gone.txt | 550 |
          """)
  void aMissingPathIsAnsweredInEachServersWordsForEachCommand(
      String profile, String command, int code, String text) {
    Simulation.Dialogue dialogue =
        run(
            profile,
            new Assumptions(false, Set.of("gone.txt")),
            "USER u",
            "PASS p",
            "TYPE I",
            command);

    Prediction missing = dialogue.steps().get(3).prediction();
    assertThat(missing.code() + " " + missing.text())
        .isEqualTo(code + " " + (text == null ? "" : text));
  }

  /**
   * SIZE in ASCII mode, the mode a session starts in: ProFTPD and pyftpdlib refuse it whether the
   * file exists or not (probed), the others answer with the size.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          proftpd          | 550 | SIZE not allowed in ASCII mode
          pyftpdlib        | 550 | SIZE not allowed in ASCII mode.
          vsftpd           | 213 | <size>
          apache-ftpserver | 213 | <size>
          """)
  void sizeInAsciiModeIsRefusedWhereTheServerRefusesIt(String profile, int code, String text) {
    Simulation.Dialogue dialogue =
        run(
            profile,
            new Assumptions(false, Set.of("gone.txt")),
            "USER u",
            "PASS p",
            "SIZE a.txt",
            "SIZE gone.txt",
            "TYPE I",
            "TYPE A",
            "SIZE a.txt");

    for (int step : new int[] {2, 6}) {
      Prediction size = dialogue.steps().get(step).prediction();
      assertThat(size.code() + " " + size.text()).isEqualTo(code + " " + text);
    }
    assertThat(dialogue.steps().get(3).prediction().code()).isEqualTo(code == 213 ? 550 : code);
  }

  /**
   * STAT of a missing path, as each server answers it (asked by hand): vsftpd and Pure-FTPd list
   * nothing with 213, ProFTPD and Apache FtpServer answer 450, pyftpdlib 550; where the profile
   * does not say, the 450 that RFC 959 lists for STAT.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          vsftpd           | 213 | Status follows:
          proftpd          | 450 | gone.txt: No such file or directory
          pure-ftpd        | 213 | STAT
          pyftpdlib        | 550 | No such file or directory.
          apache-ftpserver | 450 | Non-existing file
          iis              | 450 |
          """)
  void statOfAMissingPathIsAnsweredAsEachServerAnswersIt(String profile, int code, String text) {
    Simulation.Dialogue dialogue =
        run(
            profile,
            new Assumptions(false, Set.of("gone.txt")),
            "USER u",
            "PASS p",
            "STAT gone.txt");

    Prediction stat = dialogue.steps().get(2).prediction();
    assertThat(stat.situation()).hasToString("MISSING_FILE:STAT");
    assertThat(stat.code() + " " + stat.text()).isEqualTo(code + " " + (text == null ? "" : text));
  }

  @Test
  void nothingIsSentAfterTheServerClosesTheConnection() {
    Simulation.Dialogue rfc = run("rfc", Assumptions.NONE, "QUIT", "NOOP", "PWD");

    assertThat(rfc.steps()).hasSize(2);
    assertThat(rfc.steps().get(1).prediction().closes()).isTrue();
    assertThat(rfc.unsent()).isEqualTo(1);
  }

  private static Simulation.Dialogue run(String profile, Assumptions assumptions, String... lines) {
    List<CommandSent> script = new ArrayList<>();
    for (String line : lines) {
      script.add(new CommandSent(new Source("s.txt", script.size() + 1L), Command.parse(line)));
    }
    return Simulation.run(
        ServerProfiles.builtIn(profile).orElseThrow(), "s.txt", script, assumptions);
  }
}
