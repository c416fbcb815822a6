package io.ftpseq.spark;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedError;
import java.io.IOException;

/**
 * The job's {@code --output} cannot be written: an existing file, a path under a file, a directory
 * that cannot be made or written. {@code spark-check} exits with 2, as {@code ftpseq check} does
 * for a report that cannot be written, with one line naming the path and why in the run's language.
 */
final class OutputNotWritable extends IOException implements PhrasedError {

  private static final long serialVersionUID = 1L;

  private final Phrase reason;

  /** The output directory as the user named it, and why it cannot be written. */
  OutputNotWritable(String output, Phrase why, Throwable cause) {
    super(Phrase.of("spark.cannotWriteOutput", output, why).english(), cause);
    this.reason = Phrase.of("spark.cannotWriteOutput", output, why);
  }

  @Override
  public Phrase reason() {
    return reason;
  }
}
