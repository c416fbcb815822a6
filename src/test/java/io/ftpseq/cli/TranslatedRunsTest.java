package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.spark.SparkCheck;
import io.ftpseq.testing.EmbeddedFtpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run in French or Japanese says everything of its own in that language, standard error included:
 * why an input was left out or could not be read, what the readers could not read, the notes about
 * the record. The English sentences ftpseq knows (every message of the English bundle) appear in
 * none of the runs a user makes with {@code --lang fr} or {@code --lang ja}.
 */
class TranslatedRunsTest {

  /** Captures and logs from elsewhere, when this machine has them. */
  private static final Path CORPUS = Path.of("/work/shared/corpus");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

  /** A word of at least two letters: patterns of fewer than three say too little to look for. */
  private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

  @TempDir Path dir;

  /**
   * The summary line's sentences are joined as each language joins sentences: a space after the
   * English and French full stop, none after the Japanese one ("件。 2 行を読み" had one).
   */
  @Test
  void theSummaryJoinsItsSentencesAsTheLanguageDoes() {
    String sample = "samples/dialogue/bad-order.txt";
    String english = lastLine(CliRun.of("check", sample).out());
    String japanese = lastLine(CliRun.of("check", "--lang", "ja", sample).out());

    assertThat(english).contains("0 problem(s). 14 line(s) read");
    assertThat(japanese).contains("件。14 行を読み").doesNotContain("。 ");
  }

  private static String lastLine(String text) {
    List<String> lines = text.lines().toList();
    return lines.get(lines.size() - 1);
  }

  @Test
  void leftOutAndUnreadableInputsAreSaidInFrench() throws IOException {
    CliRun run = CliRun.of("check", "--lang", "fr", "--report", "text", inputs().toString());

    String all = run.out() + run.err();
    assertThat(all)
        .contains("un lien symbolique vers un répertoire, non suivi")
        .contains("un lien symbolique vers rien")
        .contains("entrée vide\u00a0: aucun dialogue FTP à vérifier")
        .contains("ce n’est un enregistrement FTP dans aucun format connu")
        .contains("la ligne n’a pas de marque de sens C:/S: (ou >/<)")
        .contains("le code de réponse n’est pas un nombre de trois chiffres")
        .contains("illisible\u00a0: les données gzip sont corrompues")
        .contains("illisible\u00a0: ses premiers octets ne sont pas un en-tête gzip")
        .doesNotContain("gzip data")
        .doesNotContain("gzip header")
        .doesNotContain("symbolic link")
        .doesNotContain("empty input")
        .doesNotContain("line has no C:/S:")
        .doesNotContain("not three digits");
  }

  @Test
  void leftOutAndUnreadableInputsAreSaidInJapanese() throws IOException {
    CliRun run = CliRun.of("check", "--lang", "ja", "--report", "text", inputs().toString());

    String all = run.out() + run.err();
    assertThat(all)
        .contains("ディレクトリへのシンボリックリンク")
        .contains("入力が空です")
        .contains("方向を示す C:/S:")
        .contains("gzip のデータが壊れています")
        .doesNotContain("gzip data")
        .doesNotContain("symbolic link")
        .doesNotContain("empty input")
        .doesNotContain("line has no C:/S:");
  }

  @Test
  void englishRunsSayWhatTheySaidBefore() throws IOException {
    CliRun run = CliRun.of("check", "--report", "text", inputs().toString());

    String all = run.out() + run.err();
    assertThat(all)
        .contains("left out " + dir.resolve("in/linked") + ": a symbolic link to a directory")
        .contains("empty input: no FTP dialogue to check")
        .contains("line has no C:/S: (or >/<) direction marker: \"this line has no direction")
        .contains("reply code is not three digits from 100 to 699: \"22 Truncated reply\"");
  }

