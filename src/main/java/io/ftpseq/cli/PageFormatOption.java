package io.ftpseq.cli;

import io.ftpseq.explain.PageFormat;
import picocli.CommandLine.Option;

/** The {@code --format} option of the commands that print explanation pages. */
final class PageFormatOption {

  /** Page formats, as users type them. */
  enum Format {
    text(PageFormat.TEXT),
    markdown(PageFormat.MARKDOWN),
    html(PageFormat.HTML),
    json(PageFormat.JSON);

    private final PageFormat format;

    Format(PageFormat format) {
      this.format = format;
    }
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  /** The chosen format. */
  PageFormat pageFormat() {
    return format.format;
  }
}
