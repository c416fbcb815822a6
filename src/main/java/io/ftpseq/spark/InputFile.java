package io.ftpseq.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * One file to check.
 *
 * @param path where Hadoop opens it: a fully qualified URI such as {@code file:/logs/vsftpd.log} or
 *     {@code hdfs://nn/logs/vsftpd.log}
 * @param name how reports name it: as the user gave it, or under the directory the user gave, as
 *     {@code ftpseq check} names it
 * @param size its size in bytes (compressed, for a {@code .gz} file)
 */
public record InputFile(String path, String name, long size) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Validates the parts. */
  public InputFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    if (size < 0) {
      throw new IllegalArgumentException("size must be 0 or more, not " + size);
    }
  }

  /** Whether the file is gzip-compressed, judged by its name as {@code ftpseq check} judges it. */
  public boolean gzipped() {
    return name.endsWith(".gz");
  }
}
