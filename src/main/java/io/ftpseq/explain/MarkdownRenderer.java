package io.ftpseq.explain;

import io.ftpseq.explain.Page.Section;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a page as Markdown: {@code #} title, {@code ##} and {@code ###} headings, lists. Several
 * pages are set apart by a thematic break ({@code ---}).
 */
final class MarkdownRenderer implements PageFormat.Renderer {

  @Override
  public void render(Page page, Writer out) throws IOException {
    out.write("# " + escape(page.title()) + "\n");
    for (Section section : page.sections()) {
      out.write("\n" + "#".repeat(section.level() + 1) + " " + escape(section.heading()) + "\n");
      for (String paragraph : section.paragraphs()) {
        out.write("\n" + escape(paragraph) + "\n");
      }
      if (!section.items().isEmpty()) {
        out.write("\n");
      }
      int number = 1;
      for (String item : section.items()) {
        String mark = section.numbered() ? number++ + ". " : "- ";
        out.write(mark + escape(item) + "\n");
      }
    }
  }

  @Override
  public void render(List<Page> pages, Writer out) throws IOException {
    renderApart(pages, out, "\n---\n\n");
  }

  /** Escapes the characters that Markdown would read as markup inside a line. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\`*_[]<>|".indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
