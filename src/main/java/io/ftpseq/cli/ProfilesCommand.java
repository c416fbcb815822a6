package io.ftpseq.cli;

import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.ServerProfiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
          + " (use it with check --profile FILE)."
    })
final class ProfilesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--save",
      arity = "2",
      paramLabel = "NAME FILE",
      description = "Write the built-in profile NAME to FILE as JSON.")
  String[] save;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (save != null) {
      ServerProfile profile =
          ServerProfiles.builtIn(ProfileNames.canonical(save[0]))
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          spec.commandLine(),
                          "unknown profile '"
                              + save[0]
                              + "'"
                              + Suggestions.didYouMean(save[0], ServerProfiles.names())
                              + "; known profiles: "
                              + String.join(", ", ServerProfiles.names())));
      Path file = Path.of(save[1]);
      String unwritable = OutputOption.unwritable("--save " + save[0], file);
      if (unwritable != null) {
        throw new CommandLine.ParameterException(spec.commandLine(), unwritable);
      }
      try {
        ServerProfiles.save(profile, file);
      } catch (IOException e) {
        spec.commandLine()
            .getErr()
            .println("ftpseq: cannot write the profile to " + file + ": " + Inputs.reason(e));
        spec.commandLine().getErr().flush();
        return ExitCodes.USAGE; // as a report that could not be written
      }
      out.println("wrote profile " + profile.name() + " to " + save[1]);
      out.flush();
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
}
