package io.ftpseq.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A profile's JSON form: {@code name}, {@code title}, {@code description}, {@code greeting}, {@code
 * syst}, the optional {@code tilde} ({@link Tilde}: {@code literal}, {@code home}, {@code
 * home-and-users}, {@code home-in-cwd} or {@code home-anywhere}; absent when not known), {@code
 * reactions}, an object of {@code "KEY": {"code": 425, "text": "..."}} whose keys are {@link
 * SituationKey}s (a 1yz may be followed by {@code "final": {"code": 425, "text": "..."}}, the reply
 * that fails the transfer it started), and the optional {@code known}, an object of {@code
 * "scenario/step": "reason"}. Any other field, and any key that names no situation or verb, is an
 * error that names the file and line.
 */
final class ProfileJson {

  /**
   * jackson-core alone: a profile is read at the start of nearly every run, and databind's mapper
   * costs half a second of start-up to read a few hundred lines.
   */
  private static final JsonFactory FACTORY = new JsonFactory();

  private static final List<String> FIELDS =
      List.of("name", "title", "description", "greeting", "syst", "tilde", "reactions", "known");

  private ProfileJson() {}

  /**
   * The profile a file's JSON text describes.
   *
   * @throws IOException if it is not a profile: a {@link ProfileError}, one line that names the
   *     file and, when it is known, the line
   */
  static ServerProfile read(String file, String json) throws IOException {
    Parsed parsed = parse(file, json);
    if (!(parsed.root() instanceof Map<?, ?> root)) {
      throw new ProfileError(Phrase.of("profile.json.notObject", file + ":1"));
    }
    Map<String, Integer> lines = parsed.lines();
    for (Object name : root.keySet()) {
      if (!FIELDS.contains(name)) {
        throw new ProfileError(
            Phrase.of(
                "profile.json.unknownField",
                at(file, lines, (String) name),
                (String) name,
                FIELDS.toString()));
      }
    }
    if (!(root.get("reactions") instanceof Map<?, ?> reactions)) {
      throw new ProfileError(Phrase.of("profile.json.reactions", at(file, lines, "reactions")));
    }
    Map<SituationKey, Reaction> map = new TreeMap<>();
    for (Map.Entry<?, ?> entry : reactions.entrySet()) {
      String name = (String) entry.getKey();
      String where = at(file, lines, "reactions/" + name);
      SituationKey key = checked(where, () -> SituationKey.parse(name));
      map.put(key, reaction(where, name, entry.getValue()));
    }
    SortedMap<String, String> known = known(file, lines, root.get("known"));
    String name = text(file, lines, root, "name", true);
    checked(at(file, lines, "name"), () -> ServerProfile.checkName(name));
    String title = text(file, lines, root, "title", true);
    String description = text(file, lines, root, "description", true);
    String greeting = text(file, lines, root, "greeting", false);
    checked(at(file, lines, "greeting"), () -> ServerProfile.compile(greeting, "greeting"));
    String syst = text(file, lines, root, "syst", false);
    checked(at(file, lines, "syst"), () -> ServerProfile.compile(syst, "syst"));
    Tilde tilde = tilde(file, lines, root.get("tilde"));
    return checked(
        file,
        () ->
            new ServerProfile(
                name, title, description, greeting, syst, tilde, new TreeMap<>(map), known));
  }

