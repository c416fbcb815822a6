package io.ftpseq.transcript;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.ReplyCode;
import io.ftpseq.protocol.Verb;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Zeek's {@code ftp.log}, as tab-separated values under a {@code #fields} header or as one JSON
 * object per line: one row per command with its final reply, sessions told apart by {@code uid}.
 *
 * <pre>
 * #fields	ts	uid	id.orig_h	id.orig_p	id.resp_h	id.resp_p	user	password	command	arg	...	reply_code	reply_msg
 * 1700000000.1	CHhAvVGS1DHFjwGM9	141.142.220.235	50003	199.233.217.249	21	anonymous	test	PASV	-	...	227	Entering Passive Mode (...)
 * </pre>
 *
 * <p>Zeek logs only a chosen set of commands (by default APPE DELE RETR STOR STOU ACCT PORT PASV
 * EPRT EPSV), so commands may be missing between any two rows: every row follows a gap, and no
 * finding is drawn from state the log cannot show. A connection's first row may be its start
 * ({@code <init>}, answered by the greeting): nothing is missing before that one. A 503 in the log
 * is still reported as seen. The {@code password} column is learnt as a secret, masked wherever a
 * reply echoes it and never shown; PASS arguments are masked. The {@code ts} column, seconds since
 * 1970, is kept as the UTC time of each row (an ISO 8601 {@code ts} of JSON logs as it is). A 221
 * on the last row of a connection, for a command other than QUIT, is the reply that closed the
 * connection, which Zeek puts on the command still waiting: that command's own reply is missing,
 * and the 221 answers nothing. Whether a row is the connection's last is known only from the rows
 * after it, so such a 221 waits for the connection's next row (then it is the command's own reply)
 * or for the end of the log (then it is the close): one reply per connection at most is held. A
 * QUIT answered 221, or any command answered 421 (closing the control connection), ends its
 * connection's session then and there; a later row under the same uid would start a new one.
 */
public final class ZeekFtpLog implements TranscriptFormat {

  /**
   * Made when a JSON log is first read, not when formats are listed: the mapper is slow to make.
   */
  private static final class Json {
    // exact decimals, so that a time such as 1700000000.123456 keeps its digits
    static final ObjectMapper MAPPER =
        new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  /** The fields a row is read by: one of them holding a list or a record is a problem. */
  private static final List<String> READ =
      List.of(
          "ts",
          "uid",
          "id.orig_h",
          "id.orig_p",
          "id.resp_h",
          "id.resp_p",
          "password",
          "command",
          "arg",
          "reply_code",
          "reply_msg");

  /**
   * The command of the row Zeek logs for the connection's start, with the greeting as its reply.
   */
  private static final String START = "<init>";

  /** The commands whose {@code arg} is a secret. */
  private static final Set<Verb> SECRET_ARGUMENTS = EnumSet.of(Verb.PASS, Verb.ACCT, Verb.ADAT);

  /** The JSON keys of a row whose escaped values are learnt as they stand: the password's. */
  private static final Set<String> PASSWORD = Set.of("password");

  /** {@link #PASSWORD}, and the argument of a command that carries a secret. */
  private static final Set<String> PASSWORD_AND_ARG = Set.of("password", "arg");

  private static final Phrase ZEEK_LOGS_SOME = Phrase.of("note.detail.zeekLogsSome");

  @Override
  public String name() {
    return "zeek";
  }

