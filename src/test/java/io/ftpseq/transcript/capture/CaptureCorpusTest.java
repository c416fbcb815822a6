package io.ftpseq.transcript.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.transcript.TranscriptChecker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Real captures made by others (Zeek, ProFuzzBench, Suricata test suites), read from the shared
 * corpus next to the project when it is there; what each shows is described in its SOURCES.md. Each
 * test prints the sessions and findings it saw.
 */
class CaptureCorpusTest {

  private static final Path CORPUS = Path.of("../shared/corpus");

  private static List<SessionCheck> check(String file) throws IOException {
    Path path = CORPUS.resolve(file);
    assumeTrue(Files.isRegularFile(path), "corpus not present, skipped: " + path.toAbsolutePath());
    TranscriptChecker.Result result;
    try (InputStream in = Files.newInputStream(path)) {
      result = new TranscriptChecker(ServerProfiles.RFC, null).check(file, in);
    }
    assertThat(result.unreadable()).isNull();
    for (SessionCheck s : result.sessions()) {
      System.out.printf(
          "%s | %s | %d commands, %d replies | findings %s | problems %s%n",
          file, s.session(), s.commands(), s.replies(), summary(s.findings()), s.problems());
    }
    return result.sessions();
  }

  private static String summary(List<Finding> findings) {
    return findings.stream()
        .map(
            f ->
                f.rule()
                    + "("
                    + (f.command() == null ? "-" : f.command().word())
                    + "→"
                    + (f.reply() == null ? "-" : f.reply().code())
                    + ")")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static List<String> found(SessionCheck session, String rule) {
    return session.findings().stream()
        .filter(f -> f.rule().name().equals(rule))
        .map(f -> f.command().word() + " " + (f.reply() == null ? "-" : f.reply().code()))
        .toList();
  }

  private static SessionCheck only(String file) throws IOException {
    List<SessionCheck> sessions = check(file);
    assertThat(sessions).hasSize(1);
    return sessions.get(0);
  }

  @Test
  void proftpdRefusesRntoWithout503AndListWithout425() throws IOException {
    SessionCheck s = only("profuzzbench/ProFTPD/in-ftp-pcap/seed_12.pcap");
    assertThat(found(s, "RNTO_WITHOUT_RNFR")).containsExactly("RNTO 503", "RNTO 503", "RNTO 503");
    assertThat(found(s, "TRANSFER_WITHOUT_DATA_CHANNEL")).containsExactly("LIST 425", "LIST 425");
  }

  @Test
  void pureFtpdRefusesTheSameOrderEvenBeforeItsGreeting() throws IOException {
    SessionCheck s = only("profuzzbench/PureFTPD/in-ftp-pcap/seed_12.pcap");
    assertThat(s.start()).isEqualTo(SessionCheck.Start.COMPLETE);
    assertThat(found(s, "RNTO_WITHOUT_RNFR")).containsExactly("RNTO 503", "RNTO 503", "RNTO 503");
    assertThat(found(s, "TRANSFER_WITHOUT_DATA_CHANNEL")).containsExactly("LIST 425", "LIST 425");
  }

  @Test
  void bftpdAcceptsListWithoutDataChannel() throws IOException {
    SessionCheck s = only("profuzzbench/BFTPD/in-ftp-pcap/seed_12.pcap");
    assertThat(found(s, "RNTO_WITHOUT_RNFR")).containsExactly("RNTO 503", "RNTO 503", "RNTO 503");
    assertThat(found(s, "TRANSFER_WITHOUT_DATA_CHANNEL")).containsExactly("LIST 226", "LIST 226");
  }

  @Test
  void proftpdSeed3RefusesTransfersWithout425() throws IOException {
    SessionCheck s = only("profuzzbench/ProFTPD/in-ftp-pcap/seed_3.pcap");
    assertThat(found(s, "TRANSFER_WITHOUT_DATA_CHANNEL"))
        .isNotEmpty()
        .allMatch(f -> f.endsWith("425"));
  }

  @Test
  void lightFtpOnPort2200IsFoundByContent() throws IOException {
    SessionCheck s = only("profuzzbench/LightFTP/in-ftp-pcap/ftp_requests_full_normal.pcap");
    assertThat(s.session()).endsWith(":2200");
    assertThat(s.problems()).isEmpty();
  }

  @Test
  void vsftpdRetrWithoutPasvIs425() throws IOException {
    SessionCheck s = only("suricata-verify/ftp-retr-bypass-realserver/input.pcap");
    assertThat(found(s, "TRANSFER_WITHOUT_DATA_CHANNEL")).containsExactly("RETR 425");
  }

  @Test
  void activeModeSessionIsClean() throws IOException {
    SessionCheck s = only("suricata-verify/bug-3519/input.pcap");
    assertThat(s.findings()).isEmpty();
    assertThat(s.problems()).isEmpty();
  }

  @Test
  void tenSessionsAmongTheirDataConnections() throws IOException {
    List<SessionCheck> sessions = check("suricata-verify/ftp-ippair-leak-5204/input.pcap");
    assertThat(sessions).hasSize(10).allMatch(s -> s.problems().isEmpty());
  }

  @Test
  void bruteforceIsThirtySessions() throws IOException {
    List<SessionCheck> sessions = check("zeek/bruteforce.pcap");
    assertThat(sessions).hasSize(30).allMatch(s -> s.findings().isEmpty() && s.commands() == 3);
  }

  @Test
  void commandsPipelinedBeforeTheGreetingPairInOrder() throws IOException {
    SessionCheck s = only("zeek/fake-server-delays-all.pcap");
    assertThat(s.commands()).isEqualTo(8);
    assertThat(s.problems()).isEmpty();
  }

  @Test
  void authTlsStopsReadingWithoutGarbage() throws IOException {
    SessionCheck s = only("zeek/ftp-auth-tls.pcap");
    assertThat(s.problems()).isEmpty();
    assertThat(s.findings()).isEmpty();
    assertThat(s.commands()).isEqualTo(2);
  }

  @Test
  void twoDigitReplyCodeIsAProblem() throws IOException {
    SessionCheck s = only("zeek/ftp-invalid-reply-code.pcap");
    assertThat(s.problems())
        .extracting(p -> p.message())
        .contains("not an FTP reply line from the server: \"99 PASV invalid\"");
  }

  @Test
  void passiveAndActiveDataConnectionsAreNotedWithTheirBytes() throws IOException {
    SessionCheck s = only("zeek/ipv4.pcap");
    List<String> notes =
        s.notes().stream().map(n -> n.source().line() + " " + n.kind() + " " + n.detail()).toList();
    String passive = "client 141.142.220.235:37604, server 199.233.217.249:56666";
    String active = "client 141.142.220.235:33582, server 199.233.217.249:61920";
    assertThat(notes)
        .hasSize(8)
        .contains(
            "22 DATA_OPENED " + passive,
            "31 DATA_CLOSED " + passive + ": 0 bytes from the client, 342 from the server",
            "60 DATA_OPENED " + active,
            "67 DATA_CLOSED " + active + ": 0 bytes from the client, 342 from the server");
    assertThat(s.notes().get(0).source().time()).isEqualTo("2012-02-21T16:52:55.736107Z");
  }

  @Test
  void ipv4AndIpv6SessionsReadCleanly() throws IOException {
    assertThat(only("zeek/ipv4.pcap").problems()).isEmpty();
    assertThat(only("zeek/ftp-password-pass-command.pcap").problems()).isEmpty();
    SessionCheck v6 = only("zeek/ipv6-multiline-reply.pcap");
    assertThat(v6.session()).startsWith("[");
    assertThat(v6.problems()).isEmpty();
  }

  @Test
  void sshBannerOnTheControlConnectionIsAProblemNotAFinding() throws IOException {
    SessionCheck s = only("zeek/ipv6-violation.pcap");
    assertThat(s.problems()).extracting(p -> p.message()).anyMatch(m -> m.contains("SSH-2.0"));
  }
}
