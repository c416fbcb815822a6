package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ftpseq graph} read back as the tools that draw it read it: every state an edge leads to or
 * from is declared in its facet's cluster, so neither Graphviz nor Mermaid makes up a node named
 * after an internal value, and every facet and state is named in the words of --lang, not by an
 * enum constant or a Java boolean.
 */
class GraphCommandTest {

  /** A dot token: a quoted string with its escapes, a word, an arrow, or one punctuation mark. */
  private static final Pattern DOT_TOKEN =
      Pattern.compile("\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z0-9_.]+|->|[{}\\[\\]=;,])");

  /** What a drawn name must not look like: an enum constant or a Java boolean. */
  private static final Pattern INTERNAL = Pattern.compile("[A-Z]+(_[A-Z]+)+|true|false|NO|YES");

  /** One cluster as a reader of the drawing sees it. */
  private record Cluster(String label, Map<String, String> nodes, List<String[]> edges) {}

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr", "ja"})
  void everyDotEdgeJoinsStatesDeclaredInItsClusterAndNamedInWords(String lang) {
    List<Cluster> clusters = dot(CliRun.of("graph", "--lang", lang).out());
    assertThat(clusters).hasSize(9);
    for (Cluster cluster : clusters) {
      assertThat(cluster.label()).as(lang).isNotBlank().doesNotMatch(INTERNAL);
      for (String[] edge : cluster.edges()) {
        assertThat(cluster.nodes())
            .as("%s: %s, edge %s -> %s", lang, cluster.label(), edge[0], edge[1])
            .containsKeys(edge[0], edge[1]);
        assertThat(edge[2]).as(lang).isNotBlank();
      }
      for (String name : cluster.nodes().values()) {
        assertThat(name).as("%s: %s", lang, cluster.label()).isNotBlank().doesNotMatch(INTERNAL);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr", "ja"})
  void everyMermaidTransitionJoinsStatesDeclaredInItsCompositeState(String lang) {
    List<Cluster> states = mermaid(CliRun.of("graph", "--format", "mermaid", "--lang", lang).out());
    assertThat(states).hasSize(9);
    for (Cluster state : states) {
      assertThat(state.label()).as(lang).doesNotMatch(INTERNAL);
      for (String[] edge : state.edges()) {
        assertThat(state.nodes())
            .as("%s: %s, %s --> %s", lang, state.label(), edge[0], edge[1])
            .containsKeys(edge[0], edge[1]);
      }
      for (String name : state.nodes().values()) {
        assertThat(name).as("%s: %s", lang, state.label()).doesNotMatch(INTERNAL);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dot", "mermaid"})
  void statesAreNamedInTheLanguageAsked(String format) {
    Map<String, String> en = names(format, "en");
    Map<String, String> fr = names(format, "fr");
    Map<String, String> ja = names(format, "ja");
    assertThat(fr.keySet()).isEqualTo(en.keySet()).isEqualTo(ja.keySet());
    assertThat(en)
        .containsEntry("quit_NO", "session open")
        .containsEntry("quit_YES", "QUIT sent")
        .containsEntry("data_channel_UNKNOWN", "not known (a failed transfer may have used it)");
    assertThat(fr).containsEntry("quit_YES", "QUIT envoyé");
    assertThat(ja).containsEntry("login_LOGGED_IN", "ログイン済み");
    for (String id : en.keySet()) {
      assertThat(ja.get(id)).as(id).isNotEqualTo(en.get(id));
      assertThat(fr.get(id)).as(id).isNotBlank();
    }
  }

  private static Map<String, String> names(String format, String lang) {
    String out = CliRun.of("graph", "--format", format, "--lang", lang).out();
    Map<String, String> names = new LinkedHashMap<>();
    for (Cluster cluster : format.equals("dot") ? dot(out) : mermaid(out)) {
      names.putAll(cluster.nodes());
    }
    return names;
  }

  /** The clusters of a dot graph: node statements, edge statements and the cluster's label. */
  private static List<Cluster> dot(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = DOT_TOKEN.matcher(text);
    int at = 0;
    while (at < text.length() && m.find(at) && m.start() == at) {
      tokens.add(m.group(1));
      at = m.end();
    }
    assertThat(text.substring(at).trim()).as("text the dot reader cannot take").isEmpty();
    List<Cluster> clusters = new ArrayList<>();
    Cluster cluster = null;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.equals("subgraph")) {
        cluster = new Cluster(null, new LinkedHashMap<>(), new ArrayList<>());
        i += 2; // name, {
      } else if (cluster != null && t.equals("label") && tokens.get(i + 1).equals("=")) {
        cluster = new Cluster(unquote(tokens.get(i + 2)), cluster.nodes(), cluster.edges());
        i += 3;
      } else if (cluster != null && t.equals("}")) {
        clusters.add(cluster);
        cluster = null;
      } else if (cluster != null && t.startsWith("\"")) {
        boolean edge = tokens.get(i + 1).equals("->");
        String to = edge ? unquote(tokens.get(i + 2)) : null;
        int attrs = edge ? i + 3 : i + 1;
        assertThat(tokens.get(attrs)).isEqualTo("[");
        assertThat(tokens.get(attrs + 1)).isEqualTo("label");
        String label = unquote(tokens.get(attrs + 3));
        if (edge) {
          cluster.edges().add(new String[] {unquote(t), to, label});
        } else {
          cluster.nodes().put(unquote(t), label);
        }
        i = nextSemicolon(tokens, attrs);
      }
    }
    return clusters;
  }

  private static int nextSemicolon(List<String> tokens, int from) {
    int i = from;
    while (!tokens.get(i).equals(";")) {
      i++;
    }
    return i;
  }

  private static String unquote(String token) {
    assertThat(token).startsWith("\"").endsWith("\"");
    return token.substring(1, token.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
  }

  private static final Pattern COMPOSITE = Pattern.compile("state \"([^\"]*)\" as (\\w+) \\{");
  private static final Pattern STATE = Pattern.compile("state \"([^\"]*)\" as (\\w+)");
  private static final Pattern TRANSITION =
      Pattern.compile("(\\[\\*]|\\w+) --> (\\w+)(?: : (.*))?");

  /** The composite states of a Mermaid state diagram, read line by line as Mermaid reads them. */
  private static List<Cluster> mermaid(String text) {
    List<String> lines = text.lines().map(String::trim).toList();
    assertThat(lines.get(0)).isEqualTo("stateDiagram-v2");
    List<Cluster> clusters = new ArrayList<>();
    Cluster cluster = null;
    for (String line : lines.subList(1, lines.size())) {
      Matcher composite = COMPOSITE.matcher(line);
      Matcher state = STATE.matcher(line);
      Matcher transition = TRANSITION.matcher(line);
      if (composite.matches()) {
        assertThat(cluster).as("a composite state inside another").isNull();
        cluster = new Cluster(composite.group(1), new LinkedHashMap<>(), new ArrayList<>());
      } else if (line.equals("}")) {
        clusters.add(cluster);
        cluster = null;
      } else if (state.matches()) {
        cluster.nodes().put(state.group(2), state.group(1));
      } else if (transition.matches()) {
        String from = transition.group(1);
        String label = transition.group(3);
        if (label != null) {
          assertThat(label).as(line).doesNotContain(":", ";", "\"");
        }
        cluster
            .edges()
            .add(
                new String[] {
                  from.equals("[*]") ? transition.group(2) : from, transition.group(2), label
                });
      } else {
        throw new AssertionError(
            "a line Mermaid does not read as a state or a transition: " + line);
      }
    }
    assertThat(cluster).as("a composite state not closed").isNull();
    return clusters;
  }
}
