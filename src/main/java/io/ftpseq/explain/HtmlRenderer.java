package io.ftpseq.explain;

import io.ftpseq.explain.Page.Section;
import java.io.IOException;
import java.io.Writer;

/** Writes a page as a standalone HTML5 document in the page's language; every text is escaped. */
final class HtmlRenderer implements PageFormat.Renderer {

  @Override
  public void render(Page page, Writer out) throws IOException {
    out.write("<!DOCTYPE html>\n<html lang=\"" + escape(page.language()) + "\">\n<head>\n");
    out.write("<meta charset=\"utf-8\">\n<title>" + escape(page.title()) + "</title>\n");
    out.write("</head>\n<body>\n<h1>" + escape(page.title()) + "</h1>\n");
    for (Section section : page.sections()) {
      section(section, out);
    }
    out.write("</body>\n</html>\n");
  }

  private static void section(Section section, Writer out) throws IOException {
    String tag = "h" + (section.level() + 1);
    out.write("<" + tag + " id=\"" + escape(section.id()) + "\">" + escape(section.heading()));
    out.write("</" + tag + ">\n");
    for (String paragraph : section.paragraphs()) {
      out.write("<p>" + escape(paragraph) + "</p>\n");
    }
    if (section.items().isEmpty()) {
      return;
    }
    String list = section.numbered() ? "ol" : "ul";
    out.write("<" + list + ">\n");
    for (String item : section.items()) {
      out.write("<li>" + escape(item) + "</li>\n");
    }
    out.write("</" + list + ">\n");
  }

  /** Escapes text for HTML element content and double- or single-quoted attributes. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
