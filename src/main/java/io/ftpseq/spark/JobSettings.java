package io.ftpseq.spark;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.ProfileOption;
import io.ftpseq.usage.Language;
import java.io.Serializable;

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

  /** The profile choice these settings name, resolved as on the driver from the shipped JSON. */
  ProfileChoice profile() {
    return ProfileOption.of(profileName, file -> profileJson).choice();
  }

  /** The explainer for the language. */
  Explainer explainer() {
    return Language.valueOf(language).explainer();
  }
}
