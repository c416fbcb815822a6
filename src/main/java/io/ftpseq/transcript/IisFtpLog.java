package io.ftpseq.transcript;

import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.ReplyCode;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.util.List;
import java.util.Map;

/**
 * The FTP service of Microsoft IIS (7.5 and later), logging in the W3C extended format: a {@code
 * #Fields:} header names the columns, and each row is one command with its final status code.
 *
 * <pre>
 * #Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status sc-substatus x-session x-fullpath
 * 2023-12-29 08:01:24 10.211.55.53 - 10.211.55.52 21 USER demo 331 0 0 a7a1e257-031a-4565-a980-d046ace326fb -
 * </pre>
 *
 * <p>Sessions are told apart by {@code x-session}. {@code ControlChannelOpened} marks the start of
 * a session (IIS does not log its greeting) and {@code ControlChannelClosed} its end; a session
 * first seen at another command than {@code USER} starts mid-session. The log shows neither reply
 * texts nor intermediate replies (a transfer's 150): each command gets one reply with its final
 * code and no text, so no finding rests on a text the log does not hold. The pseudo-commands for
 * the data channel are skipped. Spaces inside a field are written as {@code +} and read back as
 * spaces; {@code -} is empty. Times are UTC, as IIS always writes them.
 */
public final class IisFtpLog implements TranscriptFormat {

  private static final Phrase FORMAT = FormatName.of("iis");

  private static final String FIELDS = "#Fields: ";

  @Override
  public String name() {
    return "iis";
  }

  @Override
  public int recognise(List<String> head) {
    boolean fields =
        head.stream()
            .anyMatch(
                l -> l.startsWith(FIELDS) && l.contains(" cs-method") && l.contains(" x-session"));
    return fields ? 95 : 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    return new TranscriptParser.ReadAhead<Read>() {
      // read ahead: the columns the last #Fields: header named
      private Columns columns;
      private final Map<String, Boolean> started = new RecentSessions<>();

      @Override
      public Read ahead(String text) {
        if (text.startsWith(FIELDS)) {
          columns = new Columns(List.of(text.substring(FIELDS.length()).strip().split(" ")));
          return SKIPPED;
        } else if (text.startsWith("#") || text.isBlank()) {
          return SKIPPED;
        } else if (columns == null) {
          return NO_FIELDS;
        }
        return columns.row(text);
      }

      @Override
      public LineUse line(long number, String text, Read read) {
        Source at = new Source(source, number);
        if (read == NO_FIELDS) {
          // not quoted: a line of another format may hold a password in a shape no mask knows
          sink.problem(TranscriptSink.SINGLE, new Problem(at, Phrase.of("problem.iis.noFields")));
          return LineUse.PROBLEM;
        } else if (read instanceof Miscounted row) {
          sink.problem(
              TranscriptSink.SINGLE,
              new Problem(at, Phrase.of("problem.iis.fields", row.values(), row.fields())));
          return LineUse.PROBLEM;
        }
        if (!(read instanceof Row row)) {
          return LineUse.SKIPPED;
        }
        String time = row.time();
        if (time == null) {
          time = sink.unreadableTime(at, FORMAT, row.writtenTime());
        }
        return row(at.at(time), row, text);
      }

      private LineUse row(Source at, Row row, String text) {
        String method = row.method();
        String session = row.session();
        boolean first = started.putIfAbsent(session, true) == null;
        if (method.equals("ControlChannelOpened")) {
          sink.event(session, new Note(at, NoteKind.CONNECTED, "ControlChannelOpened"));
          return LineUse.DIALOGUE;
        } else if (method.equals("ControlChannelClosed")) {
          started.remove(session);
          sink.end(session);
          return LineUse.DIALOGUE;
        } else if (first && !method.equalsIgnoreCase("USER")) {
          sink.event(
              session, new Note(at, NoteKind.START_MISSING, Phrase.of("note.detail.midSession")));
        }
        if (method.isEmpty()) {
          // every row IIS writes names its command or event: a row without one may be a lost
          // command
          return sink.unreadableLine(session, at, FORMAT, LineFault.missing("cs-method"), text);
        } else if (method.startsWith("DataChannel")) {
          return LineUse.SKIPPED; // the data channel's pseudo-commands
        }
        String argument = row.argument();
        sink.command(session, at, argument.isEmpty() ? method : method + " " + argument);
        String status = row.status();
        ReplyCode code = ReplyCode.parse(status);
        if (code != null) {
          sink.event(session, new ReplyReceived(at, new Reply(code, List.of(code.toString()))));
        } else if (!status.isEmpty()) {
          sink.unreadableReply(session, at, Phrase.of("problem.iis.status"), status);
          sink.event(session, new Note(at, NoteKind.UNREADABLE_REPLY, ""));
          return LineUse.PROBLEM;
        }
        return LineUse.DIALOGUE;
      }

      @Override
      public void end(long lastLine) {
        // every row is complete in itself
      }
    };
  }