  @Override
  public int recognise(List<String> head) {
    boolean path = head.stream().anyMatch(l -> l.equals("#path\tftp"));
    boolean json =
        head.stream()
            .anyMatch(l -> l.startsWith("{") && l.contains("\"uid\"") && l.contains("\"command\""));
    return path || json ? 95 : 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    return new TranscriptParser.ReadAhead<Read>() {
      // read ahead: the header, and where each value of the row being read starts and ends
      private String[] fields = new String[0];
      private Map<String, Integer> columns = Map.of();
      private int[] starts = new int[0];
      private int[] ends = new int[0];
      // the column of uid when the connection's ends follow it in Zeek's order, else -1
      private int connection = -1;
      // kept from one header to the next: a name is read from the row's own columns alone, and
      // a log of many short files, each with its header, made a new table of 32,768 names at each
      private final ConnectionNames names = new ConnectionNames();

      // with the sessions: by connection, a 221 that is the close if no later row of it comes
      private final Map<String, Closing> closing = new LinkedHashMap<>();

      @Override
      public Read ahead(String text) {
        if (text.startsWith("#fields\t")) {
          fields = text.substring("#fields\t".length()).split("\t", -1);
          columns = new HashMap<>();
          for (int i = 0; i < fields.length; i++) {
            columns.put(fields[i], i);
          }
          starts = new int[fields.length];
          ends = new int[fields.length];
          connection = connectionColumn(fields);
          return SKIPPED;
        } else if (text.startsWith("{")) {
          return json(text);
        } else if (!text.isBlank() && !text.startsWith("#")) {
          return tsv(text);
        }
        return SKIPPED;
      }

      private Read tsv(String text) {
        int count = tabSeparated(text, starts, ends);
        // a row cut short still shows its password, and the HTML report shows the raw line
        Integer password = columns.get("password");
        PasswordField field =
            password != null && password < Math.min(count, starts.length)
                ? PasswordField.of(text, starts[password], ends[password])
                : PasswordField.NONE;
        if (count != fields.length) {
          return new Refused(
              Phrase.of("problem.zeek.fields", count, fields.length), field.in(text), field);
        }
        // a value is copied out of the row only when it is read, by the header's column number
        return RowRead.of(
            field,
            new Row() {
              @Override
              public String get(String name) {
                Integer column = columns.get(name);
                if (column == null) {
                  return null;
                }
                int start = starts[column];
                int end = ends[column];
                return end - start == 1 && text.charAt(start) == '-'
                    ? "-"
                    : text.substring(start, end);
              }

              @Override
              public StringBuilder append(StringBuilder to, String name, String absent) {
                Integer column = columns.get(name);
                return column == null
                    ? to.append(absent)
                    : to.append(text, starts[column], ends[column]);
              }

              @Override
              public String session() {
                if (connection < 0) {
                  return Row.super.session();
                }
                return names.of(text, starts[connection], ends[connection + CONNECTION.size() - 1]);
              }
            });
      }

      private Read json(String text) {
        JsonNode node;
        try (JsonParser parser = Json.MAPPER.createParser(text)) {
          node = Json.MAPPER.readTree(parser);
          if (node != null && followed(parser)) {
            return new Refused(Phrase.of("problem.json.trailing"), "", PasswordField.NONE);
          }
        } catch (IOException e) {
          return new Refused(Phrase.of("problem.json.notObject"), "", PasswordField.NONE);
        }
        if (node == null || !node.isObject()) {
          return new Refused(Phrase.of("problem.json.notObject"), "", PasswordField.NONE);
        }
        Map<String, JsonNode> row = new HashMap<>();
        flatten("", node, row);
        for (String field : READ) {
          JsonNode value = row.get(field);
          if (value != null && value.isContainerNode()) {
            // the value is not quoted, as it may be a password
            return new Refused(
                Phrase.of(value.isArray() ? "problem.zeek.list" : "problem.zeek.record", field),
                "",
                PasswordField.NONE);
          }
        }
        // a JSON row's password follows its key, "password": a line shows it as one
        return RowRead.of(PasswordField.NONE, field -> single(row.get(field)));
      }

      @Override
      public LineUse line(long number, String text, Read read) {
        if (read instanceof RowRead row) {
          return row(number, text, row);
        } else if (read instanceof Refused refused) {
          sink.secret(refused.password());
          refused.field().shownTo(sink);
          sink.problem(
              TranscriptSink.SINGLE, new Problem(new Source(source, number), refused.message()));
          return LineUse.PROBLEM;
        }
        return LineUse.SKIPPED;
      }

      /**
       * Learns the password of a JSON row as it stands in the line, when an escape stands in it:
       * the HTML report shows the raw line, a problem quotes it.
       */
      private void learnEscaped(String line, String command) {
        if (line.startsWith("{")) {
          EscapedJsonValues.each(
              line,
              SECRET_ARGUMENTS.contains(Verb.of(command)) ? PASSWORD_AND_ARG : PASSWORD,
              sink::secret);
        }
      }

      /** Reads one row. */
      private LineUse row(long number, String line, RowRead row) {
        String session = row.session();
        String time = row.time();
        if (time == null) {
          time =
              sink.unreadableTime(
                  new Source(source, number), FormatName.of("zeek"), row.writtenTime());
        }
        row.field().shownTo(sink);
        if (row.command().isEmpty() && row.code().isEmpty()) {
          // Zeek writes a row for a command, with its reply when one came: this one shows neither
          sink.secret(row.password());
          learnEscaped(line, row.command());
          return sink.unreadableLine(
              session,
              new Source(source, number).at(time),
              FormatName.of("zeek"),
              LineFault.missing("command"),
              row.field().maskedIn(line));
        }
        Closing earlier = closing.remove(session);
        if (earlier != null) {
          // the connection went on: the 221 was the reply to its own row's command
          sink.event(session, earlier.reply());
        }
        Source at = new Source(source, number).at(time);
        String command = row.command();
        boolean start = command.equals(START);
        if (start) {
          // the connection opened here; its greeting, when Zeek saw one, is this row's reply
          sink.event(session, new Note(at, NoteKind.CONNECTED, START));
        } else {
          // before the first row of a session too, when it is not the start: it is missing then
          sink.event(session, new Note(at, NoteKind.UNLOGGED_COMMANDS, ZEEK_LOGS_SOME));
        }
        sink.secret(row.password());
        learnEscaped(line, command);
        if (!command.isEmpty() && !start) {
          String arg = row.arg();
          sink.command(session, at, arg.isEmpty() ? command : command + " " + arg);
        }
        String code = row.code();
        ReplyCode replyCode = ReplyCode.parse(code);
        if (replyCode != null) {
          String text = code + " " + row.message();
          ReplyReceived reply = new ReplyReceived(at, new Reply(replyCode, List.of(text.strip())));
          if (!command.isEmpty() && !start && closedInstead(command, replyCode)) {
            closing.put(session, new Closing(reply, command));
          } else {
            sink.event(session, reply);
            if (replyCode.closesConnection()
                && (replyCode.value() == 421 || Verb.of(command) == Verb.QUIT)) {
              // the server closes the connection after it: nothing more comes for it, so it is
              // reported and forgotten now, not 10,000 connections later or at the log's end
              sink.end(session);
            }
          }
        } else if (!code.isEmpty()) {
          sink.unreadableReply(session, at, Phrase.of("problem.notACode"), code);
          return LineUse.PROBLEM;
        }
        return LineUse.DIALOGUE;
      }

      @Override
      public void end(long lastLine) {
        // no row came after these: each 221 closed its connection, the command's own reply is lost
        closing.forEach(
            (session, held) -> {
              sink.event(
                  session,
                  new Note(
                      held.reply().source(),
                      NoteKind.LINES_MISSING,
                      closingNote(held.command(), held.reply().reply().code().toString())));
              sink.event(session, held.reply());
            });
        closing.clear();
      }
    };
  }

