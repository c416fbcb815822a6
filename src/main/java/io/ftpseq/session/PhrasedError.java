package io.ftpseq.session;

import java.util.Optional;

/**
 * An exception that says what went wrong in ftpseq's own words, as a {@link Phrase}, so that the
 * command line and reports say it in the run's language; its message is the phrase's English, for
 * logs and for callers that know no language. Exceptions of different kinds carry one ({@link
 * BadValue} is an {@link IllegalArgumentException}, a probe's failure an {@link
 * java.io.IOException}); code that says an error asks {@link #phraseOf} rather than testing each
 * kind in turn.
 */
public interface PhrasedError {

  /** What went wrong, in ftpseq's own words. */
  Phrase reason();

  /** The phrase an error carries, when it is one of ftpseq's own; empty for {@code null}. */
  static Optional<Phrase> phraseOf(Throwable error) {
    return error instanceof PhrasedError phrased ? Optional.of(phrased.reason()) : Optional.empty();
  }

  /**
   * What went wrong as an argument of another phrase: the error's phrase, said in the same language
   * as the rest, else its message as the JDK or a library wrote it (which no language changes).
   */
  static Object reasonOf(Throwable error) {
    return phraseOf(error).<Object>map(p -> p).orElseGet(() -> String.valueOf(error.getMessage()));
  }
}
