package io.ftpseq.explain;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The formats a {@link Page} can be written in, alone or several in a row. */
public enum PageFormat {
  /** Plain text for a terminal: underlined title, indented paragraphs. */
  TEXT(new TextRenderer()),
  /** Markdown for documentation and issue comments. */
  MARKDOWN(new MarkdownRenderer()),
  /** A standalone HTML5 document, every text escaped. */
  HTML(new HtmlRenderer()),
  /** One JSON object with the sections and the language-neutral facts, for tools. */
  JSON(new JsonRenderer());

  /** Writes pages in one format. */
  interface Renderer {
    /** Writes one page. */
    void render(Page page, Writer out) throws IOException;

    /**
     * Writes several pages, in order, as one output that tells where each begins: in text two blank
     * lines before each title, in Markdown a rule, in HTML one document with an {@code <article>}
     * per page, in JSON an array of page objects.
     */
    void render(List<Page> pages, Writer out) throws IOException;

    /** Writes the pages one after the other with {@code between} between each two. */
    default void renderApart(List<Page> pages, Writer out, String between) throws IOException {
      for (int i = 0; i < pages.size(); i++) {
        if (i > 0) {
          out.write(between);
        }
        render(pages.get(i), out);
      }
    }
  }

  @SuppressWarnings("ImmutableEnumChecker") // renderers are stateless
  private final Renderer renderer;

  PageFormat(Renderer renderer) {
    this.renderer = renderer;
  }

  /** Writes the page to {@code out} in this format and flushes it; does not close it. */
  public void write(Page page, Writer out) throws IOException {
    renderer.render(page, out);
    out.flush();
  }

  /**
   * Writes several pages to {@code out} in this format, in order, and flushes it; does not close
   * it. The shape is that of several pages even for one (a JSON array, an HTML document of
   * articles), so that a tool reading the output of {@code ftpseq explain A B} finds the same shape
   * when one of them could not be explained.
   *
   * @throws IllegalArgumentException when there is no page: an HTML document takes its language
   *     from its pages
   */
  public void write(List<Page> pages, Writer out) throws IOException {
    if (pages.isEmpty()) {
      throw new IllegalArgumentException("there must be a page to write");
    }
    renderer.render(pages, out);
    out.flush();
  }
}
