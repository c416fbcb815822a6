package io.ftpseq.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local Spark session for every test of the run that asks for one: started on first use (a few
 * seconds), bound to 127.0.0.1 with no web UI, and stopped when the test run ends.
 */
final class LocalSparkSession implements ParameterResolver {

  /** Stops the session when JUnit closes its root store at the end of the run. */
  private record Stopper(SparkSession spark) implements AutoCloseable {
    @Override
    public void close() {
      spark.stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(LocalSparkSession.class))
        .getOrComputeIfAbsent(
            "spark",
            k ->
                new Stopper(
                    LocalSpark.builder("local[2]")
                        .config("spark.sql.shuffle.partitions", "4")
                        .getOrCreate()),
            Stopper.class)
        .spark();
  }
}
