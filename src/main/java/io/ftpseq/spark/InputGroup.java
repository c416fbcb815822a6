package io.ftpseq.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A unit of work: one file, or one server's rotated logs read oldest first as one stream, so that a
 * session that crosses a rotation is checked whole.
 *
 * @param name the name of the group in reports: the file's name, or for rotated logs the name of
 *     the current log ({@code logs/vsftpd.log} for {@code logs/vsftpd.log.2.gz}, ...)
 * @param files the files, oldest first
 */
public record InputGroup(String name, List<InputFile> files) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Validates and copies the parts. */
  public InputGroup {
    Objects.requireNonNull(name, "name");
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("a group needs at least one file: " + name);
    }
  }

  /** A group of one file. */
  public static InputGroup of(InputFile file) {
    return new InputGroup(file.name(), List.of(file));
  }

  /** The total size of the group's files in bytes. */
  public long size() {
    return files.stream().mapToLong(InputFile::size).sum();
  }

  /** Whether the group is rotated logs, read as one stream. */
  public boolean rotated() {
    return files.size() > 1;
  }
}
