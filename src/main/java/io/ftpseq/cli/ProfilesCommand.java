package io.ftpseq.cli;

import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.session.Phrase;
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
import picocli.CommandLine.Mixin;
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

  @Mixin LanguageOption language = new LanguageOption();

  @Option(
      names = "--save",
      arity = "2",
      paramLabel = "NAME FILE",
      hideParamSyntax = true, // else picocli names the two values twice: NAME FILE NAME FILE
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
          Phrase unwritable = OutputOption.unwritable("--save " + save.get(i), Path.of(file));
          if (unwritable != null) {
            throw new CommandLine.ParameterException(
                spec.commandLine(), language.explainer().say(unwritable));
          }
        }
        if (!files.add(file.equals("-") ? file : Inputs.identity(Path.of(file)))) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), language.explainer().text("usage.saveTwice", file));
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
                  "ftpseq: "
                      + language
                          .explainer()
                          .text(
                              "usage.cannotWriteProfile",
                              file,
                              language.explainer().say(Inputs.writeWhy(Path.of(file), e))));
          spec.commandLine().getErr().flush();
          return ExitCodes.USAGE; // as a report that could not be written
        }
        // on standard error when a profile goes to standard output, so that stays JSON alone
        PrintWriter said = files.contains("-") ? spec.commandLine().getErr() : out;
        said.println(language.explainer().text("profiles.wrote", profiles.get(i).name(), file));
        said.flush();
      }
      return ExitCodes.OK;
    }
    // the profiles' names, titles and descriptions are data, as their JSON files hold them, in
    // English whatever --lang says; --lang is for this command's own words
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
                        Suggestions.didYouMean(name, ServerProfiles.names(), language.explainer()),
                        String.join(", ", ServerProfiles.names()),
                        language.explainer())));
  }
}
