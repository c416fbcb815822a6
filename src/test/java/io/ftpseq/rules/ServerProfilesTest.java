package io.ftpseq.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Built-in profiles, their JSON form, and detection from what servers say of themselves. */
class ServerProfilesTest {

  @TempDir Path temp;

  static Iterable<String> names() {
    return ServerProfiles.names();
  }

  @ParameterizedTest
  @MethodSource("names")
  void builtInResourceIsInTheFormSaveWrites(String name) throws IOException {
    String resource;
    try (InputStream in = ServerProfiles.class.getResourceAsStream("profiles/" + name + ".json")) {
      resource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ServerProfile profile = ServerProfiles.builtIn(name).orElseThrow();

    assertThat(ServerProfiles.toJson(profile)).isEqualTo(resource);
    assertThat(profile.name()).isEqualTo(name);
  }

  @ParameterizedTest
  @MethodSource("names")
  void saveThenLoadGivesTheSameProfile(String name) throws IOException {
    ServerProfile profile = ServerProfiles.builtIn(name).orElseThrow();
    Path file = temp.resolve(name + ".json");

    ServerProfiles.save(profile, file);

    assertThat(ServerProfiles.load(file)).isEqualTo(profile);
  }

  @Test
  void savedJsonIsSortedAndStable() throws IOException {
    TreeMap<SituationKey, Reaction> reactions = new TreeMap<>();
    reactions.put(
        SituationKey.parse("RNTO_WITHOUT_RNFR"), new Reaction(503, "Use \"RNFR\" first."));
    reactions.put(SituationKey.parse("BEFORE_LOGIN:NOOP"), new Reaction(530, "Log in."));
    ServerProfile profile = new ServerProfile("local", "Local", "a test", "local", "", reactions);

    assertThat(ServerProfiles.toJson(profile))
        .isEqualTo(
            """
            {
              "name": "local",
              "title": "Local",
              "description": "a test",
              "greeting": "local",
              "syst": "",
              "reactions": {
                "BEFORE_LOGIN:NOOP": { "code": 530, "text": "Log in." },
                "RNTO_WITHOUT_RNFR": { "code": 503, "text": "Use \\"RNFR\\" first." }
              }
            }
            """);
  }

  /** How the server reads {@code ~} is written only when known, after the patterns. */
  @Test
  void howTheServerReadsATildeIsSavedAndLoaded() throws IOException {
    TreeMap<SituationKey, Reaction> reactions = new TreeMap<>();
    reactions.put(SituationKey.parse("REPLY:CWD"), new Reaction(250, "OK."));
    ServerProfile home =
        new ServerProfile(
            "local", "Local", "a test", "", "", Tilde.HOME_IN_CWD, reactions, new TreeMap<>());
    Path file = temp.resolve("local.json");

    ServerProfiles.save(home, file);

    assertThat(Files.readString(file))
        .contains("  \"syst\": \"\",\n  \"tilde\": \"home-in-cwd\",\n  \"reactions\"");
    assertThat(ServerProfiles.load(file)).isEqualTo(home);
    assertThat(new ServerProfile("local", "Local", "a test", "", "", reactions).tilde())
        .isEqualTo(Tilde.UNKNOWN);
    assertThat(ServerProfiles.toJson(ServerProfiles.builtIn("iis").orElseThrow()))
        .doesNotContain("tilde");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"name": "x"}                                                      | x.json: 'reactions' must be an object of situation keys
          {"name": "x", "title": "X", "description": "", "reactions": {"REIN": {"code": 42}}} | x.json:1: reaction REIN: a reply code is 0 or 100 to 599, not 42
          {"name": "x", "title": "X", "description": "", "reactions": {"REIN:NOPE": {"code": 200}}} | x.json:1: 'NOPE' in key 'REIN:NOPE' is not a verb (UNKNOWN for others)
          {"name": "x", "title": "X", "description": "", "reactions": {"REIN": {"code": 200, "final": {"code": 425}}}} | x.json:1: reaction REIN: a final reply is a 4yz or 5yz after a 1yz, not 425 after 200
          {"name": "x", "title": "X", "description": "", "reactions": {"REIN": {"code": 150, "final": 425}}} | x.json:1: reaction REIN must be {"code": <number>, "text": "..."}, with an optional "final": {"code": <number>, "text": "..."} after a 1yz
          {"name": "x", "title": "X", "description": "", "greeting": "(", "reactions": {}} | x.json:1: the greeting pattern is not a regular expression: Unclosed group
          {"name": "x", "colour": "red", "reactions": {}}                    | x.json:1: unknown field 'colour'; fields: [name, title, description, greeting, syst, tilde, reactions, known]
          {"name": "x", "title": "X", "description": "", "tilde": "tilda", "reactions": {}} | x.json:1: 'tilde' is one of literal, home, home-and-users, home-in-cwd, home-anywhere, not 'tilda'
          {"name": "x", "title": "X", "description": "", "tilde": 1, "reactions": {}} | x.json:1: 'tilde' is one of literal, home, home-and-users, home-in-cwd, home-anywhere, not '1'
          {"name": "x", "title": "X", "reactions": {}}                       | x.json: 'description' must be a string
          {"name": "x",                                                      | x.json:1:14: not JSON: Unexpected end-of-input within/between Object entries
          """)
  void badProfileFileIsOneLineNamingTheFile(String json, String message) throws IOException {
    Path file = temp.resolve("x.json");
    Files.writeString(file, json);

    assertThatThrownBy(() -> ServerProfiles.load(file))
        .isInstanceOf(IOException.class)
        .hasMessage(
            temp.resolve(message.substring(0, message.indexOf(':')))
                + message.substring(message.indexOf(':')))
        .hasMessageNotContaining("\n");
  }

  @Test
  void jsonThatIsNotJsonIsOnePlainLineWithLineAndColumn() throws IOException {
    assertThat(notJson("{\n  \"name\": \"x\",,\n}\n"))
        .isEqualTo(
            "x.json:2:15: not JSON: Unexpected character (','): was expecting double-quote to"
                + " start field name");
    assertThat(notJson("{\"name\": \"x\"} {"))
        .isEqualTo(
            "x.json:1:16: not JSON: Unexpected end-of-input: expected close marker for Object"
                + " (start marker at line 1, column 15)");
    assertThat(notJson("[".repeat(1200) + "]".repeat(1200)))
        .isEqualTo(
            "x.json:1:1002: not JSON: Document nesting depth (1001) exceeds the maximum allowed"
                + " (1000)");
    assertThat(notJson("{\"greeting\": " + "9".repeat(1200) + "}"))
        .startsWith("x.json:1:")
        .contains("exceeds the maximum allowed (1000)");
    assertThat(notJson("{\"name\": \"x\u0001\"}"))
        .startsWith("x.json:1:12: not JSON: Illegal unquoted character (control character 1)");
  }

  @Test
  void aByteOrderMarkIsNoPartOfTheProfile() throws IOException {
    Path file = temp.resolve("bom.json");
    Files.writeString(
        file, "\uFEFF" + ServerProfiles.toJson(ServerProfiles.builtIn("vsftpd").orElseThrow()));

    assertThat(ServerProfiles.load(file).name()).isEqualTo("vsftpd");
  }

  /** The message of the error reading {@code json} as a profile file, its folder left out. */
  private String notJson(String json) throws IOException {
    Path file = temp.resolve("x.json");
    Files.writeString(file, json);
    IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class, () -> ServerProfiles.load(file));
    assertThat(e.getMessage())
        .doesNotContain("\n")
        .doesNotContain("Source")
        .doesNotContain("`")
        .doesNotContain("code ");
    return e.getMessage().replace(temp + java.io.File.separator, "");
  }

  @Test
  void mistypedSituationKeyIsAnErrorNamingFileAndLine() throws IOException {
    Path file = temp.resolve("typo.json");
    Files.writeString(
        file,
        """
        {
          "name": "typo",
          "title": "Typo",
          "description": "a mistyped key",
          "reactions": {
            "RNTO_WITHOUT_RNFR": { "code": 503, "text": "RNFR first." },
            "RNTO_AFTER_INTERVENING_COMAND": { "code": 503, "text": "RNFR first." }
          }
        }
        """);

    assertThatThrownBy(() -> ServerProfiles.load(file))
        .isInstanceOf(IOException.class)
        .hasMessage(
            file
                + ":7: unknown situation 'RNTO_AFTER_INTERVENING_COMAND' in key"
                + " 'RNTO_AFTER_INTERVENING_COMAND'")
        .hasMessageNotContaining("\n");
  }

  @Test
  void missingFileIsOneLine() {
    Path file = temp.resolve("none.json");

    assertThatThrownBy(() -> ServerProfiles.load(file)).hasMessage(file + ": no such file");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          220 (vsFTPd 3.0.3)                                                          | vsftpd
          220 ProFTPD Server (Debian) [127.0.0.1]                                     | proftpd
          220---------- Welcome to Pure-FTPd [privsep] [TLS] ----------\\n220-You are user number 1 of 50 allowed.\\n220 Local time is now 08:00. | pure-ftpd
          220 pyftpdlib 1.5.7 ready.                                                  | pyftpdlib
          220 Service ready for new user.                                             | apache-ftpserver
          220-FileZilla Server 1.9.4\\n220 Please visit https://filezilla-project.org/ | filezilla-server
          220 bftpd 6.1 at 127.0.0.1 ready.                                           | bftpd
          220 Microsoft FTP Service                                                   | iis
          """)
  void detectsTheServerFromItsGreeting(String greeting, String profile) {
    assertThat(ServerProfiles.detect(greeting.replace("\\n", "\n")))
        .map(ServerProfile::name)
        .contains(profile);
  }

  @Test
  void unknownGreetingDetectsNothing() {
    assertThat(ServerProfiles.detect("220 Welcome to my FTP server")).isEmpty();
    assertThat(ServerProfiles.detect("220 Service ready for new user, said the banner")).isEmpty();
  }

  @Test
  void systReplyDetectsIis() {
    assertThat(ServerProfiles.detectFromSyst("215 Windows_NT"))
        .map(ServerProfile::name)
        .contains("iis");
    assertThat(ServerProfiles.detectFromSyst("215 UNIX Type: L8")).isEmpty();
  }

  @Test
  void rfcIsTheDefaultAndFirst() {
    assertThat(ServerProfiles.RFC.isRfc()).isTrue();
    assertThat(ServerProfiles.names()).first().isEqualTo("rfc");
    assertThat(ServerProfiles.builtIn("nonesuch")).isEmpty();
  }

  /**
   * The Apache FtpServer profile names the version the conformance tests embed and probed, the one
   * pom.xml pins, not another.
   */
  @Test
  void theApacheFtpServerProfileNamesTheVersionTheTestsRun() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    java.util.regex.Matcher pinned =
        java.util.regex.Pattern.compile("<ftpserver.version>([^<]+)</ftpserver.version>")
            .matcher(pom);
    assertThat(pinned.find()).as("ftpserver.version in pom.xml").isTrue();

    String description = ServerProfiles.builtIn("apache-ftpserver").orElseThrow().description();

    assertThat(description).startsWith("Apache FtpServer " + pinned.group(1) + " ");
  }
}
