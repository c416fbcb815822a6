package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.ServerProfiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ftpseq profiles}: lists the built-in server profiles, or writes one as JSON. */
@Command(
    name = "profiles",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the built-in server profiles: name, server, how many situations each describes, and"
          + " what it is based on.",
      "With --save NAME FILE, writes a built-in profile as JSON to start a profile of your own"
          + " (use it with check --profile FILE); --save may be given once per profile."
    })
final class ProfilesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--save",
      arity = "2",
      paramLabel = "NAME FILE",
      description =
          "Write the built-in profile NAME to FILE as JSON (- for standard output); give it once"
              + " per profile.")
  List<String> save;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (save != null) {
      // every pair is checked before any file is written, so a typo writes nothing
      List<ServerProfile> profiles = new ArrayList<>();
      Set<Object> files = new HashSet<>();
      for (int i = 0; i < save.size(); i += 2) {
        profiles.add(profile(save.get(i)));
        String file = save.get(i + 1);
        if (!file.equals("-")) {
          String unwritable = OutputOption.unwritable("--save " + save.get(i), Path.of(file));
          if (unwritable != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), unwritable);
          }
        }
        if (!files.add(file.equals("-") ? file : Inputs.identity(Path.of(file)))) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--save names " + file + " twice; give each profile a file");
        }
      }
      for (int i = 0; i < profiles.size(); i++) {
        String file = save.get(2 * i + 1);
        if (file.equals("-")) {
          out.print(ServerProfiles.toJson(profiles.get(i)));
          out.flush();
          continue;
        }
        try {
          ServerProfiles.save(profiles.get(i), Path.of(file));
        } catch (IOException e) {
          spec.commandLine()
              .getErr()
              .println(
                  "ftpseq: cannot write the profile to "
                      + file
                      + ": "
                      + Inputs.writeReason(Path.of(file), e));
          spec.commandLine().getErr().flush();
          return ExitCodes.USAGE; // as a report that could not be written
        }
        // on standard error when a profile goes to standard output, so that stays JSON alone
        PrintWriter said = files.contains("-") ? spec.commandLine().getErr() : out;
        said.println("wrote profile " + profiles.get(i).name() + " to " + file);
        said.flush();
      }
      return ExitCodes.OK;
    }
    for (ServerProfile profile : ServerProfiles.builtIns()) {
      out.printf(
          "%-17s %-17s %3d  %s%n",
          profile.name(), profile.title(), profile.reactions().size(), profile.description());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private ServerProfile profile(String name) {
    return ServerProfiles.builtIn(ProfileNames.canonical(name))
        .orElseThrow(
            () ->
                new CommandLine.ParameterException(
                    spec.commandLine(),
                    ProfileNames.unknown(
                        name,
                        Suggestions.didYouMean(name, ServerProfiles.names(), explainer()),
                        String.join(", ", ServerProfiles.names()),
                        explainer())));
  }

  /**
   * The language of its usage errors: this command has no {@code --lang}, as what it lists (the
   * profiles' own descriptions) is data in English; its errors follow the system's language.
   */
  private static Explainer explainer() {
    return LanguageOption.explainer(LanguageOption.fromArguments(new String[0]));
  }
}