  /**
   * What {@code make} makes, or, when it refuses a value, why with where it is ({@code FILE:LINE}).
   */
  private static <T> T checked(String where, Supplier<T> make) throws ProfileError {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new ProfileError(Phrase.of("profile.json.at", where, PhrasedError.reasonOf(e)), e);
    }
  }

  private static void checked(String where, Runnable check) throws ProfileError {
    checked(
        where,
        () -> {
          check.run();
          return null;
        });
  }

  /**
   * A JSON document as plain values (objects as maps in their order, arrays as lists, strings,
   * numbers, booleans, {@link #NULL}), and the line of every field name: {@code name} at the top
   * level, {@code parent/name} one level down, so messages can name the line.
   */
  private record Parsed(Object root, Map<String, Integer> lines) {}

  /** JSON's null, which a map cannot hold as a value. */
  private static final Object NULL = new Object();

  private static Parsed parse(String file, String json) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    // an editor's byte order mark is no part of the profile, and no column counts it
    String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
    try (JsonParser parser = FACTORY.createParser(text)) {
      try {
        JsonToken first = parser.nextToken();
        Object root = first == null ? null : value(parser, lines, "", 0);
        while (parser.nextToken() != null) {
          // whatever follows the profile must still be JSON
        }
        return new Parsed(root, lines);
      } catch (JsonProcessingException e) {
        // a limit (nesting, a number's length) is broken with no location: where the parser is
        JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        String plain = plain(e.getOriginalMessage());
        throw new ProfileError(
            Phrase.of(
                "profile.json.notJson",
                file + ":" + where.getLineNr() + ":" + where.getColumnNr(),
                // Jackson's words, as the JDK's are quoted elsewhere: no language of ours
                plain.isEmpty() ? Phrase.of("profile.json.syntaxError") : plain),
            e);
      }
    }
  }

  /**
   * Jackson's message in the words a profile's author knows: without the character codes and
   * settings it names, and with a place it points to ("start marker at ...") as a line and column;
   * empty when it says nothing.
   */
  static String plain(String message) {
    String plain = message == null ? "" : message;
    plain = CONTROL_CHARACTER.matcher(plain).replaceAll("(control character $1)");
    plain = CHARACTER_CODE.matcher(plain).replaceAll("");
    plain = SOURCE.matcher(plain).replaceAll("line $1, column $2");
    plain = SETTING.matcher(plain).replaceAll("");
    return plain.replace("\n", " ").strip();
  }

  /** {@code ((CTRL-CHAR, code 1))}. */
  private static final Pattern CONTROL_CHARACTER =
      Pattern.compile("\\(\\(CTRL-CHAR, code (\\d+)\\)\\)");

  /** {@code (code 44)}, {@code (code 65279 / 0xfeff)}. */
  private static final Pattern CHARACTER_CODE =
      Pattern.compile(" ?\\(code \\d+(?: / 0x[0-9a-fA-F]+)?\\)");

  /** {@code [Source: REDACTED (...); line: 1, column: 15]}. */
  private static final Pattern SOURCE =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

  /** {@code , from `StreamReadConstraints.getMaxNestingDepth()`}, and such settings named alone. */
  private static final Pattern SETTING = Pattern.compile(",? ?(?:from )?`[A-Za-z.]+(?:\\(\\))?`");

  /** The value at the parser's current token, which it reads to its end. */
  private static Object value(JsonParser parser, Map<String, Integer> lines, String path, int depth)
      throws IOException {
    switch (parser.currentToken()) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          String field = depth == 0 ? name : path + "/" + name;
          if (depth < 2) {
            lines.putIfAbsent(field, parser.currentTokenLocation().getLineNr());
          }
          parser.nextToken();
          object.put(name, value(parser, lines, field, depth + 1));
        }
        return object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser, lines, path, depth + 1));
        }
        return array;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT -> {
        return parser.getNumberType() == JsonParser.NumberType.INT
            ? Integer.valueOf(parser.getIntValue())
            : parser.getNumberValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return parser.getNumberValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return parser.getBooleanValue();
      }
      default -> {
        return NULL;
      }
    }
  }

  /** How the server reads ~: not known when the field is absent. */
  private static Tilde tilde(String file, Map<String, Integer> lines, Object node)
      throws IOException {
    if (node == null) {
      return Tilde.UNKNOWN;
    }
    return Tilde.ofJson(node instanceof String name ? name : "")
        .orElseThrow(
            () ->
                new ProfileError(
                    Phrase.of(
                        "profile.json.tilde",
                        at(file, lines, "tilde"),
                        Tilde.names(),
                        shown(node))));
  }

  /** A value as a message quotes it: its text, or the JSON kind of a container. */
  private static Object shown(Object node) {
    if (node instanceof Map<?, ?>) {
      return Phrase.of("profile.json.anObject");
    }
    if (node instanceof List<?>) {
      return Phrase.of("profile.json.anArray");
    }
    return node == NULL ? "null" : node.toString();
  }

  private static SortedMap<String, String> known(
      String file, Map<String, Integer> lines, Object node) throws IOException {
    SortedMap<String, String> known = new TreeMap<>();
    if (node == null) {
      return known;
    }
    if (!(node instanceof Map<?, ?> entries)) {
      throw new ProfileError(Phrase.of("profile.json.known", at(file, lines, "known")));
    }
    for (Map.Entry<?, ?> entry : entries.entrySet()) {
      String step = (String) entry.getKey();
      String where = at(file, lines, "known/" + step);
      if (!(entry.getValue() instanceof String reason)) {
        throw new ProfileError(Phrase.of("profile.json.knownReason", where, step));
      }
      checked(where, () -> ServerProfile.checkKnown(step, reason));
      known.put(step, reason);
    }
    return known;
  }

  /** {@code file:line} of a field, or the file alone when the field is not there. */
  private static String at(String file, Map<String, Integer> lines, String field) {
    Integer line = lines.get(field);
    return line == null ? file : file + ":" + line;
  }

  private static String text(
      String file, Map<String, Integer> lines, Map<?, ?> root, String field, boolean required)
      throws IOException {
    Object node = root.get(field);
    if (node == null && !required) {
      return "";
    }
    if (!(node instanceof String text)) {
      throw new ProfileError(Phrase.of("profile.json.notString", at(file, lines, field), field));
    }
    return text;
  }

  private static Reaction reaction(String where, String key, Object node) throws IOException {
    if (!isReply(node)
        || !(((Map<?, ?>) node).get("final") == null || isReply(((Map<?, ?>) node).get("final")))) {
      throw new ProfileError(
          Phrase.of("profile.json.reaction", where, key, Phrase.of("profile.json.reactionForm")));
    }
    Map<?, ?> object = (Map<?, ?>) node;
    Map<?, ?> last = (Map<?, ?>) object.get("final");
    try {
      return new Reaction(
          (Integer) object.get("code"),
          textOf(object),
          last == null ? 0 : (Integer) last.get("code"),
          last == null ? "" : textOf(last));
    } catch (IllegalArgumentException e) {
      throw new ProfileError(
          Phrase.of("profile.json.reactionInvalid", where, key, PhrasedError.reasonOf(e)), e);
    }
  }

  /** A reply's JSON form: {@code {"code": 425, "text": "..."}}, the text optional. */
  private static boolean isReply(Object node) {
    return node instanceof Map<?, ?> object
        && object.get("code") instanceof Integer
        && (!object.containsKey("text") || object.get("text") instanceof String);
  }

  private static String textOf(Map<?, ?> reply) {
    return reply.containsKey("text") ? (String) reply.get("text") : "";
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
          .append(quote(reaction.text()));
      if (reaction.failsAfterStart()) {
        out.append(", \"final\": { \"code\": ")
            .append(reaction.finalCode())
            .append(", \"text\": ")
            .append(quote(reaction.finalText()))
            .append(" }");
      }
      out.append(" }");
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
    return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
  }
}