  /**
   * The class-level guard: no English sentence of the bundle (a message pattern with three words or
   * more whose translation differs) is in the output of check (text, Markdown, HTML), simulate or
   * explain in French or Japanese, on standard output or error.
   */
  @ParameterizedTest
  @ValueSource(strings = {"fr", "ja"})
  void noEnglishSentenceOfTheBundleInTranslatedRuns(String language) throws Exception {
    Path script = dir.resolve("script.txt");
    Files.writeString(script, "USER a\nPASS b\nRNTO x\nRETR f\nQUIT\nnot a command\n");
    List<String> said = new ArrayList<>();
    for (String report : List.of("text", "markdown", "html")) {
      CliRun run = CliRun.of("check", "--lang", language, "--report", report, "samples/");
      said.add(run.out() + run.err());
    }
    CliRun inputs = CliRun.of("check", "--lang", language, "--report", "text", inputs().toString());
    said.add(inputs.out() + inputs.err());
    for (String report : List.of("text", "markdown")) {
      List<String> args = new ArrayList<>(List.of("check", "--lang", language, "--report", report));
      args.add(captures().toString());
      if (Files.isDirectory(CORPUS)) {
        args.add(CORPUS.toString());
      }
      CliRun run = CliRun.of(args.toArray(String[]::new));
      said.add(run.out() + run.err());
    }
    for (String format : List.of("text", "markdown")) {
      CliRun run =
          CliRun.of(
              "simulate",
              "--lang",
              language,
              "--format",
              format,
              "--profile",
              "vsftpd,proftpd",
              script.toString());
      said.add(run.out() + run.err());
    }
    CliRun explain = CliRun.of("explain", "--lang", language, "503", "RNTO", "RNTO_WITHOUT_RNFR");
    said.add(explain.out() + explain.err());
    for (String[] probe :
        List.of(
            new String[] {"ftp://alice:secret@127.0.0.1:2121"},
            new String[] {"ftp://127.0.0.1:2121"},
            new String[] {"ftp://alice@127.0.0.1:99999"},
            new String[] {"--dry-run", "ftp://alice@127.0.0.1:2121"})) {
      List<String> args = new ArrayList<>(List.of("probe", "--lang", language));
      args.addAll(List.of(probe));
      CliRun run = CliRun.of(args.toArray(String[]::new));
      said.add(run.out() + run.err());
    }
    ProbeCommand.environment = name -> "secret"; // port 1 refuses: said after the password
    try {
      CliRun refused = CliRun.of("probe", "--lang", language, "ftp://alice@127.0.0.1:1");
      said.add(refused.out() + refused.err());
    } finally {
      ProbeCommand.environment = System::getenv;
    }
    said.addAll(probeFailures(language));
    said.addAll(usageHints(language));

    List<String> lines = new ArrayList<>();
    for (String output : said) {
      // the HTML report's lines of the input (class "ln") are the input's words, not ftpseq's
      lines.addAll(unescaped(output).lines().filter(l -> !l.contains("class=\"ln\"")).toList());
    }
    // what the proxy says on the wire is the English of its phrases: in a recorded session's
    // replies (the samples have some) it is the session's text, as servers' reply texts are
    assertThat(leaks(lines, language, TranslatedRunsTest::onTheWire)).isEmpty();
  }

  /** Whether the proxy sends the phrase's English in its own replies, as protocol text. */
  private static boolean onTheWire(String key) {
    return Stream.of("proxy.address.", "proxy.refusal.", "proxy.end.", "proxy.turnAway.")
        .anyMatch(key::startsWith);
  }

  /**
   * What a probe says when the server lets it log in but not make its scratch directory (MKD
   * refused), and when the password is wrong: why each scenario did not run, and why the login
   * failed, in the run's language.
   */
  private List<String> probeFailures(String language) throws Exception {
    List<String> said = new ArrayList<>();
    Path home = Files.createDirectories(dir.resolve("probe-home"));
    try (EmbeddedFtpServer server = EmbeddedFtpServer.start(home, Set.of("MKD"))) {
      String url = "ftp://" + EmbeddedFtpServer.USER + "@127.0.0.1:" + server.port();
      for (String password : List.of(EmbeddedFtpServer.PASSWORD, "not-the-password")) {
        ProbeCommand.environment = name -> password;
        try {
          CliRun run = CliRun.of("probe", "--lang", language, "--timeout", "20", url);
          said.add(run.out() + run.err());
        } finally {
          ProbeCommand.environment = System::getenv;
        }
      }
    }
    return said;
  }

