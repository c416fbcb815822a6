package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.explain.Explainer;
import io.ftpseq.session.Phrase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts in every human-readable output are grouped as the report's language groups them, as the
 * summary line groups them: 1,500 in English, 1 500 (a narrow no-break space) in French; the JSON
 * numbers stay plain.
 */
class GroupedCountsTest {

  private static final String NNBSP = "\u202f";

  @TempDir Path dir;

  /** A session of 1,500 quiet steps and one finding at the end, whose diagram skips the quiet. */
  private Path longSession() throws IOException {
    StringBuilder dialogue =
        new StringBuilder("S: 220 ready\nC: USER a\nS: 331 ok\nC: PASS p\nS: 230 in\n");
    for (int i = 0; i < 1_500; i++) {
      dialogue.append("C: NOOP\nS: 200 ok\n");
    }
    for (int i = 0; i < 1_200; i++) {
      dialogue.append("C: RNTO x\nS: 503 RNFR required first.\n");
    }
    return Files.writeString(dir.resolve("long.txt"), dialogue);
  }

  @Test
  void markdownTableAndMermaidDiagramGroupTheirCounts() throws IOException {
    Path log = longSession();

    CliRun english = CliRun.of("check", "--report", "markdown", log.toString());
    CliRun french = CliRun.of("check", "--lang", "fr", "--report", "markdown", log.toString());

    assertThat(english.out())
        .contains("| 1,200 | 0 | 0 | 0 |")
        .containsPattern("\u2026 1,\\d{3} step\\(s\\) without findings")
        .doesNotContain("| 1200 |");
    assertThat(french.out())
        .contains("| 1" + NNBSP + "200 | 0 | 0 | 0 |")
        .containsPattern("\u2026 1" + NNBSP + "\\d{3} étape")
        .contains("| Source | Format | Profil | Début | Erreurs |")
        .contains("| complète |")
        .doesNotContain("| Errors |");
  }

  @Test
  void simulationSummaryGroupsItsCounts() throws IOException {
    Path script = Files.writeString(dir.resolve("script.txt"), "NOOP\n".repeat(1_200));

    CliRun english = CliRun.of("simulate", "--profile", "vsftpd", script.toString());
    CliRun french = CliRun.of("simulate", "--lang", "fr", "--profile", "vsftpd", script.toString());

    assertThat(english.out()).contains(" of 1,200 step(s) refused");
    assertThat(french.out()).contains("sur 1" + NNBSP + "200");
  }

  @Test
  void theNoteOfSessionsClosedEarlyGroupsItsBound() {
    Phrase note = Phrase.of("note.detail.closedEarly", 10_000);

    assertThat(note.english()).isEqualTo("more than 10,000 sessions were open at once");
    assertThat(Explainer.forLocale(Locale.FRENCH).say(note))
        .isEqualTo("plus de 10" + NNBSP + "000 sessions étaient ouvertes en même temps");
  }
}
