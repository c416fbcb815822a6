package io.ftpseq.transcript;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;

/**
 * Why a line of a reader's own format could not be read: it has the format's shape, so it is no
 * stray line, but it records a kind the format does not write, is cut short, or lacks a part the
 * reader needs. {@link TranscriptSink#unreadableLine} reports it.
 *
 * @param why the reason, in ftpseq's words
 */
public record LineFault(Phrase why) {

  /** The line records something the format does not write, such as {@code FTP comand}. */
  static LineFault unknownKind(String kind) {
    return new LineFault(Phrase.of("line.fault.unknownKind", Problem.quote(kind)));
  }

  /** The line stops before its end, as a line cut by a full disk or a rotated file does. */
  static LineFault cutShort() {
    return new LineFault(Phrase.of("line.fault.cutShort"));
  }

  /** The line lacks a part the reader needs, named as the format names it. */
  static LineFault missing(String part) {
    return new LineFault(Phrase.of("line.fault.missing", part));
  }

  /**
   * The line, of a log that writes commands, replies and the server's status messages alike, is
   * none of them: no verb starts it, no reply code, and it is no status message the server writes.
   */
  static LineFault noDialogueNorStatus() {
    return new LineFault(Phrase.of("line.fault.noDialogueNorStatus"));
  }
}
