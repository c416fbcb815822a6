package io.ftpseq.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A profile's JSON form: {@code name}, {@code title}, {@code description}, {@code greeting}, {@code
 * syst}, {@code reactions}, an object of {@code "KEY": {"code": 425, "text": "..."}}, and the
 * optional {@code known}, an object of {@code "scenario/step": "reason"}.
 */
final class ProfileJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> FIELDS =
      List.of("name", "title", "description", "greeting", "syst", "reactions", "known");

  private ProfileJson() {}

  static ServerProfile read(String file, String json) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IOException(
          file + ":" + e.getLocation().getLineNr() + ": not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IOException(file + ": a profile is a JSON object");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new IOException(file + ": unknown field '" + name + "'; fields: " + FIELDS);
      }
    }
    JsonNode reactions = root.path("reactions");
    if (!reactions.isObject()) {
      throw new IOException(file + ": 'reactions' must be an object of situation keys");
    }
    Map<String, Reaction> map = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : reactions.properties()) {
      map.put(entry.getKey(), reaction(file, entry.getKey(), entry.getValue()));
    }
    JsonNode knownNode = root.path("known");
    Map<String, String> known = new TreeMap<>();
    if (!knownNode.isMissingNode()) {
      if (!knownNode.isObject()) {
        throw new IOException(
            file + ": 'known' must be an object of \"scenario/step\": \"reason\"");
      }
      for (Map.Entry<String, JsonNode> entry : knownNode.properties()) {
        if (!entry.getValue().isTextual()) {
          throw new IOException(file + ": known " + entry.getKey() + " must give a reason as text");
        }
        known.put(entry.getKey(), entry.getValue().asText());
      }
    }
    try {
      return new ServerProfile(
          text(file, root, "name", true),
          text(file, root, "title", true),
          text(file, root, "description", true),
          text(file, root, "greeting", false),
          text(file, root, "syst", false),
          new TreeMap<>(map),
          new TreeMap<>(known));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static String text(String file, JsonNode root, String field, boolean required)
      throws IOException {
    JsonNode node = root.get(field);
    if (node == null && !required) {
      return "";
    }
    if (node == null || !node.isTextual()) {
      throw new IOException(file + ": '" + field + "' must be a string");
    }
    return node.asText();
  }

  private static Reaction reaction(String file, String key, JsonNode node) throws IOException {
    JsonNode code = node.get("code");
    JsonNode text = node.get("text");
    if (!node.isObject() || code == null || !code.isInt() || (text != null && !text.isTextual())) {
      throw new IOException(
          file + ": reaction " + key + " must be {\"code\": <number>, \"text\": \"...\"}");
    }
    try {
      return new Reaction(code.asInt(), text == null ? "" : text.asText());
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": reaction " + key + ": " + e.getMessage(), e);
    }
  }

  static String write(ServerProfile profile) {
    StringBuilder out = new StringBuilder("{\n");
    field(out, "name", profile.name());
    field(out, "title", profile.title());
    field(out, "description", profile.description());
    field(out, "greeting", profile.greeting());
    field(out, "syst", profile.syst());
    out.append("  \"reactions\": {");
    String separator = "\n";
    for (Map.Entry<String, Reaction> entry : profile.reactions().entrySet()) {
      Reaction reaction = entry.getValue();
      out.append(separator)
          .append("    ")
          .append(quote(entry.getKey()))
          .append(": { \"code\": ")
          .append(reaction.code())
          .append(", \"text\": ")
          .append(quote(reaction.text()))
          .append(" }");
      separator = ",\n";
    }
    out.append(profile.reactions().isEmpty() ? "}" : "\n  }");
    if (!profile.known().isEmpty()) {
      out.append(",\n  \"known\": {");
      separator = "\n";
      for (Map.Entry<String, String> entry : profile.known().entrySet()) {
        out.append(separator)
            .append("    ")
            .append(quote(entry.getKey()))
            .append(": ")
            .append(quote(entry.getValue()));
        separator = ",\n";
      }
      out.append("\n  }");
    }
    out.append("\n}\n");
    return out.toString();
  }

  private static void field(StringBuilder out, String name, String value) {
    out.append("  ").append(quote(name)).append(": ").append(quote(value)).append(",\n");
  }

  private static String quote(String text) {
    try {
      return MAPPER.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string always serialises", e);
    }
  }
}
