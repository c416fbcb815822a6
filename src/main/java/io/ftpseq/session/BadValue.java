package io.ftpseq.session;

/**
 * A value a user gave that is not valid (an option's value, such as a port range or an address),
 * with why in ftpseq's own words, so that the command line says it in the run's language; the
 * message is the English. {@code new BadValue(Phrase.of("value.portRange.form", "80:90"))}.
 */
public final class BadValue extends IllegalArgumentException implements PhrasedError {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // a phrase holds strings, numbers and phrases only
  private final Phrase reason;

  /** The error of a value, said by {@code reason}. */
  public BadValue(Phrase reason) {
    super(reason.english());
    this.reason = reason;
  }

  /** Why the value is not valid. */
  @Override
  public Phrase reason() {
    return reason;
  }
}
