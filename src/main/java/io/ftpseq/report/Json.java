package io.ftpseq.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ftpseq.session.Source;
import java.io.IOException;
import java.util.Locale;

/**
 * The one JSON writer setup shared by the JSON and SARIF reports: indented, never closing the
 * output, not flushing it after each value (a report writes one tree per session; the output is
 * flushed once, when the report is done), and writing every character {@link UnsafeCharacters}
 * finds unsafe as a JSON escape, so that a report shown as it is (in a terminal, a diff, a code
 * review) holds no raw control or bidirectional character, while its values stay what the input
 * held.
 */
final class Json {

  static final ObjectMapper MAPPER = mapper();

  // the names of a position's fields, kept as the JSON they are written as
  private static final SerializableString LINE = new SerializedString("line");
  private static final SerializableString PACKET = new SerializedString("packet");
  private static final SerializableString TIME = new SerializedString("time");

  private Json() {}

  private static ObjectMapper mapper() {
    ObjectMapper mapper =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    mapper.getFactory().setCharacterEscapes(new UnsafeEscapes());
    return mapper;
  }

  /**
   * JSON escapes for the unsafe characters: JSON's own below U+0020, DEL, and every other unsafe
   * character of the basic plane. Jackson asks about one UTF-16 unit at a time, so both halves of
   * every surrogate pair are escaped: the value is the same, and a tag character (U+E0000 to
   * U+E007F), which is unsafe, cannot pass as raw text.
   */
  private static final class UnsafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;

    private final int[] ascii = standardAsciiEscapesForJSON();

    UnsafeEscapes() {
      ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return UnsafeCharacters.isUnsafe(ch) // so is every surrogate alone
          ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch))
          : null;
    }
  }

  /**
   * Puts where a source is: {@code "line": N} for a text, {@code "packet": N} for a capture, and
   * {@code "time"} when the input gives one.
   */
  static ObjectNode position(ObjectNode node, Source source) {
    node.put(source.unit() == Source.Unit.PACKET ? "packet" : "line", source.line());
    if (source.hasTime()) {
      node.put("time", source.time());
    }
    return node;
  }

  /** The same as {@link #position(ObjectNode, Source)}, written straight to a generator. */
  static void position(JsonGenerator json, Source source) throws IOException {
    json.writeFieldName(source.unit() == Source.Unit.PACKET ? PACKET : LINE);
    json.writeNumber(source.line());
    if (source.hasTime()) {
      json.writeFieldName(TIME);
      json.writeString(source.time());
    }
  }
}
