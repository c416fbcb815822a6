package io.ftpseq.usage;

import io.ftpseq.explain.Explainer;
import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;

/**
 * The languages ftpseq speaks, as {@code --lang} names them: {@code ftpseq --lang fr check} and
 * {@code spark-check --lang fr} read the same values.
 */
public enum Language {
  en,
  fr,
  ja;

  /** The explainer that says ftpseq's words in this language. */
  public Explainer explainer() {
    return Explainer.forLocale(this == en ? Locale.ROOT : Locale.forLanguageTag(name()));
  }

  /**
   * Sets the help of every command of {@code cli} in this language, from the bundle {@code
   * baseName} of it; English needs no bundle, as it is what the annotations say. The bundles are
   * keyed as picocli looks them up: the option's name without dashes ({@code lang}), qualified by
   * the command where commands differ ({@code ftpseq.check.format}).
   */
  public void applyHelp(CommandLine cli, String baseName) {
    if (this != en) {
      cli.setResourceBundle(help(baseName));
    }
  }

  /** The help bundle {@code baseName} of this language, with no fallback to another language. */
  public ResourceBundle help(String baseName) {
    return ResourceBundle.getBundle(
        baseName,
        Locale.forLanguageTag(name()),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /**
   * The language the arguments ask for with {@code --lang LANG} or {@code --lang=LANG}, wherever it
   * stands before {@code --}, else the system's: a usage error and the help are said before the
   * arguments are read into options.
   */
  public static Language fromArguments(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--")) {
        break;
      }
      String value =
          args[i].startsWith("--lang=")
              ? args[i].substring("--lang=".length())
              : args[i].equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
      for (Language l : values()) {
        if (l.name().equalsIgnoreCase(value)) {
          return l;
        }
      }
    }
    return fromSystem();
  }

  /** The system locale's language if ftpseq speaks it, else English. */
  public static Language fromSystem() {
    String system = Locale.getDefault().getLanguage();
    for (Language l : values()) {
      if (l.name().equals(system)) {
        return l;
      }
    }
    return en;
  }
}