  /**
   * Usage errors with a hint: a value near a valid one, a comma list, names another command takes.
   */
  private static List<String> usageHints(String language) {
    List<String[]> runs =
        List.of(
            new String[] {"check", "--report", "jsn", "samples/"},
            new String[] {"check", "--report", "json,html", "samples/"},
            new String[] {"check", "--lang=" + language, "--fail-on", "eror", "samples/"},
            new String[] {"check", "--profile", "vsftp", "samples/"},
            new String[] {"check", "--profile", "all", "samples/"},
            new String[] {"check", "--format", "xml", "samples/"},
            new String[] {"check", "--format", "vsftp", "samples/"},
            new String[] {"simulate", "--profile", "auto", "samples/"},
            new String[] {"simulate", "--profile", "prftpd", "samples/"},
            new String[] {"explain", "--formatt", "html"},
            new String[] {"explain", "", "xyzzy", "plugh"},
            new String[] {"explain", "x".repeat(300)});
    List<String> said = new ArrayList<>();
    for (String[] run : runs) {
      List<String> args = new ArrayList<>(List.of(run));
      args.add(1, "--lang");
      args.add(2, language);
      CliRun usage = CliRun.of(args.toArray(String[]::new));
      said.add(usage.out() + usage.err());
    }
    return said;
  }

  /**
   * The keys whose English sentence (a message pattern with three words or more whose translation
   * differs) is in one of the lines, each with the line.
   */
  static List<String> leaks(List<String> lines, String language, Predicate<String> left)
      throws IOException {
    Properties english = bundle("");
    Properties translated = bundle("_" + language);
    List<String> leaks = new ArrayList<>();
    for (String key : english.stringPropertyNames()) {
      String pattern = english.getProperty(key);
      if (key.startsWith("reply.")
          || left.test(key)
          || pattern.equals(translated.getProperty(key))) {
        continue; // reply texts are also what servers send, in English
      }
      List<String> parts = literalParts(pattern);
      if (parts.isEmpty()) {
        continue;
      }
      lines.stream()
          .filter(line -> inOrder(line, parts))
          .findFirst()
          .ifPresent(line -> leaks.add(key + ": " + line));
    }
    return leaks;
  }

