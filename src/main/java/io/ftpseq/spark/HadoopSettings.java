package io.ftpseq.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration, carried to the executors so that they open files as the driver
 * lists them: the same file systems, credentials settings and S3 or HDFS options ({@code
 * spark.hadoop.*}).
 */
final class HadoopSettings implements Serializable {

  private static final long serialVersionUID = 1L;

  private transient Configuration configuration;

  HadoopSettings(Configuration configuration) {
    this.configuration = new Configuration(configuration);
  }

  /** The configuration. */
  Configuration configuration() {
    return configuration;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    configuration.write(out);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    configuration = new Configuration(false);
    configuration.readFields(in);
  }
}
