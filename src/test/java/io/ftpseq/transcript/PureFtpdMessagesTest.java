package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.LinePatterns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The messages of Pure-FTPd's lines that are read by hand, a new connection in any language and a
 * command record, are read as the patterns they stand for read them.
 */
class PureFtpdMessagesTest {

  private static final Pattern CONNECTION =
      LinePatterns.compile(
          PureFtpdLog.CONNECTION_MESSAGES.stream()
              .map(
                  m -> {
                    int host = m.indexOf("%s");
                    return Pattern.quote(m.substring(0, host))
                        + "\\S+"
                        + Pattern.quote(m.substring(host + 2));
                  })
              .collect(Collectors.joining("|", "^(?:", ")$")));

  private static final Pattern COMMAND =
      LinePatterns.compile(
          "^(?:"
              + String.join("|", PureFtpdLog.COMMAND_WORD_LIST)
              + ") \\[([^\\]]*)\\] \\[(.*)\\]$");

  @Test
  void readsWhatThePatternsMatchWithTheSameParts() {
    List<String> seeds =
        new ArrayList<>(
            LineMutations.linesOf(Path.of("samples/pure-ftpd")).stream()
                .map(PureFtpdLine::read)
                .filter(Objects::nonNull)
                .map(PureFtpdLine::message)
                .toList());
    PureFtpdLanguagesTest.connectionLines().forEach(seeds::add);
    for (String word : PureFtpdLog.COMMAND_WORD_LIST) {
      seeds.add(word + " [stor] [a file]");
      seeds.add(word + " [pwd] []");
    }
    seeds.add("Command [user] [a] [b]");
    seeds.add("Command [user] [a]\n");
    seeds.add("Command [user] [a\nb]");
    seeds.add("Command [us\ner] [a]");
    seeds.add("Commande [user] [alice]]");
    seeds.add("New connection from 192.0.2.7\n");
    seeds.add("New connection from 192.0.2.7\n\n");
    seeds.add("192.0.2.7 ramene son cul\n");
    seeds.add("New connection from ");
    List<String> lines =
        LineMutations.of(seeds, "[] \n\r\t\u000bCommande0123.:\u00e9\u00ba", 200_000);

    int connections =
        LineMutations.assertReadAlike(
            lines,
            line -> PureFtpdLog.isConnection(line) ? List.of() : null,
            line -> CONNECTION.matcher(line).matches() ? List.of() : null);
    int commands =
        LineMutations.assertReadAlike(
            lines,
            line -> {
              PureFtpdLog.CommandRecord read = PureFtpdLog.CommandRecord.read(line);
              return read == null ? null : List.of(read.command(), read.argument());
            },
            line -> LineMutations.groups(COMMAND.matcher(line), 1, 2));

    // enough of each read for the comparison to mean something, however the samples mix them
    assertThat(connections).isBetween(lines.size() / 100, lines.size() / 2);
    assertThat(commands).isBetween(lines.size() / 20, lines.size() / 2);
  }
}