  /**
   * A proxy run in French or Japanese says its own lines in that language: where it listens, what
   * it noticed (a line ended by LF alone), each reply it made itself and why (a PORT to another
   * host, a strict refusal, an empty line, AUTH without TLS), how each session ended. The replies
   * it sent on the wire stay English, as FTP clients read them: the console quotes them, so their
   * quoted text is left out of the search for English sentences.
   */
  @ParameterizedTest
  @ValueSource(strings = {"fr", "ja"})
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void proxyRunsSayTheirOwnLinesInTheRunsLanguage(String language) throws Exception {
    Path home = Files.createDirectories(dir.resolve("proxy-home-" + language));
    CliRun run;
    List<String> replies = new ArrayList<>();
    try (EmbeddedFtpServer server = EmbeddedFtpServer.start(home)) {
      ProxyRun proxy =
          ProxyRun.start(
              "--lang",
              language,
              "--upstream",
              "127.0.0.1:" + server.port(),
              "--sessions",
              "1",
              "--strict");
      try (Socket client = new Socket("127.0.0.1", proxy.port())) {
        client.setSoTimeout(20_000);
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        replies.add(in.readLine());
        for (String line :
            List.of(
                "USER " + EmbeddedFtpServer.USER + "\n",
                "PASS " + EmbeddedFtpServer.PASSWORD + "\r\n",
                "PORT 10,0,0,1,4,1\r\n",
                "RNTO x\r\n",
                "\r\n",
                "AUTH TLS\r\n",
                "QUIT\r\n")) {
          out.write(line.getBytes(StandardCharsets.US_ASCII));
          out.flush();
          String reply = in.readLine();
          while (reply != null && reply.matches("\\d{3}-.*|\\s.*")) {
            reply = in.readLine(); // the strict refusal's lines before its last
          }
          replies.add(reply);
        }
      }
      run = proxy.end();
    }

    assertThat(replies)
        .as("the wire stays English")
        .anyMatch(r -> r.startsWith("501 ftpseq proxy: PORT names 10.0.0.1"))
        .anyMatch(r -> r.startsWith("534 ftpseq proxy: TLS is not configured"));
    String console = run.out() + run.err();
    if (language.equals("fr")) {
      assertThat(console)
          .contains("ftpseq proxy: à l’écoute sur 127.0.0.1:")
          .contains("le client a terminé une ligne par LF seul, et non CRLF")
          .contains(
              "pas du serveur\u00a0: le proxy a répondu lui-même «\u00a0501 ftpseq proxy: PORT")
          .contains("non transmise\u00a0: PORT désigne 10.0.0.1, et non 127.0.0.1")
          .contains("non transmise\u00a0: une ligne vide")
          .contains("non transmise\u00a0: TLS n’est pas configuré")
          .contains("non transmise\u00a0: réponse de ftpseq proxy (--strict)")
          .containsPattern("s1\u00a0: fermée \\((le client|le serveur) a fermé la connexion\\)");
    } else {
      assertThat(console)
          .contains("で待ち受け、")
          .contains("クライアントが行を CRLF ではなく LF だけで終えました")
          .contains("サーバーからではありません。プロキシが自ら「501 ftpseq proxy: PORT")
          .contains("転送しませんでした：空行です")
          .contains("転送しませんでした：TLS が設定されていません")
          .containsPattern("s1：終了しました（(クライアント|サーバー)が接続を閉じました）");
    }
    assertThat(console)
        .doesNotContain("listening on")
        .doesNotContain("LF alone")
        .doesNotContain("not from the server")
        .doesNotContain("closed the connection");
    // the replies as sent, quoted, are protocol text in English; everything else is the language's
    List<String> lines = console.lines().map(l -> l.replaceAll("«[^»]*»|「[^」]*」", "«»")).toList();
    assertThat(leaks(lines, language, key -> false)).isEmpty();
  }

  /**
   * The Spark job says its own lines in the run's language, as {@code ftpseq check} does: where it
   * wrote its tables, the errors of its options (an unknown profile or format), the pointer to its
   * help, and the headings of its Markdown summary.
   */
  @ParameterizedTest
  @ValueSource(strings = {"fr", "ja"})
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void sparkCheckSaysItsOwnLinesInTheRunsLanguage(String language) throws IOException {
    Path output = dir.resolve("spark-" + language);
    List<String> lines = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String[] usage :
        List.of(new String[] {"--profile", "vsftpx"}, new String[] {"--format", "nonesuch"})) {
      List<String> args =
          new ArrayList<>(List.of("--lang", language, "--output", output.toString()));
      args.addAll(List.of(usage));
      args.add("samples/dialogue/bad-order.txt");
      SparkRun run = SparkRun.of(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
      errors.add(run.err());
    }
    SparkRun checked =
        SparkRun.of(
            "--lang",
            language,
            "--fail-on",
            "never",
            "--output",
            output.toString(),
            "samples/dialogue/bad-order.txt");
    assertThat(checked.exitCode()).as(checked.err()).isEqualTo(ExitCodes.OK);

    String said = String.join("", errors) + checked.out();
    String summary = Files.readString(output.resolve("summary.md"));
    if (language.equals("fr")) {
      assertThat(summary)
          .contains(
              "### Par règle\n\n| Règle | Sessions | Constats | Erreurs | Avertissements | Infos |")
          .contains("### Par serveur");
    } else {
      assertThat(summary)
          .contains("### ルール別\n\n| ルール | セッション | 検出 | エラー | 警告 | 情報 |")
          .contains("### サーバー別");
    }
    assertThat(summary).doesNotContain("By rule").doesNotContain("Findings");
    if (language.equals("fr")) {
      assertThat(said)
          .contains(
              "spark-check: profil inconnu «\u00a0vsftpx\u00a0»\u00a0; profils connus\u00a0: ")
          .contains(
              "spark-check: format inconnu «\u00a0nonesuch\u00a0»\u00a0; formats connus\u00a0: ")
          .contains("spark-check: voir «\u00a0spark-check --help\u00a0» pour l’usage")
          .contains("Tables et résumés écrits sous " + output);
    } else {
      assertThat(said)
          .contains("spark-check: 不明なプロファイル「vsftpx」です。")
          .contains("spark-check: 不明な形式「nonesuch」です。")
          .contains("spark-check: 使い方は「spark-check --help」を見てください")
          .contains("表と要約を " + output + " に書き込みました");
    }
    assertThat(said)
        .doesNotContain("unknown profile")
        .doesNotContain("unknown format")
        .doesNotContain("for usage")
        .doesNotContain("written under");
    lines.addAll(said.lines().toList());
    lines.addAll(summary.lines().toList());
    assertThat(leaks(lines, language, key -> false)).isEmpty();
  }

