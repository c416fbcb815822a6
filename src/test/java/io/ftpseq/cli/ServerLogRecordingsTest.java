package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.testing.servers.FtpServerUnderTest;
import io.ftpseq.testing.servers.ProftpdServer;
import io.ftpseq.testing.servers.PyftpdlibServer;
import io.ftpseq.testing.servers.RealServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The servers' own logs, written by the real servers while Python's ftplib drives a clean session
 * and one out of order (PWD before login, RNTO without RNFR, RETR without a data channel, PASS once
 * logged in), then read by {@code ftpseq check} without being told their format: ProFTPD's
 * ExtendedLog in several LogFormats, pyftpdlib's log in its three shapes, Apache FtpServer's SLF4J
 * log through Log4j 2 layouts. The same recordings, made once, are the samples under {@code
 * samples/proftpd}, {@code samples/pyftpdlib} and {@code samples/apache-ftpserver}; {@code
 * -Dsamples.record=true} writes them again (temporary paths replaced by {@code /srv/ftp}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServerLogRecordingsTest {

  private static final String SCRIPT =
      """
      import ftplib, io, sys
      ftp = ftplib.FTP()
      ftp.connect(sys.argv[1], int(sys.argv[2]))
      def send(line):
          try:
              ftp.sendcmd(line)
          except ftplib.all_errors:
              pass
      if sys.argv[5] == "clean":
          ftp.login(sys.argv[3], sys.argv[4])
          ftp.pwd()
          ftp.storbinary("STOR a.txt", io.BytesIO(b"hello\\n"))
          ftp.retrbinary("RETR a.txt", lambda b: None)
          ftp.rename("a.txt", "b.txt")
          ftp.delete("b.txt")
          ftp.quit()
      else:
          send("PWD")
          ftp.login(sys.argv[3], sys.argv[4])
          send("RNTO x.txt")
          send("RETR a.txt")
          send("RNFR nothere.txt")
          send("PASS " + sys.argv[4])
          send("QUIT")
      """;

  /** ProFTPD LogFormats: ProFTPD's own sample config, text and pid, epoch and time, odd one. */
  private static final List<String> PROFTPD_FORMATS =
      List.of(
          "auth \"%v [%P] %h %t \\\"%r\\\" %s\"",
          "seq \"[%t] %P %a \\\"%r\\\" %s \\\"%S\\\"\"",
          "epoch \"%{epoch} %P %a %u \\\"%m\\\" \\\"%J\\\" %s %T\"",
          "custom \"%{iso8601} pid=%P client=%a user=%u cmd=\\\"%r\\\" code=%s text=%S\"");

  private static final boolean RECORD = Boolean.getBoolean("samples.record");

  @TempDir Path dir;

  @Test
  void proftpdExtendedLogInItsLogFormatsIsRead() throws Exception {
    RealServer.PROFTPD.startOrSkip(dir).close(); // skips when ProFTPD is not installed
    List<String> directives = new ArrayList<>();
    directives.add("ExtendedLog " + dir.resolve("extendedlog-default.log") + " ALL");
    for (String format : PROFTPD_FORMATS) {
      String name = format.substring(0, format.indexOf(' '));
      directives.add("LogFormat " + format);
      directives.add("ExtendedLog " + dir.resolve("extendedlog-" + name + ".log") + " ALL " + name);
    }
    Path serverDir = Files.createDirectories(dir.resolve("proftpd"));
    try (FtpServerUnderTest server = ProftpdServer.start(serverDir, directives)) {
      drive(server);
    }
    for (String name : List.of("default", "auth", "seq", "epoch")) {
      Path log = keep(dir.resolve("extendedlog-" + name + ".log"), "proftpd", serverDir);
      JsonNode report = check(log);
      assertRead(report, "proftpd", 2);
      assertThat(report.path("sessions").findValuesAsText("rule")).contains("RNTO_WITHOUT_RNFR");
    }
    Path custom = keep(dir.resolve("extendedlog-custom.log"), "proftpd", serverDir);
    assertRead(
        check(
            custom,
            "--log-format",
            "%{iso8601} pid=%P client=%a user=%u cmd=\"%r\" code=%s text=%S"),
        "proftpd",
        2);
  }

  @ParameterizedTest
  @CsvSource({
    "debug,  'from pyftpdlib.log import config_logging; import logging; config_logging(level=logging.DEBUG)'",
    "info,   'from pyftpdlib.log import config_logging; import logging; config_logging(level=logging.INFO)'",
    "python, 'import logging; logging.basicConfig(level=logging.DEBUG)'"
  })
  void pyftpdlibLogInEachShapeIsRead(String shape, String setup) throws Exception {
    RealServer.PYFTPDLIB.startOrSkip(dir).close();
    Path serverDir = Files.createDirectories(dir.resolve("pyftpdlib"));
    try (FtpServerUnderTest server = PyftpdlibServer.start(serverDir, List.of(setup))) {
      drive(server);
    }
    Path raw = dir.resolve(shape + ".log");
    Files.copy(serverDir.resolve("pyftpdlib.log"), raw);
    Path log = keep(raw, "pyftpdlib", serverDir);
    JsonNode report = check(log);
    // the fixture's start-up probe is a session of its own: it connects, reads 220 and leaves;
    // at info level too, where only its opening and closing are logged
    assertRead(report, "pyftpdlib", 3);
    if (shape.equals("info")) {
      // the info level logs no login: the 503 is the server's, the order it refused unknown
      assertThat(report.path("sessions").findValuesAsText("rule"))
          .containsExactly("SEQUENCE_REPLY_UNEXPLAINED");
    } else {
      assertThat(report.path("sessions").findValuesAsText("rule")).contains("RNTO_WITHOUT_RNFR");
    }
  }

  @Test
  void apacheFtpServerLogThroughLog4jIsRead() throws Exception {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    Appender withSession =
        appender(
            config,
            "with-session",
            dir.resolve("ftpserver-session.log"),
            "[%5p] %d [%X{session}] [%X{userName}] [%X{remoteIp}:%X{remotePort}] %c - %m%n");
    Appender shipped =
        appender(
            config,
            "shipped",
            dir.resolve("ftpserver-shipped.log"),
            "[%5p] %d [%X{userName}] [%X{remoteIp}] %m%n");
    LoggerConfig logger = new LoggerConfig("org.apache.ftpserver", Level.INFO, false);
    logger.addAppender(withSession, Level.INFO, null);
    logger.addAppender(shipped, Level.INFO, null);
    config.addLogger(logger.getName(), logger);
    context.updateLoggers();
    try (FtpServerUnderTest server = RealServer.APACHE_FTPSERVER.startOrSkip(dir)) {
      drive(server);
    } finally {
      config.removeLogger(logger.getName());
      context.updateLoggers();
      withSession.stop();
      shipped.stop();
    }
    Path home = dir.resolve("home");
    assertThat(Files.readString(dir.resolve("ftpserver-session.log"))).contains("RECEIVED: RNTO");
    assertRead(
        check(keep(dir.resolve("ftpserver-session.log"), "apache-ftpserver", home)),
        "apache-ftpserver",
        2);
    // the shipped layout shows the client's address only: its CLOSED records end the sessions
    assertRead(
        check(keep(dir.resolve("ftpserver-shipped.log"), "apache-ftpserver", home)),
        "apache-ftpserver",
        2);
  }

  private static Appender appender(Configuration config, String name, Path file, String pattern) {
    FileAppender appender =
        FileAppender.newBuilder()
            .setName(name)
            .withFileName(file.toString())
            .setLayout(
                PatternLayout.newBuilder().withPattern(pattern).withConfiguration(config).build())
            .setConfiguration(config)
            .build();
    appender.start();
    config.addAppender(appender);
    return appender;
  }

  /** Every line read, no problem, and the sessions found. */
  private static void assertRead(JsonNode report, String format, int sessions) {
    JsonNode summary = report.path("inputs").get(0);
    assertThat(summary.path("format").asText()).as(report.toString()).isEqualTo(format);
    assertThat(summary.path("problems").asLong()).as(report.toString()).isZero();
    assertThat(report.path("sessions")).as(report.toString()).hasSize(sessions);
  }

  private void drive(FtpServerUnderTest server) throws IOException, InterruptedException {
    Path script = dir.resolve("session.py");
    Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
    for (String kind : List.of("clean", "out-of-order")) {
      Process python =
          new ProcessBuilder(
                  "python3",
                  script.toString(),
                  server.host(),
                  Integer.toString(server.port()),
                  server.user(),
                  server.password(),
                  kind)
              .redirectErrorStream(true)
              .start();
      String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("python3 ended").isTrue();
      assertThat(python.exitValue()).as(out).isZero();
    }
    Thread.sleep(500); // the servers write their last lines after the connection closes
  }

  /** The log with the temporary paths replaced; written to samples/ when recording. */
  private Path keep(Path log, String folder, Path home) throws IOException {
    String text =
        Files.readString(log, StandardCharsets.UTF_8)
            .replace(home.toString(), "/srv/ftp")
            .replace(dir.toString(), "/srv");
    Files.writeString(log, text, StandardCharsets.UTF_8);
    if (RECORD) {
      Path sample = Path.of("samples", folder, "server-" + log.getFileName());
      Files.createDirectories(sample.getParent());
      Files.writeString(sample, text, StandardCharsets.UTF_8);
    }
    return log;
  }

  private static JsonNode check(Path file, String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of("check", "--report", "json", "--fail-on", "never"));
    args.addAll(List.of(options));
    args.add(file.toString());
    CliRun run = CliRun.of(args.toArray(String[]::new));
    return new ObjectMapper().readTree(run.out());
  }
}
