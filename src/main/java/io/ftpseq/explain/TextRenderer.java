package io.ftpseq.explain;

import io.ftpseq.explain.Page.Section;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a page as plain text: the title underlined with {@code =}, main headings with {@code -},
 * nested headings indented, paragraphs and list items indented under their heading. Lines are not
 * wrapped, so Japanese text is never cut in the middle of a word. Several pages are set apart by
 * two blank lines, one more than between the sections of a page.
 */
final class TextRenderer implements PageFormat.Renderer {

  @Override
  public void render(Page page, Writer out) throws IOException {
    out.write(page.title() + "\n");
    out.write("=".repeat(width(page.title())) + "\n");
    for (Section section : page.sections()) {
      section(section, out);
    }
  }

  @Override
  public void render(List<Page> pages, Writer out) throws IOException {
    renderApart(pages, out, "\n\n");
  }

  /** The width of a text in terminal columns: wide (CJK) characters take two. */
  static int width(String text) {
    return text.codePoints().map(c -> isWide(c) ? 2 : 1).sum();
  }

  private static boolean isWide(int c) {
    return (c >= 0x1100 && c <= 0x115F)
        || (c >= 0x2E80 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFE30 && c <= 0xFE4F)
        || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6);
  }

  private static void section(Section section, Writer out) throws IOException {
    String indent = section.level() == 1 ? "" : "  ";
    out.write("\n" + indent + section.heading() + "\n");
    if (section.level() == 1) {
      out.write("-".repeat(width(section.heading())) + "\n");
    }
    String body = indent + "  ";
    for (String paragraph : section.paragraphs()) {
      out.write(body + paragraph + "\n");
    }
    int number = 1;
    for (String item : section.items()) {
      String mark = section.numbered() ? number++ + ". " : "- ";
      out.write(body + mark + item + "\n");
    }
  }
}
