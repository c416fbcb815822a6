package io.ftpseq.transcript;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every transcript format ftpseq reads, and detection of the format of an input. */
public final class TranscriptFormats {

  /** The formats, in the order they are tried when scores tie. */
  public static final List<TranscriptFormat> ALL =
      List.of(new DialogueTranscript(), new CommonsNetListenerLog());

  /** How many non-blank lines detection looks at. */
  static final int HEAD_LINES = 40;

  private TranscriptFormats() {}

  /** The format with the given name, if there is one. */
  public static Optional<TranscriptFormat> named(String name) {
    return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The names of all formats, for help texts and error messages. */
  public static List<String> names() {
    return ALL.stream().map(TranscriptFormat::name).toList();
  }

  /** The format that recognises these first lines best, if any recognises them at all. */
  public static Optional<TranscriptFormat> detect(List<String> head) {
    return ALL.stream()
        .filter(f -> f.recognise(head) > 0)
        .max(Comparator.comparingInt((TranscriptFormat f) -> f.recognise(head)));
  }
}