  /** What one line of the log shows by itself, read ahead of the sessions. */
  private sealed interface Read permits Skipped, Refused, RowRead {}

  /** A header, a comment or a blank line. */
  private record Skipped() implements Read {}

  private static final Read SKIPPED = new Skipped();

  /**
   * A line that is no row, and the password it shows nonetheless (empty when none).
   *
   * @param message the problem, quoting no value (one may be a password)
   * @param field where the line shows the password
   */
  private record Refused(Phrase message, String password, PasswordField field) implements Read {}

  /**
   * Where a row of tab-separated values shows its {@code password} column: masked wherever the line
   * is shown, whatever the password's length, as it stands where the log keeps a password. Learnt
   * as a secret, a password shorter than four characters is masked nowhere else but where a line
   * shows it as one, and a column shows it by its place alone.
   *
   * @param start where the value starts in the line, -1 for none
   * @param end where it ends
   */
  private record PasswordField(int start, int end) {
    static final PasswordField NONE = new PasswordField(-1, -1);

    /** The field of the line from {@code start} to {@code end}; none when it holds no password. */
    static PasswordField of(String line, int start, int end) {
      return value(line.substring(start, end)).isEmpty() ? NONE : new PasswordField(start, end);
    }

    /** The password the line shows here, empty for none. */
    String in(String line) {
      return start < 0 ? "" : line.substring(start, end);
    }