  /**
   * What one line of the log shows by itself, read ahead of the sessions: {@link #SKIPPED}, {@link
   * #NO_FIELDS}, a row {@link Miscounted} or a {@link Row}.
   */
  private sealed interface Read permits Marker, Miscounted, Row {}

  /** A line with nothing to read. */
  private record Marker(String what) implements Read {}

  /** A header, a comment or a blank line. */
  private static final Read SKIPPED = new Marker("skipped");

  /** A row before any {@code #Fields:} header. */
  private static final Read NO_FIELDS = new Marker("no fields");

  /**
   * A row with more or fewer values than its header names fields.
   *
   * @param values how many values the row has
   * @param fields how many fields the header names
   */
  private record Miscounted(int values, int fields) implements Read {}

  /**
   * A row's values that a check uses, {@code -} read as empty and {@code +} as a space.
   *
   * @param time the row's UTC time as ISO 8601, empty when the row has no date and time, {@code
   *     null} when they cannot be read
   * @param writtenTime the row's date and time as written
   * @param session {@code x-session} and {@code c-ip}, which tell the sessions apart
   * @param method {@code cs-method}: the command's verb or a pseudo-command
   * @param argument {@code cs-uri-stem}: the command's argument
   * @param status {@code sc-status}: the final reply's code
   */
  private record Row(
      String time,
      String writtenTime,
      String session,
      String method,
      String argument,
      String status)
      implements Read {}

  /** The columns a {@code #Fields:} header names, and where those a check uses are. */
  private static final class Columns {
    private final int count;
    private final int date;
    private final int time;
    private final int client;
    private final int session;
    private final int method;
    private final int argument;
    private final int status;

    Columns(List<String> fields) {
      count = fields.size();
      // of a field named twice, the last column counts
      date = fields.lastIndexOf("date");
      time = fields.lastIndexOf("time");
      client = fields.lastIndexOf("c-ip");
      session = fields.lastIndexOf("x-session");
      method = fields.lastIndexOf("cs-method");
      argument = fields.lastIndexOf("cs-uri-stem");
      status = fields.lastIndexOf("sc-status");
    }

    /** The row of a line under this header. */
    Read row(String text) {
      // one space between fields; a trailing empty field is kept, as IIS writes "-" for none
      String[] values = text.strip().split(" ", -1);
      if (values.length != count) {
        return new Miscounted(values.length, count);
      }
      String date = value(values, this.date);
      String time = value(values, this.time);
      return new Row(
          date.isEmpty() || time.isEmpty() ? "" : LogTime.iso(date + "T" + time + "Z"),
          date + " " + time,
          (value(values, session) + " " + value(values, client)).strip(),
          value(values, method),
          value(values, argument),
          value(values, status));
    }

    /** The value in a column, or empty when there is no such column. */
    private static String value(String[] values, int column) {
      if (column < 0) {
        return "";
      }
      String value = values[column];
      return value.equals("-") ? "" : value.replace('+', ' ');
    }
  }
}
