package io.ftpseq.spark;

import io.ftpseq.explain.Explainer;
import io.ftpseq.profile.ProfileChoice;
import io.ftpseq.profile.ServerProfiles;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * What every task needs to check as {@code ftpseq check} would: the profile, the forced format if
 * any, the language of the texts, and the Hadoop configuration to open files with.
 *
 * @param profileName {@code auto}, a built-in profile's name, or the name of a profile file
 * @param profileJson the profile file's JSON text, or {@code null} for {@code auto} and built-ins
 * @param format the format to read every input as, or {@code null} to detect it per input
 * @param language {@code en}, {@code fr} or {@code ja}
 * @param hadoop the Hadoop configuration
 */
record JobSettings(
    String profileName, String profileJson, String format, String language, HadoopSettings hadoop)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The profile choice these settings name. */
  ProfileChoice profile() {
    if (profileJson != null) {
      try {
        return ProfileChoice.of(ServerProfiles.read(profileName, profileJson));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (profileName.equals("auto")) {
      return ProfileChoice.AUTO;
    }
    return ProfileChoice.of(
        ServerProfiles.builtIn(profileName)
            .orElseThrow(() -> new IllegalStateException("no built-in profile " + profileName)));
  }

  /** The explainer for the language. */
  Explainer explainer() {
    return Explainer.forLocale(
        language.equals("en") ? Locale.ROOT : Locale.forLanguageTag(language));
  }
}