    /** Tells the sink where the line being read shows a password, when it shows one. */
    void shownTo(TranscriptSink sink) {
      if (start >= 0) {
        sink.passwordAt(start, end);
      }
    }

    /** The line with the password it shows here masked. */
    String maskedIn(String line) {
      return start < 0 ? line : line.substring(0, start) + Command.MASK + line.substring(end);
    }
  }

  /**
   * A row's values, each with Zeek's unset and empty markers read as empty.
   *
   * @param session the session's name: uid and the connection's ends
   * @param time the row's {@code ts} as ISO 8601, empty when none, {@code null} when it cannot be
   *     read
   * @param writtenTime the row's {@code ts} as written
   * @param field where a row of tab-separated values shows its password
   */
  private record RowRead(
      String session,
      String time,
      String writtenTime,
      String command,
      String arg,
      String password,
      String code,
      String message,
      PasswordField field)
      implements Read {

    static RowRead of(PasswordField field, Row row) {
      String ts = value(row.get("ts"));
      return new RowRead(
          row.session(),
          LogTime.epochSeconds(ts),
          ts,
          value(row.get("command")),
          value(row.get("arg")),
          value(row.get("password")),
          value(row.get("reply_code")),
          value(row.get("reply_msg")),
          field);
    }
  }

  /**
   * A 221 on a connection's row that may be the reply that closed the connection.
   *
   * @param reply the 221, at its row
   * @param command the row's command, which cannot be answered 221
   */
  private record Closing(ReplyReceived reply, String command) {}

  /**
   * Whether the row's reply is one that closes the control connection and that its command cannot
   * get: Zeek keeps the last reply it saw for the command still waiting and logs the row only when
   * the next command comes or the connection ends ({@code scripts/base/protocols/ftp/main.zeek}).
   * So when the server closes the connection on its own after a transfer (a 221 "You could at least
   * say goodbye." when the client just drops it, or on a timeout), the 221 goes on the last
   * command's row in place of that command's own final reply (the 226). Only QUIT is answered 221;
   * a 421, which also closes the connection, is allowed for every command, so it stays the
   * command's reply.
   */
  private static boolean closedInstead(String command, ReplyCode code) {
    return code.value() == 221 && !Verb.of(command).allowsReply(221);
  }

  private static Phrase closingNote(String command, String code) {
    return Phrase.of("note.detail.zeekClosing", code, Verb.of(command).name());
  }

  /** A row's values by field name. */
  @FunctionalInterface
  private interface Row {

    /** The value of a field, {@code null} when the row has no such field. */
    String get(String name);

    /** Appends the value of a field, or {@code absent} when the row has no such field. */
    default StringBuilder append(StringBuilder to, String name, String absent) {
      String value = get(name);
      return to.append(value == null ? absent : value);
    }

    /**
     * The name of the row's session: its {@code uid} and the connection's two ends, {@code uid
     * orig_h:orig_p -> resp_h:resp_p}, {@code -} or {@code null} for what the row lacks.
     */
    default String session() {
      StringBuilder name = new StringBuilder(64);
      append(name, "uid", "-").append(' ');
      append(name, "id.orig_h", "null").append(':');
      append(name, "id.orig_p", "null").append(" -> ");
      append(name, "id.resp_h", "null").append(':');
      append(name, "id.resp_p", "null");
      return name.toString();
    }
  }

  /**
   * Cuts a row at its tabs, as {@code split("\t", -1)} does, but copies nothing: where each value
   * starts and ends goes into {@code starts} and {@code ends}, as far as they reach. Returns how
   * many values the row has. On large logs split took a fifth of the parsing thread's samples, and
   * the values it copied a third of all memory allocated, most of them never read.
   */
  static int tabSeparated(String text, int[] starts, int[] ends) {
    int column = 0;
    int start = 0;
    for (int tab = text.indexOf('\t'); ; tab = text.indexOf('\t', start)) {
      if (column < starts.length) {
        starts[column] = start;
        ends[column] = tab < 0 ? text.length() : tab;
      }
      column++;
      if (tab < 0) {
        return column;
      }
      start = tab + 1;
    }
  }