  /** One run of the Spark job's entry point, as a test sees it. */
  private record SparkRun(int exitCode, String out, String err) {
    static SparkRun of(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = SparkCheck.run(args, new PrintWriter(out), new PrintWriter(err));
      return new SparkRun(code, out.toString(), err.toString());
    }
  }

  /** The probe's dry run says its own lines in the run's language, as the other commands do. */
  @Test
  void probeSpeaksTheRunsLanguage() {
    CliRun dryRun = CliRun.of("probe", "--lang", "fr", "--dry-run", "ftp://alice@127.0.0.1:2121");

    assertThat(dryRun.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(dryRun.out())
        .contains("[rnto-alone] RNTO sans RNFR avant.")
        .contains("[rnto-after-noop] RNFR, puis NOOP, puis RNTO\u00a0: le renommage en attente")
        .contains("ftpseq probe --dry-run\u00a0: rien n’est envoyé.")
        .contains("par scénario\u00a0: MKD {dir}")
        .doesNotContain("nothing is sent")
        .doesNotContain("with no RNFR before it")
        .doesNotContain("per scenario");
  }

  /**
   * A usage error picocli finds (an unknown option, a missing parameter) is said in the language
   * the arguments ask for, wherever {@code --lang} stands, and so is the pointer to the help.
   */
  @Test
  void usageErrorsAreSaidInTheRunsLanguage() {
    CliRun unknown = CliRun.of("check", "--bogus", "--lang", "fr", "samples/");
    CliRun missing = CliRun.of("probe", "--lang=ja");

    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err())
        .contains("ftpseq: option inconnue\u00a0: '--bogus'")
        .contains("ftpseq: voir «\u00a0ftpseq check --help\u00a0» pour l’usage")
        .doesNotContain("Unknown option")
        .doesNotContain("for usage");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err())
        .contains("必須のパラメーターがありません：'URL'")
        .doesNotContain("Missing required parameter");
    assertThat(CliRun.of("check", "--bogus", "samples/").err())
        .contains("ftpseq: Unknown option: '--bogus'")
        .contains("ftpseq: try 'ftpseq check --help' for usage");
  }

  /**
   * The French text report puts a no-break space before the colons of a finding's line, as
   * everything else French ftpseq writes: {@code file:3\u00a0: erreur RULE\u00a0: message}.
   */
  @Test
  void frenchFindingLinesHaveANoBreakSpaceBeforeTheirColons() throws IOException {
    Path script = dir.resolve("script.txt");
    Files.writeString(script, "USER a\nPASS b\nRNTO x\nQUIT\n");
    CliRun check = CliRun.of("check", "--lang", "fr", "--report", "text", "samples/");
    CliRun simulate =
        CliRun.of("simulate", "--lang", "fr", "--profile", "vsftpd", script.toString());

    Pattern finding = Pattern.compile("(erreur|avertissement|info) [A-Z][A-Z0-9_]*([ \u00a0]?):");
    for (String out : List.of(check.out(), simulate.out())) {
      Matcher m = finding.matcher(out);
      assertThat(m.find()).as(out).isTrue();
      do {
        assertThat(m.group(2)).as(m.group()).isEqualTo("\u00a0");
      } while (m.find());
    }
  }

  /**
   * Captures the capture reader says something of its own about: the samples, one cut short in a
   * packet, one whose file header is cut short, one of a link type it does not read, and bytes that
   * are no capture.
   */
  private Path captures() throws IOException {
    Path in = Files.createDirectories(dir.resolve("captures"));
    if (Files.exists(in.resolve("header-cut.pcap"))) {
      return in;
    }
    byte[] sample = Files.readAllBytes(Path.of("samples/pcap/apache-ftpserver-clean.pcap"));
    for (Path pcap :
        List.of(
            Path.of("samples/pcap/apache-ftpserver-clean.pcap"),
            Path.of("samples/pcap/apache-ftpserver-out-of-order.pcap"))) {
      Files.copy(pcap, in.resolve(pcap.getFileName()));
    }
    Files.write(in.resolve("cut.pcap"), Arrays.copyOf(sample, sample.length - 7));
    Files.write(in.resolve("header-cut.pcap"), Arrays.copyOf(sample, 10));
    byte[] otherLink = Arrays.copyOf(sample, 24 + 16 + 20);
    otherLink[20] = (byte) 147; // LINKTYPE_USER0, in the sample's byte order
    otherLink[21] = 0;
    otherLink[24 + 8] = 20; // one packet of 20 captured bytes
    otherLink[24 + 9] = 0;
    otherLink[24 + 10] = 0;
    otherLink[24 + 11] = 0;
    Files.write(in.resolve("other-link.pcap"), otherLink);
    return in;
  }

  /**
   * A directory with inputs of every kind a run says something of its own about: a link to a
   * directory and one to nothing (left out, unreadable), an empty file, a file in no format, lines
   * the dialogue reader cannot read, and .gz files that are corrupt or not gzip at all.
   */
  private Path inputs() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    if (Files.exists(in.resolve("empty.log"))) {
      return in;
    }
    Files.createDirectories(dir.resolve("elsewhere"));
    Files.createSymbolicLink(in.resolve("linked"), dir.resolve("elsewhere"));
    Files.createSymbolicLink(in.resolve("nothing"), dir.resolve("gone"));
    Files.writeString(in.resolve("empty.log"), "");
    Files.writeString(in.resolve("notes.log"), "shopping list\nmilk\neggs\n");
    Files.copy(Path.of("samples/dialogue/malformed-lines.txt"), in.resolve("malformed.txt"));
    byte[] corrupt = new byte[30]; // a gzip header, then a deflate block of an invalid type
    System.arraycopy(
        new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}, 0, corrupt, 0, 10);
    Arrays.fill(corrupt, 10, corrupt.length, (byte) 0xff);
    Files.write(in.resolve("corrupt.log.gz"), corrupt);
    Files.writeString(in.resolve("plain.log.gz"), "USER a\r\nQUIT\r\n");
    return in;
  }

  /**
   * The text between the pattern's placeholders, in order; none when its words are too few to tell
   * it from other text.
   */
  private static List<String> literalParts(String pattern) {
    String literal = pattern.replace("''", "'");
    Matcher words = WORD.matcher(PLACEHOLDER.matcher(literal).replaceAll(" "));
    int count = 0;
    while (words.find()) {
      count++;
    }
    if (count < 3) {
      return List.of();
    }
    return Arrays.stream(PLACEHOLDER.split(literal)).filter(p -> !p.isBlank()).toList();
  }

  /** Whether the line holds the parts one after the other. */
  private static boolean inOrder(String line, List<String> parts) {
    int from = 0;
    for (String part : parts) {
      int at = line.indexOf(part, from);
      if (at < 0) {
        return false;
      }
      from = at + part.length();
    }
    return true;
  }

  private static String unescaped(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static Properties bundle(String suffix) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        TranslatedRunsTest.class.getResourceAsStream(
            "/io/ftpseq/explain/Messages" + suffix + ".properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
