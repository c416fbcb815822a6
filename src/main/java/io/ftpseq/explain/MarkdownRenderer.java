package io.ftpseq.explain;

import io.ftpseq.explain.Page.Section;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a page as Markdown: {@code #} title, {@code ##} and {@code ###} headings, lists. Several
 * pages are set apart by a thematic break ({@code ---}).
 *
 * <p>It is also the one place where text is escaped for Markdown ({@link #escape}, {@link #cell}):
 * every report that writes Markdown (explain pages, {@code check --report markdown}, {@code
 * simulate --format markdown}) escapes with it, so a name taken from a transcript ({@code
 * [x](http://evil)}, {@code *bold*}) shows as it was written everywhere.
 */
public final class MarkdownRenderer implements PageFormat.Renderer {

  /**
   * The characters Markdown (CommonMark and GitHub's tables) may read as markup inside a line:
   * emphasis, code spans, links, HTML tags and entities, strikethrough, table cells, and the
   * backslash that escapes them. CommonMark shows any of them escaped as itself. Parentheses and
   * {@code !} are markup only after a {@code ]} or before a {@code [}, which are escaped, so they
   * are left as they are: explanations are full of them.
   */
  private static final String MARKUP = "\\`*_[]<>|~&";

  /** Made by {@link PageFormat} only. */
  MarkdownRenderer() {}

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

  /**
   * The text with every character that Markdown would read as markup inside a line escaped, and a
   * {@code #} that starts it (a heading); line breaks are left as they are.
   */
  public static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (MARKUP.indexOf(c) >= 0 || (i == 0 && c == '#')) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  /**
   * The text for one table cell or one list line: escaped as {@link #escape} does, every line break
   * and tab (a cell ends at a line break) shown as one space.
   */
  public static String cell(String text) {
    return escape(text.replaceAll("[\\r\\n\\t]+", " "));
  }
}
