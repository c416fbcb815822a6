package io.ftpseq.transcript;

import java.util.List;

/**
 * One kind of transcript: how to recognise it from its first lines and how to read it.
 *
 * <p>To add a format, implement this interface in a class named after the program whose output it
 * reads, list it in {@link TranscriptFormats}, and add its samples and golden reports.
 */
public interface TranscriptFormat {

  /** The name given to {@code --format} and shown in reports. */
  String name();

  /**
   * How sure this format is that the input is its own, from its first non-blank lines: 0 for "not
   * mine", up to 100 for a decisive signature. The highest score wins.
   */
  int recognise(List<String> head);

  /** A parser for one input, sending what it reads to the sink. */
  TranscriptParser parser(String source, TranscriptSink sink);
}
