package io.ftpseq.explain;

import java.io.IOException;
import java.io.Writer;

/** The formats a {@link Page} can be written in. */
public enum PageFormat {
  /** Plain text for a terminal: underlined title, indented paragraphs. */
  TEXT(new TextRenderer()),
  /** Markdown for documentation and issue comments. */
  MARKDOWN(new MarkdownRenderer()),
  /** A standalone HTML5 document, every text escaped. */
  HTML(new HtmlRenderer()),
  /** One JSON object with the sections and the language-neutral facts, for tools. */
  JSON(new JsonRenderer());

  /** Writes a page in one format. */
  interface Renderer {
    void render(Page page, Writer out) throws IOException;
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
}
