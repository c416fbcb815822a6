package io.ftpseq.usage;

import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedError;
import picocli.CommandLine.TypeConversionException;

/**
 * An option's value that one of ftpseq's converters refuses, with why in ftpseq's own words:
 * picocli puts the English message after its own "Invalid value for option", which an English run
 * keeps, and {@link UsageErrors} says the phrase in the run's language.
 */
public final class RefusedValue extends TypeConversionException implements PhrasedError {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // a phrase holds strings, numbers and phrases only
  private final Phrase reason;

  /** The refusal, for the reason given. */
  public RefusedValue(Phrase reason) {
    super(reason.english());
    this.reason = reason;
  }

  /** Why the value is refused. */
  @Override
  public Phrase reason() {
    return reason;
  }
}
