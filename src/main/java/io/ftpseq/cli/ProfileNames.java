package io.ftpseq.cli;

import io.ftpseq.rules.ProfileOption;
import io.ftpseq.rules.ServerProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The names {@code --profile} takes, read the same way by every command that takes one ({@code
 * check}, {@code proxy}, {@code simulate}, {@code profiles --save}): a built-in profile's name,
 * {@code auto} and {@code all} in any case ({@code VSFTPD}, {@code ALL}), as profile names are
 * lower case and a user who types them otherwise means them. A profile file's name keeps its case.
 */
final class ProfileNames {

  /** The value of {@code simulate --profile} that names every built-in server profile. */
  static final String ALL = "all";

  private ProfileNames() {}

  /**
   * The name as the profiles know it: the built-in name, {@code auto} or {@code all} it spells in
   * another case, else the value as given (a file, or an unknown name to be refused).
   */
  static String canonical(String value) {
    for (String name : ServerProfiles.names()) {
      if (name.equalsIgnoreCase(value)) {
        return name;
      }
    }
    String lower = value.toLowerCase(Locale.ROOT);
    return lower.equals(ProfileOption.AUTO) || lower.equals(ALL) ? lower : value;
  }

  /** Every name {@code simulate --profile} takes besides a file: the built-ins and {@code all}. */
  static List<String> forSimulate() {
    List<String> names = new ArrayList<>(ServerProfiles.names());
    names.add(ALL);
    return names;
  }
}
