package io.ftpseq.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.explain.Page.Section;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every format writes every part of a page, escaped for that format. */
class PageFormatTest {

  private static final Page PAGE =
      new Page(
          "reply",
          "503",
          "en",
          "<503> & \"quotes\"",
          List.of(
              Section.text("description", "A <b>", "Text with 'quotes' & <tags>"),
              new Section("items", "List", 1, List.of(), List.of("one", "two"), true).nested()),
          Map.of("code", 503));

  private static String write(PageFormat format) throws IOException {
    StringWriter out = new StringWriter();
    format.write(PAGE, out);
    return out.toString();
  }

  @Test
  void htmlEscapesEveryText() throws IOException {
    String html = write(PageFormat.HTML);
    assertThat(html)
        .contains("<title>&lt;503&gt; &amp; &quot;quotes&quot;</title>")
        .contains("<p>Text with &#39;quotes&#39; &amp; &lt;tags&gt;</p>")
        .contains("<h3 id=\"items\">List</h3>\n<ol>\n<li>one</li>")
        .doesNotContain("<b>");
  }

  @Test
  void jsonHasFactsAndSections() throws IOException {
    JsonNode root = new ObjectMapper().readTree(write(PageFormat.JSON));
    assertThat(root.get("facts").get("code").asInt()).isEqualTo(503);
    assertThat(root.get("sections").get(1).get("items").get(1).asText()).isEqualTo("two");
    assertThat(root.get("sections").get(1).get("level").asInt()).isEqualTo(2);
  }

  @Test
  void markdownNumbersOrderedItemsAndEscapesMarkup() throws IOException {
    assertThat(write(PageFormat.MARKDOWN))
        .startsWith("# \\<503\\> \\& \"quotes\"\n")
        .contains("### List\n\n1. one\n2. two\n");
  }

  @Test
  void markdownShowsEveryMarkupCharacterLiterallyAndACellStaysOnOneLine() {
    assertThat(MarkdownRenderer.escape("[x](http://evil) *b* _i_ `c` <i> &amp; ~s~ a|b \\"))
        .isEqualTo(
            "\\[x\\](http://evil) \\*b\\* \\_i\\_ \\`c\\` \\<i\\> \\&amp; \\~s\\~ a\\|b \\\\");
    assertThat(MarkdownRenderer.escape("# not a heading #")).isEqualTo("\\# not a heading #");
    assertThat(MarkdownRenderer.cell("a\tb\r\nc\n\nd")).isEqualTo("a b c d");
  }

  private static String writeTwo(PageFormat format) throws IOException {
    StringWriter out = new StringWriter();
    format.write(List.of(PAGE, PAGE), out);
    return out.toString();
  }

  @Test
  void severalPagesInHtmlAreOneDocumentWithUniqueIds() throws IOException {
    String html = writeTwo(PageFormat.HTML);
    assertThat(html)
        .containsOnlyOnce("<!DOCTYPE html>")
        .containsOnlyOnce("</html>")
        .contains("<title>&lt;503&gt; &amp; &quot;quotes&quot;; &lt;503&gt; &amp;")
        .contains("<article id=\"page-1\">\n<h1>&lt;503&gt;")
        .contains("<h2 id=\"page-1-description\">")
        .contains("<h3 id=\"page-2-items\">List</h3>")
        .doesNotContain("id=\"items\"");
  }

  @Test
  void severalPagesInJsonAreAnArrayEvenOfOne() throws IOException {
    JsonNode pages = new ObjectMapper().readTree(writeTwo(PageFormat.JSON));
    assertThat(pages.isArray()).isTrue();
    assertThat(pages.get(1).get("facts").get("code").asInt()).isEqualTo(503);
    StringWriter one = new StringWriter();
    PageFormat.JSON.write(List.of(PAGE), one);
    assertThat(new ObjectMapper().readTree(one.toString()).isArray()).isTrue();
  }

  @Test
  void severalPagesInTextAndMarkdownAreSetApart() throws IOException {
    assertThat(writeTwo(PageFormat.TEXT))
        .isEqualTo(write(PageFormat.TEXT) + "\n\n" + write(PageFormat.TEXT));
    assertThat(writeTwo(PageFormat.MARKDOWN))
        .isEqualTo(write(PageFormat.MARKDOWN) + "\n---\n\n" + write(PageFormat.MARKDOWN));
  }

  @Test
  void noPagesIsAProgrammerError() {
    assertThatThrownBy(() -> PageFormat.TEXT.write(List.of(), new StringWriter()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("there must be a page to write");
  }

  @Test
  void textUnderlinesWideCharactersTwice() {
    assertThat(TextRenderer.width("応答 503")).isEqualTo(8);
  }
}
