package io.ftpseq.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts a JSON report writes for finding after finding, a rule's explanation and fix, a reply
 * class and meaning, kept as the JSON they are written as: escaped once, not a character at a time
 * for every finding, which was a tenth of the CPU of a check of a log with a finding in every
 * session. The JSON is what {@link Json#MAPPER} writes for the text, so the report is the same; it
 * is kept as characters and as UTF-8 bytes, for a report written as either.
 */
final class RepeatedTexts {

  /** More texts than the bundles hold, so that odd input cannot grow this without bound. */
  private static final int MOST = 4096;

  private final Map<String, SerializableString> written = new ConcurrentHashMap<>();

  /** Writes the field with the text, one of the report's own, as its value. */
  void field(JsonGenerator json, SerializableString name, String text) throws IOException {
    json.writeFieldName(name);
    if (text == null) {
      json.writeNull();
      return;
    }
    SerializableString value = written.get(text);
    if (value == null) {
      value = new SerializedString(Json.MAPPER.writeValueAsString(text));
      if (written.size() < MOST) {
        written.put(text, value);
      }
    }
    json.writeRawValue(value);
  }
}
