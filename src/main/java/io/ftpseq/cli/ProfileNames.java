package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.ProfileOption;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.ServerProfiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

  /**
   * A profile read from {@code file}, told apart from the profiles in {@code taken} (names or
   * titles): {@code ftpseq profiles --save vsftpd mine.json} writes a profile named vsftpd, which
   * reports then showed as the built-in one, edited or not. Such a profile is named after its file
   * ({@code mine.json}) and titled with it ({@code vsftpd (mine.json)}), so that every report, and
   * every column of {@code simulate}, says which is which; any other profile is as its file says.
   */
  static ServerProfile apart(ServerProfile profile, String file, Set<String> taken) {
    if (!taken.contains(profile.name()) && !taken.contains(profile.title())) {
      return profile;
    }
    Path fileName = Path.of(file).getFileName();
    String name =
        (fileName == null ? "" : fileName.toString())
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9.-]", "-")
            .replaceFirst("^[^a-z0-9]+", "");
    if (name.isEmpty() || taken.contains(name)) {
      name = profile.name() + "-file"; // a file named like the profile itself: ./vsftpd
    }
    return new ServerProfile(
        name,
        profile.title() + " (" + file + ")",
        profile.description(),
        profile.greeting(),
        profile.syst(),
        profile.tilde(),
        profile.reactions(),
        profile.known());
  }

  /**
   * Why a value the command does not take is a word of another command, as a parenthesis to put
   * after it in the message that refuses it, or empty: {@code check --profile all} is refused, as
   * {@code all} is for {@code simulate}, which shows every server side by side; {@code simulate
   * --profile auto} is refused, as no server answers a simulation to pick a profile from.
   */
  static String elsewhere(String value, String command, Explainer explainer) {
    String name = canonical(value);
    if (name.equals(ALL) && !command.equals("simulate")) {
      return explainer.text("suggest.allIsForSimulate", command);
    }
    if (name.equals(ProfileOption.AUTO) && !command.equals("check") && !command.equals("proxy")) {
      return explainer.text("suggest.autoIsForCheck", command);
    }
    return "";
  }

  /**
   * The usage error for a profile no command knows: {@code unknown profile 'vsftp' (did you mean
   * 'vsftpd'?); known profiles: ...}, in the run's language.
   *
   * @param hint what to add after the name, starting with its own space, or empty
   * @param known the names the command takes, as a list to read
   */
  static String unknown(String value, String hint, String known, Explainer explainer) {
    return explainer.text("usage.unknownProfile", value, hint, known);
  }

  /** Every name {@code simulate --profile} takes besides a file: the built-ins and {@code all}. */
  static List<String> forSimulate() {
    List<String> names = new ArrayList<>(ServerProfiles.names());
    names.add(ALL);
    return names;
  }
}
