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
 * @param order its place among the inputs as {@code ftpseq check} reads them (the names in the
 *     order given, a directory's files in name order), by which the findings are listed
 * @param mayBeReport whether it may yet be a text report ftpseq wrote, gzip-compressed, which only
 *     its end tells ({@link io.ftpseq.listing.InputWalk.Found#mayBeReport})
 */
public record InputFile(String path, String name, long size, int order, boolean mayBeReport)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Validates the parts. */
  public InputFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    if (size < 0) {
      throw new IllegalArgumentException("size must be 0 or more, not " + size);
    }
  }

  /** A file that is no report, first among the inputs. */
  public InputFile(String path, String name, long size) {
    this(path, name, size, 0, false);
  }

  /** Whether the file is gzip-compressed, judged by its name as {@code ftpseq check} judges it. */
  public boolean gzipped() {
    return name.endsWith(".gz");
  }
}
