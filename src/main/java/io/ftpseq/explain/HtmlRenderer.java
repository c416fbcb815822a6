package io.ftpseq.explain;

import io.ftpseq.explain.Page.Section;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a page as a standalone HTML5 document in the page's language; every text is escaped.
 * Several pages make one document with an {@code <article id="page-N">} each, their section ids
 * prefixed with {@code page-N-}: ids must be unique in a document, and two pages have the same
 * sections (and may be the same page, asked for twice).
 */
final class HtmlRenderer implements PageFormat.Renderer {

  @Override
  public void render(Page page, Writer out) throws IOException {
    head(page.language(), page.title(), out);
    out.write("<h1>" + escape(page.title()) + "</h1>\n");
    for (Section section : page.sections()) {
      section(section, "", out);
    }
    out.write("</body>\n</html>\n");
  }

  @Override
  public void render(List<Page> pages, Writer out) throws IOException {
    head(pages.get(0).language(), String.join("; ", pages.stream().map(Page::title).toList()), out);
    for (int i = 0; i < pages.size(); i++) {
      Page page = pages.get(i);
      String id = "page-" + (i + 1);
      out.write("<article id=\"" + id + "\">\n<h1>" + escape(page.title()) + "</h1>\n");
      for (Section section : page.sections()) {
        section(section, id + "-", out);
      }
      out.write("</article>\n");
    }
    out.write("</body>\n</html>\n");
  }

  private static void head(String language, String title, Writer out) throws IOException {
    out.write("<!DOCTYPE html>\n<html lang=\"" + escape(language) + "\">\n<head>\n");
    out.write("<meta charset=\"utf-8\">\n<title>" + escape(title) + "</title>\n");
    out.write("</head>\n<body>\n");
  }

  private static void section(Section section, String idPrefix, Writer out) throws IOException {
    String tag = "h" + (section.level() + 1);
    out.write("<" + tag + " id=\"" + escape(idPrefix + section.id()) + "\">");
    out.write(escape(section.heading()) + "</" + tag + ">\n");
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
