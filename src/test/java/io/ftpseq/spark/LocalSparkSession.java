package io.ftpseq.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local Spark session for every test class of the JVM that asks for one, as a {@link
 * SparkSession} parameter: {@value #MASTER}, bound to 127.0.0.1 with no web UI and few shuffle
 * partitions, started on first use and stopped when the test run ends. Starting Spark and compiling
 * its first queries costs more than the tests' own work, so no test starts a session of its own.
 *
 * <p>A JVM holds one Spark context at a time: a test that must compare masters asks for {@link
 * Sessions} and switches with {@link Sessions#on}; the next test that asks for a session gets
 * {@value #MASTER} again.
 */
final class LocalSparkSession implements ParameterResolver {

  /** The master of the shared session: two cores, as a small machine has. */
  static final String MASTER = "local[2]";

  /** The running session and its master, switched only when a test asks for another master. */
  static final class Sessions implements AutoCloseable {
    private SparkSession current;
    private String master;

    /** The session on the given master, stopping the running one if it is on another. */
    synchronized SparkSession on(String master) {
      if (current != null && master.equals(this.master) && !current.sparkContext().isStopped()) {
        return current;
      }
      close();
      current =
          LocalSpark.builder(master).config("spark.sql.shuffle.partitions", "2").getOrCreate();
      this.master = master;
      return current;
    }

    @Override
    public synchronized void close() {
      if (current != null) {
        current.stop();
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
        current = null;
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == SparkSession.class || type == Sessions.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Sessions sessions =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.create(LocalSparkSession.class))
            .getOrComputeIfAbsent(Sessions.class, k -> new Sessions(), Sessions.class);
    return parameter.getParameter().getType() == Sessions.class ? sessions : sessions.on(MASTER);
  }
}
