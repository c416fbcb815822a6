package io.ftpseq.usage;

import io.ftpseq.session.Phrase;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads an option that is a count or a size, a whole number within bounds, refusing any other value
 * as it is read, in the run's language: {@code proxy --sessions 0} was taken for "no limit" and
 * {@code --max-sessions 0} was refused only once the rest of the command line was right. Each
 * option names its bounds in a subclass, {@link Count} for most.
 */
public abstract class WholeNumberOption implements ITypeConverter<Integer> {

  private static final Pattern DIGITS = Pattern.compile("\\+?\\d{1,10}");

  private final int least;
  private final int most;

  /**
   * The reader of numbers from {@code least} to {@code most}, both taken.
   *
   * @throws IllegalArgumentException if {@code least} is above {@code most}
   */
  protected WholeNumberOption(int least, int most) {
    if (least > most) {
      throw new IllegalArgumentException("least " + least + " is above most " + most);
    }
    this.least = least;
    this.most = most;
  }

  @Override
  public Integer convert(String value) {
    String digits = value.strip();
    if (DIGITS.matcher(digits).matches()) {
      long number = Long.parseLong(digits);
      if (number >= least && number <= most) {
        return (int) number;
      }
    }
    throw new RefusedValue(
        most == Integer.MAX_VALUE
            ? Phrase.of("usage.number.atLeast", least, value)
            : Phrase.of("usage.number.between", least, most, value));
  }

  /** A count of things: 1 or more. */
  public static final class Count extends WholeNumberOption {
    /** The reader of counts. */
    public Count() {
      super(1, Integer.MAX_VALUE);
    }
  }
}
