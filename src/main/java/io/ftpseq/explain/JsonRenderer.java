package io.ftpseq.explain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ftpseq.explain.Page.Section;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a page as one JSON object: {@code kind}, {@code subject}, {@code language}, {@code title},
 * the language-neutral {@code facts}, and the translated {@code sections}. Several pages are a JSON
 * array of such objects.
 */
final class JsonRenderer implements PageFormat.Renderer {

  /**
   * Made at the first page written as JSON, not when the formats are listed: making a mapper costs
   * half a second of start-up, which every command paid.
   */
  private static final class Json {
    static final ObjectMapper MAPPER =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  @Override
  public void render(Page page, Writer out) throws IOException {
    Json.MAPPER.writeValue(out, object(page));
    out.write("\n");
  }

  @Override
  public void render(List<Page> pages, Writer out) throws IOException {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (Page page : pages) {
      array.add(object(page));
    }
    Json.MAPPER.writeValue(out, array);
    out.write("\n");
  }

  private static ObjectNode object(Page page) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("kind", page.kind());
    root.put("subject", page.subject());
    root.put("language", page.language());
    root.put("title", page.title());
    root.set("facts", Json.MAPPER.valueToTree(page.facts()));
    ArrayNode sections = root.putArray("sections");
    for (Section section : page.sections()) {
      ObjectNode node = sections.addObject();
      node.put("id", section.id());
      node.put("heading", section.heading());
      node.put("level", section.level());
      section.paragraphs().forEach(node.putArray("paragraphs")::add);
      section.items().forEach(node.putArray("items")::add);
      node.put("numbered", section.numbered());
    }
    return root;
  }
}
