package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.Note;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pure-FTPd built in another language logs its connection line in that language ({@code
 * MSG_NEW_CONNECTION} of its {@code messages_*.h}): read as a connection, the session starts there
 * with its client, not mid-session at its first command. The lines are as a log file holds them:
 * those of the catalogues that are not UTF-8 are their bytes read as Latin-1.
 */
class PureFtpdLanguagesTest {

  static Stream<String> connectionLines() {
    return Stream.of(
        "Nov\u00e9 spojen\u00ed z 192.0.2.7",
        "Ny forbindelse fra 192.0.2.7",
        "Neue Verbindung von 192.0.2.7.",
        "New connection from 192.0.2.7",
        "Nueva conexi\u00f3n desde 192.0.2.7",
        "Nouvelle connexion de 192.0.2.7",
        "192.0.2.7 ramene son cul",
        "\u00daj kapcsolat a k\u00f6vetkezo c\u00edmrol: 192.0.2.7",
        "Nuova connessione da 192.0.2.7",
        "192.0.2.7 \u00ba\u00ce\u00c5\u00cd \u00bb\u00f5\u00b7\u00ce\u00bf\u00ee \u00bf\u00ac\u00b0\u00e1",
        "Nieuwe verbinding vanaf 192.0.2.7",
        "Ny tilkobling fra 192.0.2.7",
        "Nowe po\u00b3\u00b1czenie z 192.0.2.7",
        "Nova conex\u00e3o a partir de 192.0.2.7",
        "Conexiune noua de la 192.0.2.7",
        "\u00ee\u00cf\u00d7\u00cf\u00c5 \u00d3\u00cf\u00c5\u00c4\u00c9\u00ce\u00c5\u00ce\u00c9\u00c5 \u00d3"
            + " 192.0.2.7",
        "Nove spojenie z 192.0.2.7",
        "Lidhje e re nga 192.0.2.7",
        "Nyanslutning fr\u00e5n 192.0.2.7",
        "192.0.2.7 den yeni ba\u00f0lant\u00fd",
        "\u00d7\u00d4 192.0.2.7 \u00b5\u00c4\u00d0\u00c2\u00c1\u00ac\u00bd\u00d3",
        "\u00a6\u00db 192.0.2.7 \u00aa\u00ba\u00b7s\u00b3s\u00bdu");
  }

  @ParameterizedTest
  @MethodSource("connectionLines")
  void theConnectionLineOfEveryLanguageStartsTheSession(String message) {
    String at = "Nov 22 10:00:00 host pure-ftpd: (?@192.0.2.7) ";
    List<SessionEvent> events = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    TranscriptParser parser =
        new PureFtpdLog()
            .parser(
                "log",
                new TranscriptSink() {
                  @Override
                  public void event(String session, SessionEvent event) {
                    events.add(event);
                  }

                  @Override
                  public void problem(String session, Problem problem) {
                    problems.add(problem);
                  }
                });

    LineUse connection = parser.line(1, at + "[INFO] " + message);
    parser.line(2, at + "[DEBUG] 220 Welcome");
    parser.line(3, at + "[DEBUG] Command [quit] []");
    parser.end(3);

    assertThat(connection).isEqualTo(LineUse.DIALOGUE);
    assertThat(events).noneMatch(e -> e instanceof Note).isNotEmpty();
    assertThat(problems).isEmpty();
  }

  static Stream<String> logoutLines() {
    return Stream.of(
        "Logout.",
        "Fin de sesi\u00f3n.",
        "Deloggue.",
        "Cassos.",
        "Kijelentkez\u00e9s.",
        "\u00b7\u00ce\u00b1\u00d7\u00be\u00c6\u00bf\u00f4.",
        "Logg ut.",
        "Wylogowywanie.",
        "Fim de sess\u00e3o.",
        "Iesire.",
        "\u00ef\u00d4\u00d3\u00cf\u00c5\u00c4\u00c9\u00ce\u00c5\u00ce\u00c9\u00c5.",
        "Logout/Dalje.",
        "\u00c7\u00fdk\u00fd\u00fe.",
        "\u00b5\u00c7\u00b3\u00f6.",
        "\u00b5n\u00a5X.");
  }

  /**
   * The line Pure-FTPd logs when the client quits ({@code MSG_LOGOUT}), in every language it is
   * built in, ends the session where replies are not logged: a command after it is another
   * session's, whose start the log does not show.
   */
  @ParameterizedTest
  @MethodSource("logoutLines")
  void theLogoutLineOfEveryLanguageEndsTheSession(String message) {
    String at = "Nov 22 10:00:00 host pure-ftpd: (?@192.0.2.7) ";
    List<String> seen = new ArrayList<>();
    TranscriptParser parser =
        new PureFtpdLog()
            .parser(
                "log",
                new TranscriptSink() {
                  @Override
                  public void event(String session, SessionEvent event) {
                    seen.add(
                        event.source().line()
                            + (event instanceof Note note ? " " + note.kind() : " dialogue"));
                  }

                  @Override
                  public void problem(String session, Problem problem) {
                    seen.add("problem " + problem.message());
                  }

                  @Override
                  public void end(String session) {
                    seen.add("end");
                  }
                });

    parser.line(1, at + "[INFO] New connection from 192.0.2.7");
    parser.line(2, at + "[DEBUG] Command [quit] []");
    parser.line(3, at + "[INFO] " + message);
    parser.line(4, at + "[DEBUG] Command [user] [bob]");
    parser.end(4);

    assertThat(seen).containsExactly("2 dialogue", "end", "4 START_MISSING", "4 dialogue");
  }
}
