package io.ftpseq.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ftpseq.session.Source;
import java.io.IOException;

/**
 * The one JSON writer setup shared by the JSON and SARIF reports: indented, never closing the
 * output, and not flushing it after each value (a report writes one tree per session; the output is
 * flushed once, when the report is done).
 */
final class Json {

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private Json() {}

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
    json.writeNumberField(source.unit() == Source.Unit.PACKET ? "packet" : "line", source.line());
    if (source.hasTime()) {
      json.writeStringField("time", source.time());
    }
  }
}
