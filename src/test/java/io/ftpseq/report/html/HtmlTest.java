package io.ftpseq.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ftpseq.report.DisplayWidth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Escaping and fitting of untrusted text into the HTML report's labels. */
class HtmlTest {

  private static final String CJK = "\u65e5\u672c\u8a9e";

  /** Labels as hostile as inputs make them. */
  private static final List<String> HOSTILE =
      List.of(
          "RETR \u202etxt.exe",
          "USER " + "\u202e\u2066\u200b\u0001\u001b".repeat(12),
          "STOR " + CJK.repeat(20) + ".txt",
          "CWD " + "\ud83d\ude00\ud83d\udcc1".repeat(30),
          "550 " + "z".repeat(300),
          "553 e\u0301".repeat(20) + "<&>\"'",
          "RNTO \udc80\udcff\u2028" + CJK + "\ud83d\ude80".repeat(20));

  @Test
  void wideAndFullWidthCharactersTakeTwoColumns() {
    assertThat(DisplayWidth.of('a')).isEqualTo(1);
    assertThat(DisplayWidth.of('\u65e5')).isEqualTo(2); // CJK ideograph, W
    assertThat(DisplayWidth.of('\u30d5')).isEqualTo(2); // katakana, W
    assertThat(DisplayWidth.of('\uac00')).isEqualTo(2); // Hangul syllable, W
    assertThat(DisplayWidth.of('\u3000')).isEqualTo(2); // ideographic space, F
    assertThat(DisplayWidth.of('\uff21')).isEqualTo(2); // full-width A, F
    assertThat(DisplayWidth.of('\uff71')).isEqualTo(1); // half-width katakana, H
    assertThat(DisplayWidth.of(0x1f600)).isEqualTo(2); // emoji, W
    assertThat(DisplayWidth.of(0x20000)).isEqualTo(2); // CJK extension B, W
    assertThat(DisplayWidth.of('\u0301')).isZero(); // combining acute accent
    assertThat(DisplayWidth.of('\u05d0')).isEqualTo(1); // Hebrew alef, N
    assertThat(DisplayWidth.of('\u00e9')).isEqualTo(1); // A: one column in the report's font
  }

  @Test
  void anUnsafeCharacterTakesTheColumnsOfItsEscape() {
    assertThat(Html.columns("RETR \u202etxt.exe")).isEqualTo(5 + 6 + 7);
    assertThat(Html.columns("a\u0001b")).isEqualTo(1 + 4 + 1);
    assertThat(Html.columns("<&>")).isEqualTo(3);
    assertThat(Html.columns(CJK + "a")).isEqualTo(7);
  }

  @Test
  void aLabelThatFitsIsOnlyEscaped() {
    assertThat(Html.fitted("RETR <a&b>.txt", 14)).isEqualTo("RETR &lt;a&amp;b&gt;.txt");
    String seventeen = CJK.repeat(5) + "\u65e5\u672c";
    assertThat(Html.fitted(seventeen, 34)).isEqualTo(seventeen);
  }

  @Test
  void wideCharactersAreCutAtTwoColumnsEach() {
    String cut = Html.fitted(CJK.repeat(20), 34);
    assertThat(cut).isEqualTo(CJK.repeat(5) + "\u65e5\u2026");
    assertThat(Html.columns(cut)).isEqualTo(33);
  }

  @Test
  void theCutFallsBetweenEscapesNeverInsideOne() {
    assertThat(Html.fitted("RETR \u202etxt.exe", 10)).isEqualTo("RETR \u2026");
    assertThat(Html.fitted("RETR \u202etxt.exe", 12)).isEqualTo("RETR \\u202e\u2026");
  }

  @Test
  void everyCutOfAHostileLabelIsWholeEscapesAndPairsWithinItsColumns() {
    for (String label : HOSTILE) {
      for (int columns = 1; columns <= 60; columns++) {
        String fitted = Html.fitted(label, columns);
        assertThat(Html.columns(unescaped(fitted)))
            .as(label + " in " + columns)
            .isLessThanOrEqualTo(columns);
        if (fitted.equals(Html.escape(label))) {
          continue;
        }
        assertThat(fitted).endsWith("\u2026");
        String kept = fitted.substring(0, fitted.length() - 1);
        assertThat(prefixes(label)).as(label + " in " + columns).contains(kept);
      }
    }
  }

  @Test
  void fewerThanOneColumnIsAMistake() {
    assertThatThrownBy(() -> Html.fitted("a", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("columns must be at least 1: 0");
  }

  /** The escaped form of each prefix of the text that ends between two code points. */
  private static List<String> prefixes(String text) {
    List<String> prefixes = new ArrayList<>();
    int i = 0;
    while (true) {
      prefixes.add(Html.escape(text.substring(0, i)));
      if (i == text.length()) {
        return prefixes;
      }
      i = text.offsetByCodePoints(i, 1);
    }
  }

  /** The text with the entities written back as the characters they stand for. */
  private static String unescaped(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
