package io.ftpseq.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A profile's JSON form: {@code name}, {@code title}, {@code description}, {@code greeting}, {@code
 * syst}, the optional {@code tilde} ({@link Tilde}: {@code literal}, {@code home}, {@code
 * home-in-cwd} or {@code home-anywhere}; absent when not known), {@code reactions}, an object of
 * {@code "KEY": {"code": 425, "text": "..."}} whose keys are {@link SituationKey}s, and the
 * optional {@code known}, an object of {@code "scenario/step": "reason"}. Any other field, and any
 * key that names no situation or verb, is an error that names the file and line.
 */
final class ProfileJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> FIELDS =
      List.of("name", "title", "description", "greeting", "syst", "tilde", "reactions", "known");

  private ProfileJson() {}

  static ServerProfile read(String file, String json) throws IOException {
    JsonNode root;
    try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
      root = MAPPER.readTree(parser);
    } catch (JsonProcessingException e) {
      throw new IOException(
          file + ":" + e.getLocation().getLineNr() + ": not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IOException(file + ":1: a profile is a JSON object");
    }
    Map<String, Integer> lines = fieldLines(file, json);
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new IOException(
            at(file, lines, name) + ": unknown field '" + name + "'; fields: " + FIELDS);
      }
    }
    JsonNode reactions = root.path("reactions");
    if (!reactions.isObject()) {
      throw new IOException(
          at(file, lines, "reactions") + ": 'reactions' must be an object of situation keys");
    }
    Map<SituationKey, Reaction> map = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : reactions.properties()) {
      String where = at(file, lines, "reactions/" + entry.getKey());
      SituationKey key;
      try {
        key = SituationKey.parse(entry.getKey());
      } catch (IllegalArgumentException e) {
        throw new IOException(where + ": " + e.getMessage(), e);
      }
      map.put(key, reaction(where, entry.getKey(), entry.getValue()));
    }
    SortedMap<String, String> known = known(file, lines, root.path("known"));
    try {
      return new ServerProfile(
          text(file, lines, root, "name", true),
          text(file, lines, root, "title", true),
          text(file, lines, root, "description", true),
          text(file, lines, root, "greeting", false),
          text(file, lines, root, "syst", false),
          tilde(file, lines, root.get("tilde")),
          new TreeMap<>(map),
          known);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** How the server reads ~: not known when the field is absent. */
  private static Tilde tilde(String file, Map<String, Integer> lines, JsonNode node)
      throws IOException {
    if (node == null) {
      return Tilde.UNKNOWN;
    }
    return Tilde.ofJson(node.isTextual() ? node.asText() : "")
        .orElseThrow(
            () ->
                new IOException(
                    at(file, lines, "tilde")
                        + ": 'tilde' is one of "
                        + Tilde.names()
                        + ", not '"
                        + (node.isTextual() ? node.asText() : node.toString())
                        + "'"));
  }

  private static SortedMap<String, String> known(
      String file, Map<String, Integer> lines, JsonNode node) throws IOException {
    SortedMap<String, String> known = new TreeMap<>();
    if (node.isMissingNode()) {
      return known;
    }
    if (!node.isObject()) {
      throw new IOException(
          at(file, lines, "known")
              + ": 'known' must be an object of \"scenario/step\": \"reason\"");
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!entry.getValue().isTextual()) {
        throw new IOException(
            at(file, lines, "known/" + entry.getKey())
                + ": known "
                + entry.getKey()
                + " must give a reason as text");
      }
      known.put(entry.getKey(), entry.getValue().asText());
    }
    return known;
  }

  /**
   * The line of every field name, as {@code name} at the top level and {@code parent/name} one
   * level down, read with a streaming parser so messages can name the line.
   */
  private static Map<String, Integer> fieldLines(String file, String json) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
      String parent = null;
      int depth = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case START_OBJECT, START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> depth--;
          case FIELD_NAME -> {
            int line = parser.currentTokenLocation().getLineNr();
            if (depth == 1) {
              parent = parser.currentName();
              lines.putIfAbsent(parent, line);
            } else if (depth == 2) {
              lines.putIfAbsent(parent + "/" + parser.currentName(), line);
            }
          }
          default -> {
            // values carry no names
          }
        }
      }
    } catch (JsonProcessingException e) {
      throw new IOException(
          file + ":" + e.getLocation().getLineNr() + ": not JSON: " + e.getOriginalMessage(), e);
    }
    return lines;
  }

  /** {@code file:line} of a field, or the file alone when the field is not there. */
  private static String at(String file, Map<String, Integer> lines, String field) {
    Integer line = lines.get(field);
    return line == null ? file : file + ":" + line;
  }

  private static String text(
      String file, Map<String, Integer> lines, JsonNode root, String field, boolean required)
      throws IOException {
    JsonNode node = root.get(field);
    if (node == null && !required) {
      return "";
    }
    if (node == null || !node.isTextual()) {
      throw new IOException(at(file, lines, field) + ": '" + field + "' must be a string");
    }
    return node.asText();
  }

  private static Reaction reaction(String where, String key, JsonNode node) throws IOException {
    JsonNode code = node.get("code");
    JsonNode text = node.get("text");
    if (!node.isObject() || code == null || !code.isInt() || (text != null && !text.isTextual())) {
      throw new IOException(
          where + ": reaction " + key + " must be {\"code\": <number>, \"text\": \"...\"}");
    }
    try {
      return new Reaction(code.asInt(), text == null ? "" : text.asText());
    } catch (IllegalArgumentException e) {
      throw new IOException(where + ": reaction " + key + ": " + e.getMessage(), e);
    }
  }

  static String write(ServerProfile profile) {
    StringBuilder out = new StringBuilder("{\n");
    field(out, "name", profile.name());
    field(out, "title", profile.title());
    field(out, "description", profile.description());
    field(out, "greeting", profile.greeting());
    field(out, "syst", profile.syst());
    if (profile.tilde() != Tilde.UNKNOWN) {
      field(out, "tilde", profile.tilde().json());
    }
    out.append("  \"reactions\": {");
    String separator = "\n";
    for (Map.Entry<SituationKey, Reaction> entry : profile.reactions().entrySet()) {
      Reaction reaction = entry.getValue();
      out.append(separator)
          .append("    ")
          .append(quote(entry.getKey().toString()))
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
