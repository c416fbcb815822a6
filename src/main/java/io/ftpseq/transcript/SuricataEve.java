package io.ftpseq.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.protocol.LinePatterns;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Suricata's {@code eve.json}: one JSON object per line, of which the {@code "event_type":"ftp"}
 * events are the control connection's transactions, each a command with the reply lines it got.
 *
 * <pre>
 * {"timestamp":"2023-09-28T17:43:36.099184+0000","flow_id":1988487100549589,"event_type":"ftp",
 *  "src_ip":"192.168.227.229","src_port":37522,"dest_ip":"192.168.227.13","dest_port":21,"tx_id":1,
 *  "ftp":{"command":"USER","command_data":"lopez","completion_code":["331"],
 *  "reply":["Username ok, send password."],"reply_received":"yes"}}
 * </pre>
 *
 * <p>Sessions are told apart by {@code flow_id}. Suricata logs each reply line without its code and
 * the codes apart, in {@code completion_code}; when there are as many codes as lines each line is
 * one reply, and when there are more lines than codes, all of one code, they are one multi-line
 * reply. A flow first seen after its first transactions starts mid-session, and a gap in {@code
 * tx_id} marks lines missing. A session ends at its flow's {@code "event_type":"flow"} event, which
 * Suricata writes once the flow is over (closed, timed out, or at its shutdown: {@code flow.state},
 * {@code flow.end}), or at a QUIT answered 221 or any command answered 421, after which the server
 * closes the connection; a later event of the same flow starts a new session. So a long log has its
 * sessions reported, and their memory freed, as they end. Other event types (alert, ftp_data,
 * stats) and the flow events of no FTP session (its data connections) are skipped and counted; the
 * count is reported only when the input holds no FTP event at all. The password in {@code
 * command_data} is masked like any other.
 */
public final class SuricataEve implements TranscriptFormat {

  /**
   * Made when an EVE log is first read, not when formats are listed: the mapper is slow to make.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** The commands whose {@code command_data} is a secret. */
  private static final Set<Verb> SECRET_ARGUMENTS = EnumSet.of(Verb.PASS, Verb.ACCT, Verb.ADAT);

  private static final Set<String> COMMAND_DATA = Set.of("command_data");

  private static final Pattern FTP_EVENT = LinePatterns.compile("\"event_type\"\\s*:\\s*\"ftp\"");
  private static final Pattern ANY_EVENT = LinePatterns.compile("\"event_type\"\\s*:\\s*\"");

  @Override
  public String name() {
    return "suricata";
  }

  @Override
  public int recognise(List<String> head) {
    long objects = head.stream().filter(l -> l.startsWith("{")).count();
    long other = head.stream().filter(l -> !l.isBlank() && !l.startsWith("{")).count();
    // a broken line or two (a cut write, a stray message) do not make a file another format
    boolean eve = objects > 0 && other * 4 <= objects;
    if (!eve) {
      return 0;
    }
    if (head.stream().anyMatch(l -> FTP_EVENT.matcher(l).find())) {
      return 95;
    }
    return head.stream().anyMatch(l -> ANY_EVENT.matcher(l).find()) ? 40 : 0;
  }

