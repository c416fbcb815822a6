package io.ftpseq.probe;

import io.ftpseq.protocol.Reply;
import io.ftpseq.rules.Reaction;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.SituationKey;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The profile a probe observed: for every situation key the scenarios measure, the first reply the
 * server gave (code and text, normalised as the runner normalises them; after a 1yz, the 4yz or 5yz
 * that failed the transfer too), a closed connection as {@code 0 closed} and no reply in time as
 * {@code 0 no reply}.
 */
public final class ObservedProfile {

  /** The text of a reaction for a step that got no reply in time. */
  public static final String NO_REPLY = "no reply";

  private ObservedProfile() {}

  /**
   * The profile the results show.
   *
   * @param host the server's host name or address, which names the profile
   * @param greeting the server's 220 greeting, which identifies it for {@code --profile auto}
   * @param results what the scenarios observed
   */
  public static ServerProfile of(String host, Reply greeting, List<ScenarioResult> results) {
    SortedMap<SituationKey, Reaction> reactions = new TreeMap<>();
    for (ScenarioResult result : results) {
      for (StepResult step : result.steps()) {
        if (step.measures() != null) {
          reactions.putIfAbsent(step.measures(), reaction(step));
        }
      }
    }
    String text = greeting.text();
    return new ServerProfile(
        name(host),
        title(host, text),
        "Observed by ftpseq probe on " + host + " (" + results.size() + " scenarios).",
        text.isEmpty() ? "" : Pattern.quote(text),
        "",
        reactions);
  }

  /**
   * How messages name the server: its address and what its greeting says, for example {@code
   * 127.0.0.1 (vsFTPd 3.0.3)}.
   */
  private static String title(String host, String greeting) {
    String words = greeting.strip();
    if (words.startsWith("(") && words.endsWith(")")) {
      words = words.substring(1, words.length() - 1).strip();
    }
    return words.isEmpty() ? host : host + " (" + words + ")";
  }

  /**
   * The first reply of a step as a reaction, with the final reply when a transfer it started then
   * failed (150, then 425).
   */
  static Reaction reaction(StepResult step) {
    if (step.replies().isEmpty()) {
      return new Reaction(0, step.closed() ? Reaction.CLOSED : NO_REPLY);
    }
    Reply first = step.replies().get(0);
    Reply last = step.replies().get(step.replies().size() - 1);
    boolean failedAfterStart = first.code().isPreliminary() && last.code().value() >= 400;
    return failedAfterStart
        ? new Reaction(first.code().value(), first.text(), last.code().value(), last.text())
        : new Reaction(first.code().value(), first.text());
  }

  private static String name(String host) {
    String name = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    return name.matches("[a-z0-9].*") ? name : "server" + name;
  }
}