  /** The connection's columns in the order Zeek writes them, from {@code uid} on. */
  private static final List<String> CONNECTION =
      List.of("uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p");

  /**
   * The column of {@code uid} when the connection's four ends follow it in Zeek's order (every Zeek
   * ftp.log), so that one stretch of a row names its session; -1 otherwise.
   */
  static int connectionColumn(String[] fields) {
    int uid = Arrays.asList(fields).indexOf("uid");
    if (uid < 0 || uid + CONNECTION.size() > fields.length) {
      return -1;
    }
    for (int i = 1; i < CONNECTION.size(); i++) {
      if (!fields[uid + i].equals(CONNECTION.get(i))) {
        return -1;
      }
    }
    return uid;
  }

  /**
   * The session names of the connections a log has shown, by the stretch of a row from {@code uid}
   * to {@code id.resp_p}: each connection's rows get the same string, made once, so that finding
   * the connection's open session compares no characters (a fresh name on each row took a quarter
   * of the reading thread's time on a log of 1,000 open connections). Forgets all when it holds
   * {@link #MOST}, to stay bounded on a log of endless connections.
   */
  static final class ConnectionNames {
    static final int MOST = 1 << 14;
    private final String[] stretches = new String[MOST * 2];
    private final String[] names = new String[MOST * 2];
    private int count;

    /** The name of the connection whose columns are {@code text[from, to)}. */
    String of(String text, int from, int to) {
      int hash = 0;
      for (int i = from; i < to; i++) {
        hash = 31 * hash + text.charAt(i);
      }
      int mask = stretches.length - 1;
      for (int slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
        String known = stretches[slot];
        if (known == null) {
          if (count == MOST) {
            Arrays.fill(stretches, null);
            Arrays.fill(names, null);
            count = 0;
            return of(text, from, to);
          }
          String stretch = text.substring(from, to);
          String name = name(stretch);
          stretches[slot] = stretch;
          names[slot] = name;
          count++;
          return name;
        }
        if (known.length() == to - from && text.regionMatches(from, known, 0, to - from)) {
          return names[slot];
        }
      }
    }

    /** The name {@link Row#session} gives, from the five columns and the tabs between them. */
    private static String name(String stretch) {
      String[] parts = stretch.split("\t", -1);
      return parts[0] + ' ' + parts[1] + ':' + parts[2] + " -> " + parts[3] + ':' + parts[4];
    }
  }

  /** A Zeek value, with the unset and empty markers read as empty. */
  /** Whether anything but white space follows the value just read. */
  private static boolean followed(JsonParser parser) {
    try {
      return parser.nextToken() != null;
    } catch (IOException e) {
      return true; // text that is not even JSON
    }
  }

  /**
   * Puts the fields of a JSON object into {@code row} under Zeek's dotted names: a nested record
   * such as {@code "id": {"orig_h": ...}} (written so by some shippers) is {@code id.orig_h}; a
   * record in a field that holds a single value is kept whole, to be refused.
   */
  private static void flatten(String prefix, JsonNode object, Map<String, JsonNode> row) {
    object
        .properties()
        .forEach(
            e -> {
              String name = prefix + e.getKey();
              if (e.getValue().isObject() && !e.getValue().isEmpty() && !READ.contains(name)) {
                flatten(name + ".", e.getValue(), row);
              } else {
                row.put(name, e.getValue());
              }
            });
  }

  /**
   * A field's value as Zeek's text columns write it: a number in plain digits ({@code 1.7e9} is
   * {@code 1700000000}); {@code null} when the field is absent or JSON null (an unset field).
   */
  private static String single(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
  }

  private static String value(String raw) {
    return raw == null || raw.equals("-") || raw.equals("(empty)") ? "" : raw;
  }
}
