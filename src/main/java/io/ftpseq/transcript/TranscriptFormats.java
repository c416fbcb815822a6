package io.ftpseq.transcript;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every transcript format ftpseq reads, and detection of the format of an input. */
public final class TranscriptFormats {

  /** The formats, in the order they are tried when scores tie. */
  public static final List<TranscriptFormat> ALL =
      List.of(
          new DialogueTranscript(),
          new CommonsNetListenerLog(),
          new CurlVerbose(),
          new FtplibDebug(),
          new LftpDebug(),
          new BsdFtpDebug(),
          new FileZillaLog(),
          new WinScpLog(),
          new FluentFtpLog(),
          new VsftpdLog(),
          new ZeekFtpLog(),
          new PureFtpdLog(),
          new ProftpdLog(),
          new PyftpdlibLog(),
          new ApacheFtpServerLog(),
          new FileZillaServerLog(),
          new IisFtpLog(),
          new SuricataEve());

  /** The binary formats, recognised by their first bytes before any line is read. */
  public static final List<CaptureFormat> CAPTURES = List.of(new PacketCaptureFormat());

  /** How many non-blank lines detection looks at. */
  static final int HEAD_LINES = 40;

  /**
   * How many lines, blank ones included, detection looks through for its {@link #HEAD_LINES}: the
   * head is held in memory until the format is known, and an input of nothing but blank lines must
   * not fill it.
   */
  static final int MOST_HEAD_LINES = 10_000;

  private TranscriptFormats() {}

  /** The format with the given name, if there is one. */
  public static Optional<TranscriptFormat> named(String name) {
    return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The names of all formats, for help texts and error messages. */
  public static List<String> names() {
    return java.util.stream.Stream.concat(
            ALL.stream().map(TranscriptFormat::name), CAPTURES.stream().map(CaptureFormat::name))
        .toList();
  }

  /** The capture format with the given name, if there is one. */
  public static Optional<CaptureFormat> capture(String name) {
    return CAPTURES.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The capture format whose signature starts these bytes, if any. */
  public static Optional<CaptureFormat> detectCapture(byte[] head) {
    return CAPTURES.stream().filter(f -> f.recognise(head)).findFirst();
  }

  /** The format that recognises these first lines best, if any recognises them at all. */
  public static Optional<TranscriptFormat> detect(List<String> head) {
    return ALL.stream()
        .filter(f -> f.recognise(head) > 0)
        .max(Comparator.comparingInt((TranscriptFormat f) -> f.recognise(head)));
  }
}
