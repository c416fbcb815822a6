package io.ftpseq.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.Command;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The placeholders of profile reply texts, filled from the session the model follows: each row is a
 * short session ({@code VERB ARG -> code}) whose last command is the one predicted.
 */
class ReplyNamesTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiterString = " | ",
      textBlock =
          """
          proftpd          | USER alice                                           | 331 Password required for alice
          proftpd          | USER alice -> 331; PASS secret                       | 230 User alice logged in
          proftpd          | USER alice -> 331; PASS secret -> 230; USER bob      | 230 User bob logged in
          proftpd          | USER alice -> 331; PASS secret -> 230; PWD           | 257 "/home/alice" is the current directory
          pure-ftpd        | USER alice -> 331; PASS secret                       | 230 OK. Current directory is /home/alice
          pure-ftpd        | USER alice -> 331; PASS secret -> 230; CWD /x        | 250 OK. Current directory is /x
          pure-ftpd        | USER alice -> 331; PASS secret -> 230; CWD sub       | 250 OK. Current directory is /home/alice/sub
          pure-ftpd        | USER alice -> 331; PASS secret -> 230; CWD /x -> 250; CWD y/../z/./w | 250 OK. Current directory is /x/z/w
          pure-ftpd        | USER alice -> 331; PASS secret -> 230; CWD /x -> 550; CWD y | 250 OK. Current directory is /home/alice/y
          pure-ftpd        | USER alice -> 331; PASS secret -> 230; CWD /a/b -> 250; CDUP -> 250; CWD c | 250 OK. Current directory is /a/c
          pure-ftpd        | USER alice -> 331; PASS secret -> 230; CWD /x -> 250; MKD sub | 257 "sub" : The directory was successfully created
          pure-ftpd        | USER alice -> 331; PASS secret -> 230; CWD /a/b -> 250; CDUP | 250 OK. Current directory is /a
          vsftpd           | USER alice -> 331; PASS secret -> 230; CWD /x -> 250; MKD sub | 257 "/x/sub" created
          vsftpd           | USER alice -> 331; PASS secret -> 230; MKD ../bob/new  | 257 "/home/bob/new" created
          vsftpd           | USER alice -> 331; PASS secret -> 230; MKD /srv/new    | 257 "/srv/new" created
          apache-ftpserver | USER admin -> 331; PASS admin -> 230; RMD old         | 250 "/old" removed.
          vsftpd           | USER alice -> 331; PASS secret -> 230; PASV -> 227; RETR report.csv | 150 Opening BINARY mode data connection for report.csv (<size> bytes).
          proftpd          | USER alice -> 331; PASS secret -> 230; PASV -> 227; RETR data/report.csv | 150 Opening BINARY mode data connection for data/report.csv (<size> bytes)
          proftpd          | USER alice -> 331; PASS secret -> 230; PASV -> 227; STOR up.bin | 150 Opening BINARY mode data connection for up.bin
          pure-ftpd        | USER alice -> 331; PASS secret -> 230; DELE old.csv  | 250 Deleted old.csv
          vsftpd           | USER alice -> 331; PASS secret -> 230; SIZE x        | 213 <size>
          vsftpd           | USER alice -> 331; PASS secret -> 230; REST 100      | 350 Restart position accepted (100).
          proftpd          | USER alice -> 331; PASS secret -> 230; TYPE I -> 200; REST 100 | 350 Restarting at 100. Send STORE or RETRIEVE to initiate transfer
          vsftpd           | USER alice -> 331; PASS secret -> 230; CWD /srv -> 250; PWD | 257 "/srv" is the current directory
          pure-ftpd        | USER alice -> 331; PASS secret -> 230; CWD sub -> 250; PWD | 257 "/home/alice/sub" is your current location
          pyftpdlib        | USER alice -> 331; PASS secret -> 230; CWD a -> 250; PWD | 257 "/a" is the current directory.
          vsftpd           | USER alice -> 331; PASS secret -> 230; CWD a"b -> 250; PWD | 257 "/home/alice/a""b" is the current directory
          pyftpdlib        | USER alice -> 331; PASS secret -> 230; CWD sub       | 250 "/sub" is the current directory.
          pyftpdlib        | USER alice -> 331; PASS secret -> 230; CWD ../..     | 250 "/" is the current directory.
          apache-ftpserver | USER admin -> 331; PASS admin -> 230; CWD /pub       | 250 Directory changed to /pub
          vsftpd           | USER alice -> 331; PASS secret -> 230; PASV          | 227 Entering Passive Mode (<address>).
          vsftpd           | USER alice -> 331; PASS secret -> 230; EPSV          | 229 Entering Extended Passive Mode (|||<port>|)
          vsftpd           | USER alice -> 331; PASS secret -> 230; MDTM a.txt    | 213 <time>
          vsftpd           | USER alice -> 331; PASS secret -> 230; PASV -> 227; STOU | 150 FILE: <unique>
          proftpd          | FOO                                                  | 500 FOO not understood
          proftpd          | USER alice -> 331; PASS secret -> 230; retrr x.txt   | 500 RETRR not understood
          pyftpdlib        | FROB                                                 | 500 Command "FROB" not understood.
          apache-ftpserver | USER admin -> 331; PASS admin -> 230; FROB          | 502 Command FROB not implemented.
          pyftpdlib        | USER alice -> 331; PASS secret -> 230; frob a.bin    | 500 Command "FROB" not understood.
          """)
  void predictionsNameTheUserAndDirectoryTheSessionReached(
      String profile, String session, String expected) {
    Prediction prediction = predict(ServerProfiles.builtIn(profile).orElseThrow(), session);

    assertThat(prediction.code() + " " + prediction.text()).isEqualTo(expected);
  }

  /**
   * {@code ~} as each server reads it (asked by hand: vsftpd 3.0.3, ProFTPD 1.3.8, Pure-FTPd
   * 1.0.50, pyftpdlib 1.5.7, Apache FtpServer 1.2.1): vsftpd and ProFTPD start a path at {@code ~}
   * or {@code ~/} from the login directory, Pure-FTPd in CWD only, Apache FtpServer wherever {@code
   * ~} stands, pyftpdlib nowhere: there {@code ~} is a name. {@code ~name} is a name on vsftpd,
   * Apache FtpServer and pyftpdlib; where it leads on ProFTPD and Pure-FTPd (another user's home)
   * the record cannot tell, and PWD says so rather than quote the login directory.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiterString = " | ",
      textBlock =
          """
          vsftpd           | CWD /srv -> 250; CWD ~ -> 250; PWD          | 257 "/home/alice" is the current directory
          vsftpd           | CWD /srv -> 250; CWD ~/sub -> 250; PWD      | 257 "/home/alice/sub" is the current directory
          vsftpd           | CWD /srv -> 250; MKD ~/new                  | 257 "/home/alice/new" created
          vsftpd           | CWD /srv -> 250; MKD ~alice/new             | 257 "/srv/~alice/new" created
          vsftpd           | CWD ~bob -> 250; PWD                        | 257 "/home/alice/~bob" is the current directory
          proftpd          | CWD ~bob -> 250; PWD                        | 257 "<dir>" is the current directory
          proftpd          | CWD ~bob -> 250; CWD sub -> 250; PWD        | 257 "<dir>" is the current directory
          pure-ftpd        | CWD ~bob -> 250; PWD                        | 257 "<dir>" is your current location
          pure-ftpd        | MKD ~bob                                    | 257 "~bob" : The directory was successfully created
          pyftpdlib        | CWD ~bob -> 250; PWD                        | 257 "/~bob" is the current directory.
          apache-ftpserver | CWD ~bob -> 250; PWD                        | 257 "/~bob" is current directory.
          vsftpd           | CWD /srv -> 250; MKD sub/~                  | 257 "/srv/sub/~" created
          proftpd          | CWD /srv -> 250; CWD ~/sub -> 250; PWD      | 257 "/home/alice/sub" is the current directory
          proftpd          | CWD /srv -> 250; MKD ~/new                  | 257 "/home/alice/new" - Directory successfully created
          pure-ftpd        | CWD /srv -> 250; CWD ~                      | 250 OK. Current directory is /home/alice
          pure-ftpd        | CWD /srv -> 250; CWD ~/sub -> 250; PWD      | 257 "/home/alice/sub" is your current location
          pyftpdlib        | CWD ~                                       | 250 "/~" is the current directory.
          pyftpdlib        | CWD sub -> 250; CWD ~ -> 250; PWD           | 257 "/sub/~" is the current directory.
          pyftpdlib        | MKD ~/new                                   | 257 "/~/new" directory created.
          apache-ftpserver | CWD /pub -> 250; CWD ~                      | 250 Directory changed to /
          apache-ftpserver | CWD /pub -> 250; CWD sub/~ -> 250; PWD      | 257 "/" is current directory.
          apache-ftpserver | CWD /pub -> 250; MKD ~/new                  | 257 "/new" created.
          apache-ftpserver | CWD /pub -> 250; RMD x/~/old               | 250 "/old" removed.
          """)
  void aTildeIsReadAsEachServerReadsIt(String profile, String session, String expected) {
    String user = profile.equals("apache-ftpserver") ? "admin" : "alice";
    Prediction prediction =
        predict(
            ServerProfiles.builtIn(profile).orElseThrow(),
            "USER " + user + " -> 331; PASS secret -> 230; " + session);

    assertThat(prediction.code() + " " + prediction.text()).isEqualTo(expected);
  }

  @Test
  void aTildeTheProfileSaysNothingOfOrBeforeAUserNameLeavesTheDirectoryUnknown() {
    ServerModel proftpd = ServerProfiles.builtIn("proftpd").orElseThrow().newModel();
    ModelSteps.step(proftpd, "USER alice -> 331; PASS secret -> 230; CWD ~bob -> 250");
    ServerModel unknown = profile("REPLY:CWD", new Reaction(250, "Now in {dir}")).newModel();
    ModelSteps.step(unknown, "USER alice -> 331; PASS secret -> 230; CWD /srv -> 250");

    assertThat(proftpd.predict(Command.parse("MKD x")).text())
        .isEqualTo("\"<dir>/x\" - Directory successfully created");
    assertThat(unknown.predict(Command.parse("CWD ~")).text()).isEqualTo("Now in <dir>");
    assertThat(unknown.predict(Command.parse("CWD sub")).text()).isEqualTo("Now in /srv/sub");
  }

  @Test
  void aDirectoryNoRecordedReplyConfirmsIsNotGuessed() {
    ServerProfile pureFtpd = ServerProfiles.builtIn("pure-ftpd").orElseThrow();
    ServerModel model = pureFtpd.newModel();
    ModelSteps.step(model, "USER alice -> 331; PASS secret -> 230");
    model.observe(Command.parse("CWD /x"), List.of());

    assertThat(model.predict(Command.parse("CWD y")).text())
        .isEqualTo("OK. Current directory is <dir>");
    assertThat(model.predict(Command.parse("CWD /y")).text())
        .isEqualTo("OK. Current directory is /y");
  }

  @Test
  void withoutASessionOnlyTheCommandIsKnown() {
    assertThat(ReplyNames.UNKNOWN.fill("Password required for {user}", Command.parse("USER bob")))
        .isEqualTo("Password required for bob");
    assertThat(ReplyNames.UNKNOWN.fill("User {user} logged in", Command.parse("PASS x")))
        .isEqualTo("User <user> logged in");
    assertThat(ReplyNames.UNKNOWN.fill("\"{dir}/sub\" created", null))
        .isEqualTo("\"<dir>/sub\" created");
    assertThat(new ReplyNames("alice", "/").fill("{dir}/missing.txt: not found", null))
        .isEqualTo("/missing.txt: not found");
    assertThat(ReplyNames.UNKNOWN.fill("Entering Passive Mode ({address})", null))
        .isEqualTo("Entering Passive Mode (<address>)");
  }

  @Test
  void aLoginWithoutAUserNameLeavesTheDirectoryUnknownWhereTheProfileNamesItByTheUser() {
    ServerModel model = ServerProfiles.builtIn("proftpd").orElseThrow().newModel();
    ModelSteps.step(model, "USER -> 331; PASS secret -> 230");

    assertThat(model.predict(Command.parse("PWD")).text())
        .isEqualTo("\"/home/<user>\" is the current directory");
    assertThat(model.predict(Command.parse("MKD a")).text())
        .isEqualTo("\"<dir>/a\" - Directory successfully created");
    assertThat(model.predict(Command.parse("MKD /a")).text())
        .isEqualTo("\"/a\" - Directory successfully created");
  }

  @Test
  void theCommandsArgumentIsFilledAndWhatNoSessionShowsIsNamed() {
    assertThat(ReplyNames.UNKNOWN.fill("for {path} ({size} bytes).", Command.parse("RETR a b.csv")))
        .isEqualTo("for a b.csv (<size> bytes).");
    assertThat(ReplyNames.UNKNOWN.fill("Restarting at {offset}.", Command.parse("REST 100")))
        .isEqualTo("Restarting at 100.");
    assertThat(ReplyNames.UNKNOWN.fill("Restarting at {offset}.", Command.parse("NOOP")))
        .isEqualTo("Restarting at <offset>.");
    assertThat(ReplyNames.UNKNOWN.fill("{path}: No such file", null))
        .isEqualTo("<path>: No such file");
    assertThat(ReplyNames.UNKNOWN.fill("\"{dir}/{path}\" created", Command.parse("MKD")))
        .isEqualTo("\"<dir>/<path>\" created");
    assertThat(
            new ReplyNames("alice", "/").fill("\"{dir}/{path}\" created", Command.parse("MKD x")))
        .isEqualTo("\"/x\" created");
  }

  @Test
  void aTextWithNothingToFillIsReturnedItself() {
    ReplyNames names = new ReplyNames("alice", "/home/alice");
    String plain = "Opening BINARY mode data connection.";
    String pwd = "\"/home/alice\" is the current directory";

    assertThat(names.fill(plain, Command.parse("RETR a.txt"))).isSameAs(plain);
    assertThat(names.fill(pwd, Command.parse("PWD"))).isSameAs(pwd);
    assertThat(ReplyNames.UNKNOWN.fill(pwd, Command.parse("PWD"))).isSameAs(pwd);
  }

  @Test
  void aPasswordIsNeverFilledIn() {
    ServerProfile profile =
        profile("REPLY:PASS", new Reaction(230, "Welcome {user}, your password is {password}"));
    ServerModel model = profile.newModel();
    ModelSteps.step(model, "USER alice -> 331");

    Prediction prediction = model.predict(Command.parse("PASS hunter2"));

    assertThat(prediction.text()).isEqualTo("Welcome alice, your password is <password>");
  }

  @Test
  void valuesAreInsertedAsTheyAreAndOnlyOnce() {
    assertThat(ReplyNames.UNKNOWN.fill("Hello {user}", Command.parse("USER a$1\\{dir}")))
        .isEqualTo("Hello a$1\\{dir}");
    assertThat(ReplyNames.UNKNOWN.fill("{host} and {} stay", null)).isEqualTo("{host} and {} stay");
  }

  @Test
  void pathsResolveAgainstTheWorkingDirectory() {
    assertThat(ReplyNames.resolve("/home/alice", "sub")).isEqualTo("/home/alice/sub");
    assertThat(ReplyNames.resolve("/home/alice", "/x/")).isEqualTo("/x");
    assertThat(ReplyNames.resolve("/home/alice", "../../..")).isEqualTo("/");
    assertThat(ReplyNames.resolve("/home/alice", "")).isEqualTo("/home/alice");
    assertThat(ReplyNames.resolve("", "sub")).isEmpty();
    assertThat(ReplyNames.resolve("", "/x//y/.")).isEqualTo("/x/y");
  }

  @Test
  void theLoginDirectoryIsTheOneTheProfilesOwnPwdReplyNames() {
    assertThat(ReplyNames.loginDirectory(ServerProfiles.builtIn("vsftpd").orElseThrow(), "alice"))
        .isEqualTo("/home/alice");
    assertThat(ReplyNames.loginDirectory(ServerProfiles.builtIn("pyftpdlib").orElseThrow(), "a"))
        .isEqualTo("/");
    assertThat(ReplyNames.loginDirectory(ServerProfiles.builtIn("iis").orElseThrow(), "alice"))
        .isEmpty();
  }

  private static ServerProfile profile(String key, Reaction reaction) {
    TreeMap<SituationKey, Reaction> reactions = new TreeMap<>();
    reactions.put(SituationKey.parse(key), reaction);
    return new ServerProfile("test", "Test", "a test profile", "", "", reactions);
  }

  private static Prediction predict(ServerProfile profile, String session) {
    return ModelSteps.predict(profile.newModel(), session);
  }
}
