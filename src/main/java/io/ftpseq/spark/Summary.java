package io.ftpseq.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Tuple2;

/**
 * The summary table: findings counted by severity per rule and per day (from the findings), and
 * sessions with their findings per server and per client (from the sessions). A server is the
 * address the session's name gives, else the input it came from, since a server log is one
 * server's; a client is the address the name gives, and sessions with none are left out of that
 * dimension.
 *
 * <p>Each task counts its own rows and one shuffle adds the counts up: a job of its own, not a
 * query per dimension. The sessions with findings of a rule or day are counted distinct within a
 * task and summed across tasks, which is exact because an input, and so each of its sessions, is
 * checked by one task.
 */
final class Summary {

  /** The dimensions, in the order the Markdown summary shows them. */
  static final List<String> DIMENSIONS = List.of("rule", "server", "client", "day");

  private static final int F_INPUT = Tables.FINDINGS.fieldIndex("input");
  private static final int F_SESSION = Tables.FINDINGS.fieldIndex("session");
  private static final int F_RULE = Tables.FINDINGS.fieldIndex("rule");
  private static final int F_SEVERITY = Tables.FINDINGS.fieldIndex("severity");
  private static final int F_DAY = Tables.FINDINGS.fieldIndex("day");
  private static final int S_INPUT = Tables.SESSIONS.fieldIndex("input");
  private static final int S_CLIENT = Tables.SESSIONS.fieldIndex("client");
  private static final int S_SERVER = Tables.SESSIONS.fieldIndex("server");
  private static final int S_ERRORS = Tables.SESSIONS.fieldIndex("errors");
  private static final int S_WARNINGS = Tables.SESSIONS.fieldIndex("warnings");
  private static final int S_INFOS = Tables.SESSIONS.fieldIndex("infos");

  /** Where each count is in a row of the table, after the dimension and the value. */
  private static final int SESSIONS = 0;

  private static final int FINDINGS = 1;
  private static final int ERRORS = 2;
  private static final int WARNINGS = 3;
  private static final int INFOS = 4;

  /** One row of the table: a value of a dimension. */
  private record Key(String dimension, String value) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private Summary() {}

  /** The rows of {@link Tables#SUMMARY} for a run's results, in no particular order. */
  static List<Row> table(JavaRDD<GroupResult> results) {
    return results
        .flatMapToPair(Summary::counts)
        .reduceByKey(Summary::plus)
        .map(e -> row(e._1(), e._2()))
        .collect();
  }

  /** One task's counts. */
  private static Iterator<Tuple2<Key, long[]>> counts(GroupResult result) {
    Map<Key, long[]> counts = new HashMap<>();
    Map<Key, Set<List<String>>> sessionsWithFindings = new HashMap<>();
    for (Row finding : result.findings()) {
      List<String> session = List.of(finding.getString(F_INPUT), finding.getString(F_SESSION));
      String severity = finding.getString(F_SEVERITY);
      add(
          counts,
          sessionsWithFindings,
          new Key("rule", finding.getString(F_RULE)),
          session,
          severity);
      if (!finding.isNullAt(F_DAY)) {
        add(
            counts,
            sessionsWithFindings,
            new Key("day", finding.getString(F_DAY)),
            session,
            severity);
      }
    }
    sessionsWithFindings.forEach((key, sessions) -> counts.get(key)[SESSIONS] = sessions.size());
    for (Row session : result.sessions()) {
      String server =
          session.isNullAt(S_SERVER) ? session.getString(S_INPUT) : session.getString(S_SERVER);
      add(counts, new Key("server", server), session);
      if (!session.isNullAt(S_CLIENT)) {
        add(counts, new Key("client", session.getString(S_CLIENT)), session);
      }
    }
    List<Tuple2<Key, long[]>> pairs = new ArrayList<>();
    counts.forEach((key, value) -> pairs.add(new Tuple2<>(key, value)));
    return pairs.iterator();
  }

  private static void add(
      Map<Key, long[]> counts,
      Map<Key, Set<List<String>>> sessions,
      Key key,
      List<String> session,
      String severity) {
    long[] count = counts.computeIfAbsent(key, k -> new long[5]);
    sessions.computeIfAbsent(key, k -> new HashSet<>()).add(session);
    count[FINDINGS]++;
    switch (severity) {
      case "error" -> count[ERRORS]++;
      case "warning" -> count[WARNINGS]++;
      default -> count[INFOS]++;
    }
  }

  private static void add(Map<Key, long[]> counts, Key key, Row session) {
    long[] count = counts.computeIfAbsent(key, k -> new long[5]);
    count[SESSIONS]++;
    count[ERRORS] += session.getLong(S_ERRORS);
    count[WARNINGS] += session.getLong(S_WARNINGS);
    count[INFOS] += session.getLong(S_INFOS);
    count[FINDINGS] +=
        session.getLong(S_ERRORS) + session.getLong(S_WARNINGS) + session.getLong(S_INFOS);
  }

  private static long[] plus(long[] a, long[] b) {
    long[] sum = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      sum[i] = a[i] + b[i];
    }
    return sum;
  }

  private static Row row(Key key, long[] count) {
    return RowFactory.create(
        key.dimension(),
        key.value(),
        count[SESSIONS],
        count[FINDINGS],
        count[ERRORS],
        count[WARNINGS],
        count[INFOS]);
  }
}