  @Override
  public TranscriptParser parser(String source, TranscriptSink sink) {
    return new TranscriptParser() {
      private final Map<String, Long> lastTx = new RecentSessions<>();
      // the session of each flow seen, by flow_id, until the flow ends
      private final Map<String, String> sessionOfFlow = new RecentSessions<>();
      private long ftpEvents;
      private long otherEvents;

      @Override
      public LineUse line(long number, String text) {
        if (text.isBlank()) {
          return LineUse.SKIPPED;
        }
        Source at = new Source(source, number);
        JsonNode event;
        try {
          event = Json.MAPPER.readTree(text);
        } catch (IOException e) {
          event = null;
        }
        if (event == null || !event.isObject()) {
          // the line is not quoted: a broken line may hold a password in clear
          sink.problem(TranscriptSink.SINGLE, new Problem(at, Phrase.of("problem.json.notObject")));
          return LineUse.PROBLEM;
        }
        LineFault fault = fault(event);
        if (fault != null) {
          learnPassword(text, event.path("ftp"));
          return sink.unreadableLine(
              TranscriptSink.SINGLE, at, FormatName.of("suricata"), fault, text);
        } else if (event.path("event_type").asText().equals("ftp")) {
          ftpEvents++;
          learnPassword(text, event.path("ftp"));
          String timestamp = event.path("timestamp").asText();
          String time = time(timestamp);
          if (time == null) {
            time = sink.unreadableTime(at, FormatName.of("suricata"), timestamp);
          }
          ftp(at.at(time), event);
          return LineUse.DIALOGUE;
        } else if (event.path("event_type").asText().equals("flow")) {
          String session = sessionOfFlow.get(event.path("flow_id").asText());
          if (session != null) {
            ended(event.path("flow_id").asText(), session);
            return LineUse.DIALOGUE;
          }
        }
        otherEvents++;
        return LineUse.SKIPPED;
      }

      /**
       * The flow of the session is over: nothing more comes for it, so it is reported and forgotten
       * now, not thousands of flows later or at the log's end.
       */
      private void ended(String flow, String session) {
        sessionOfFlow.remove(flow);
        lastTx.remove(session);
        sink.end(session);
      }

      /**
       * A secret the event shows ({@code PASS}, {@code ACCT} or {@code ADAT}), learnt so that a
       * quote of its line masks it: decoded, and as it stands in the line when an escape stands in
       * it, as the HTML report shows the line.
       */
      private void learnPassword(String line, JsonNode ftp) {
        if (SECRET_ARGUMENTS.contains(Verb.of(ftp.path("command").asText("")))) {
          sink.secret(ftp.path("command_data").asText(""));
          EscapedJsonValues.each(line, COMMAND_DATA, sink::secret);
        }
      }

      private void ftp(Source at, JsonNode event) {
        String session =
            "flow "
                + event.path("flow_id").asText()
                + " "
                + event.path("src_ip").asText()
                + ":"
                + event.path("src_port").asText()
                + " -> "
                + event.path("dest_ip").asText()
                + ":"
                + event.path("dest_port").asText();
        String flow = event.path("flow_id").asText();
        sessionOfFlow.put(flow, session);
        long tx = event.path("tx_id").asLong(-1);
        Long previous = lastTx.put(session, tx);
        if (previous == null && tx > 1) {
          sink.event(
              session,
              new Note(
                  at, NoteKind.START_MISSING, Phrase.of("note.detail.firstTx", Long.toString(tx))));
        } else if (previous != null && tx > previous + 1) {
          sink.event(
              session,
              new Note(
                  at,
                  NoteKind.LINES_MISSING,
                  Phrase.of("note.detail.txGap", previous.toString(), Long.toString(tx))));
        }
        JsonNode ftp = event.path("ftp");
        String command = ftp.path("command").asText("");
        if (!command.isBlank()) {
          String data = ftp.path("command_data").asText("");
          sink.command(session, at, data.isEmpty() ? command : command + " " + data);
        }
        replies(at, session, ftp);
        if (texts(ftp.path("completion_code")).stream()
            .map(ReplyCode::parse)
            .anyMatch(
                c ->
                    c != null
                        && c.closesConnection()
                        && (c.value() == 421 || Verb.of(command) == Verb.QUIT))) {
          // the server closes the connection after it, as the flow event will say later
          ended(flow, session);
        }
      }

      private void replies(Source at, String session, JsonNode ftp) {
        List<String> lines = texts(ftp.path("reply"));
        List<String> codes = texts(ftp.path("completion_code"));
        List<ReplyCode> parsed = new ArrayList<>();
        for (String code : codes) {
          ReplyCode c = ReplyCode.parse(code);
          if (c == null) {
            sink.unreadableReply(session, at, Phrase.of("problem.suricata.code"), code);
            return;
          }
          parsed.add(c);
        }
        if (lines.isEmpty()) {
          // codes without their texts: each code is a reply of its own
          for (ReplyCode code : parsed) {
            sink.event(session, new ReplyReceived(at, new Reply(code, List.of(code.toString()))));
          }
        } else if (parsed.size() == lines.size()) {
          for (int i = 0; i < parsed.size(); i++) {
            String text = (parsed.get(i) + " " + lines.get(i)).strip();
            sink.event(session, new ReplyReceived(at, new Reply(parsed.get(i), List.of(text))));
          }
        } else if (!parsed.isEmpty() && parsed.stream().distinct().count() == 1) {
          ReplyCode code = parsed.get(0);
          List<String> multi = new ArrayList<>();
          for (int i = 0; i < lines.size(); i++) {
            String prefix = i == 0 ? code + "-" : i == lines.size() - 1 ? code + " " : "";
            multi.add(prefix + lines.get(i));
          }
          sink.event(session, new ReplyReceived(at, new Reply(code, multi)));
        } else if (!parsed.isEmpty()) {
          sink.problem(
              session,
              new Problem(
                  at, Phrase.of("problem.suricata.unmatched", lines.size(), codes.toString())));
        }
      }

      @Override
      public void end(long lastLine) {
        if (ftpEvents == 0 && otherEvents > 0) {
          sink.problem(
              TranscriptSink.SINGLE,
              new Problem(new Source(source, 0), Phrase.of("problem.suricata.noFtp", otherEvents)));
        }
      }
    };
  }

  /**
   * Why an event cannot be read, or {@code null}: Suricata writes an {@code event_type} on every
   * event, and an {@code ftp} object on every ftp event.
   */
  private static LineFault fault(JsonNode event) {
    if (!event.path("event_type").isTextual()) {
      return LineFault.missing("event_type");
    } else if (event.path("event_type").asText().equals("ftp") && !event.path("ftp").isObject()) {
      return LineFault.missing("ftp");
    }
    return null;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  /**
   * Suricata's time ({@code 2023-09-28T17:43:36.099184+0000}) as ISO 8601 with a colon offset;
   * empty when there is none, {@code null} when it cannot be read ({@link LogTime#iso}).
   */
  private static String time(String timestamp) {
    String time = LogTime.iso(timestamp);
    // ends in an offset of four digits: a regular expression made for every event cost more
    if (time == null || !LineChars.fits(timestamp, timestamp.length() - 5, "+0000")) {
      return time;
    }
    int split = timestamp.length() - 2;
    return timestamp.substring(0, split) + ":" + timestamp.substring(split);
  }
}
