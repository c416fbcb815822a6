package io.ftpseq.session;

import java.text.ChoiceFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Words of ftpseq's own, not yet in a language: a key of the {@code Messages} bundles and the
 * arguments of its pattern, so that a report says them in its language. {@code
 * Phrase.of("problem.lftp", Problem.quote("hello"))} reads {@code not an lftp debug line: "hello"}
 * in English and says the same in French or Japanese. An argument is a string (input, quoted or
 * not, which no language changes), a number (grouped as the language groups numbers: 11,400 or 11
 * 400) or another phrase (said in the same language).
 *
 * @param key the message key, for example {@code problem.lftp}
 * @param args the pattern's arguments: strings, numbers or phrases
 */
public record Phrase(String key, List<Object> args) {

  /** The English bundle, which every other language has all the keys of. */
  private static final String BUNDLE = "io.ftpseq.explain.Messages";

  /** Validates the parts. */
  public Phrase {
    Objects.requireNonNull(key, "key");
    args = List.copyOf(args);
    for (Object arg : args) {
      if (!(arg instanceof String || arg instanceof Number || arg instanceof Phrase)) {
        throw new IllegalArgumentException(
            "a phrase argument is a string, a number or a phrase, not " + arg.getClass());
      }
    }
  }

  /** The phrase of the key with the arguments. */
  public static Phrase of(String key, Object... args) {
    return new Phrase(key, List.of(args));
  }

  /** The phrase in English, as a report without a language says it. */
  public String english() {
    return in(English.BUNDLE, Locale.ROOT);
  }

  /**
   * The phrase in a language: its pattern from the bundle, formatted as {@code MessageFormat}
   * formats it in the locale; a pattern without arguments is taken as it is written.
   */
  public String in(ResourceBundle bundle, Locale locale) {
    if (args.isEmpty()) {
      return bundle.getString(key);
    }
    MessageFormat pattern = Patterns.of(bundle, locale, key);
    // a number a choice picks the words for ("{2,choice,1#the line|1<the {2} lines}") stays a
    // number
    Format[] formats = pattern.getFormatsByArgumentIndex();
    Object[] said = new Object[args.size()];
    for (int i = 0; i < said.length; i++) {
      Object arg = args.get(i);
      boolean chosen = i < formats.length && formats[i] instanceof ChoiceFormat;
      said[i] =
          arg instanceof Phrase phrase
              ? phrase.in(bundle, locale)
              : arg instanceof Number number && !chosen ? Patterns.number(number, locale) : arg;
    }
    return pattern.format(said);
  }

  /**
   * The phrase with {@code mask} applied to each string among its arguments (those of the phrases
   * in it too); this phrase itself when that changes nothing.
   */
  public Phrase masked(UnaryOperator<String> mask) {
    List<Object> masked = new ArrayList<>(args.size());
    boolean changed = false;
    for (Object arg : args) {
      Object after =
          arg instanceof String text
              ? mask.apply(text)
              : arg instanceof Phrase phrase ? phrase.masked(mask) : arg;
      changed |= !after.equals(arg);
      masked.add(after);
    }
    return changed ? new Phrase(key, masked) : this;
  }

  /** The English bundle, looked up once. */
  private static final class English {
    static final ResourceBundle BUNDLE =
        ResourceBundle.getBundle(
            Phrase.BUNDLE,
            Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
  }

  /**
   * Patterns parsed once per bundle and key, and number formats made once per locale: a phrase said
   * for every session of a big input (a note on each of 200,000 sessions closed early) would
   * otherwise parse its pattern and build a number format each time, which costs far more than the
   * formatting. Each use takes a copy, as neither format may be shared between threads.
   */
  private static final class Patterns {
    private static final Map<Key, MessageFormat> PARSED = new ConcurrentHashMap<>();
    private static final Map<Locale, NumberFormat> NUMBERS = new ConcurrentHashMap<>();

    private record Key(ResourceBundle bundle, Locale locale, String key) {}

    static MessageFormat of(ResourceBundle bundle, Locale locale, String key) {
      return (MessageFormat)
          PARSED
              .computeIfAbsent(
                  new Key(bundle, locale, key),
                  k -> new MessageFormat(bundle.getString(key), locale))
              .clone();
    }

    /** The number as {@code MessageFormat} says an argument without a format: 11,400 or 11 400. */
    static String number(Number number, Locale locale) {
      NumberFormat format = NUMBERS.computeIfAbsent(locale, NumberFormat::getInstance);
      return ((NumberFormat) format.clone()).format(number);
    }
  }
}
