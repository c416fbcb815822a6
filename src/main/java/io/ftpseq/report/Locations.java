package io.ftpseq.report;

import io.ftpseq.explain.Explainer;
import io.ftpseq.session.Source;

/**
 * Where findings point in reports that only know lines (SARIF regions, GitHub annotations). A line
 * of a text is a line; a packet of a capture is not, so such a report points at the capture file as
 * a whole and its message starts with the packet, for example {@code packet 12: ...}.
 */
final class Locations {

  private Locations() {}

  /** The line to point at, or 0 for the file as a whole. */
  static long line(Source source) {
    return source.unit() == Source.Unit.LINE ? source.line() : 0;
  }

  /** The message, led by the packet number when the source is a packet. */
  static String text(Explainer explainer, Source source, String message) {
    if (source.unit() != Source.Unit.PACKET || source.line() == 0) {
      return message;
    }
    return explainer.position(source) + ": " + message;
  }
}
