package io.ftpseq.rules;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.ReplyCode;
import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.SessionState.Auth;
import io.ftpseq.rules.SessionState.Login;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The state machine as a graph, one cluster per facet, computed by running {@link Transitions} over
 * every verb and every reply class the RFCs allow for it. The drawing therefore shows the model
 * itself, not a description of it.
 */
public final class StateGraph {

  /**
   * A change of one facet.
   *
   * @param facet the facet's name
   * @param from the value before
   * @param to the value after
   * @param causes the commands and reply classes that cause it, e.g. {@code RNFR 3xx}; when {@code
   *     allBut}, the commands that do not
   * @param allBut whether every command but the {@code causes} causes it (none: any command)
   */
  public record Edge(String facet, String from, String to, List<String> causes, boolean allBut) {
    /** Copies the causes. */
    public Edge {
      causes = List.copyOf(causes);
    }
  }

  /**
   * One facet: its name, its states, and how to read its value. The name and the values are stable
   * ids (a drawing's node ids, message keys {@code graph.facet.NAME} and {@code
   * graph.state.NAME.VALUE} with spaces as underscores), not the words a drawing shows.
   *
   * @param name the facet's name
   * @param values every value the facet can take from its first, the start, on
   * @param set a state with the facet at a value
   * @param read the facet's value in a state
   */
  public record Facet(
      String name,
      List<String> values,
      Function<String, SessionState> set,
      Function<SessionState, String> read) {}

  private static final Source HERE = new Source("graph", 1);

  private StateGraph() {}

  /** The facets drawn. */
  public static List<Facet> facets() {
    SessionState initial = SessionState.initial();
    Mark set = Mark.setBy(Command.parse("X"), HERE);
    return List.of(
        new Facet(
            "login",
            List.of("NONE", "USER_GIVEN", "ACCOUNT_NEEDED", "LOGGED_IN"),
            v -> initial.withLogin(Login.valueOf(v)),
            s -> s.login().name()),
        new Facet(
            "rename",
            List.of("NO", "YES"),
            v -> initial.withLogin(Login.LOGGED_IN).withRename(v.equals("YES") ? set : Mark.NONE),
            s -> s.rename().status().name()),
        new Facet(
            "data channel",
            // a transfer that failed may or may not have used the channel: not known after it
            List.of("NO", "YES", "UNKNOWN"),
            v ->
                initial
                    .withLogin(Login.LOGGED_IN)
                    .withData(
                        switch (v) {
                          case "YES" -> set;
                          case "UNKNOWN" -> Mark.UNKNOWN;
                          default -> Mark.NONE;
                        }),
            s -> s.data().status().name()),
        new Facet(
            "restart",
            List.of("NO", "YES"),
            v -> initial.withLogin(Login.LOGGED_IN).withRestart(v.equals("YES") ? set : Mark.NONE),
            s -> s.restart().status().name()),
        new Facet(
            "security",
            List.of("NONE", "NEGOTIATING", "DONE", "CLEARED"),
            v -> initial.withSecurity(new SessionState.Security(Auth.valueOf(v), Known.NO)),
            s -> s.security().auth().name()),
        new Facet(
            "pbsz",
            List.of("NO", "YES"),
            v -> initial.withSecurity(new SessionState.Security(Auth.DONE, Known.valueOf(v))),
            s -> s.security().pbsz().name()),
        new Facet(
            "epsv all",
            List.of("NO", "YES"),
            v -> initial.withLogin(Login.LOGGED_IN).withEpsvAll(Known.valueOf(v)),
            s -> s.epsvAll().name()),
        new Facet(
            "host",
            List.of("NO", "YES"),
            v -> initial.withHost(Known.valueOf(v)),
            s -> s.host().name()),
        new Facet(
            "quit",
            List.of("NO", "YES"),
            v -> initial.withQuit(v.equals("YES")),
            s -> s.quit() ? "YES" : "NO"));
  }

  /** Every change of every facet, merged per (facet, from, to). */
  public static List<Edge> edges() {
    List<Edge> edges = new ArrayList<>();
    for (Facet facet : facets()) {
      Map<List<String>, Map<String, Set<String>>> byPair = new LinkedHashMap<>();
      for (String from : facet.values()) {
        SessionState before = facet.set().apply(from);
        for (Verb verb : Verb.values()) {
          if (!verb.hasReplySet()) {
            continue;
          }
          for (String text : samples(verb)) {
            for (int code : verb.replyCodes()) {
              SessionState after =
                  Transitions.after(
                      before,
                      new CommandSent(HERE, Command.parse(text)),
                      new Reply(new ReplyCode(code), List.of(code + " sample")));
              String to = facet.read().apply(after);
              if (!facet.values().contains(to)) {
                throw new IllegalStateException(
                    "facet "
                        + facet.name()
                        + " goes from "
                        + from
                        + " to "
                        + to
                        + " after "
                        + text
                        + " "
                        + code
                        + ", a value it does not list");
              }
              if (!to.equals(from)) {
                byPair
                    .computeIfAbsent(List.of(from, to), k -> new TreeMap<>())
                    .computeIfAbsent(text, k -> new TreeSet<>())
                    .add(code / 100 + "xx");
              }
            }
          }
        }
      }
      byPair.forEach((pair, labels) -> edges.add(edge(facet.name(), pair, labels)));
    }
    return edges;
  }

  private static List<String> samples(Verb verb) {
    return verb == Verb.EPSV ? List.of("EPSV", "EPSV ALL") : List.of(verb.name());
  }

  /**
   * An edge that names its commands; when nearly every command causes it, that names the exceptions
   * instead ("any command but RNTO").
   */
  private static Edge edge(String facet, List<String> pair, Map<String, Set<String>> labels) {
    List<String> all = new ArrayList<>();
    for (Verb verb : Verb.values()) {
      if (verb.hasReplySet()) {
        all.addAll(samples(verb));
      }
    }
    if (labels.size() > all.size() / 2) {
      List<String> missing = all.stream().filter(v -> !labels.containsKey(v)).toList();
      return new Edge(facet, pair.get(0), pair.get(1), missing, true);
    }
    List<String> parts = new ArrayList<>();
    labels.forEach((verb, classes) -> parts.add(verb + " " + String.join("/", classes)));
    return new Edge(facet, pair.get(0), pair.get(1), parts, false);
  }
}
