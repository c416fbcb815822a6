package io.ftpseq.listing;

import io.ftpseq.session.Phrase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a name in the file system is, as far as reading it as an input goes: a FIFO can be read
 * once, when someone writes into it; a socket cannot be read as a file at all. Java names only
 * regular files, directories, links and "other"; the kinds of "other" come from the Unix mode bits
 * where the platform gives them.
 */
public enum FileKind {
  REGULAR_FILE,
  DIRECTORY,
  FIFO,
  SOCKET,
  CHARACTER_DEVICE,
  BLOCK_DEVICE,
  OTHER;

  private static final int TYPE_BITS = 0170000;
  private static final int FIFO_BITS = 0010000;
  private static final int CHARACTER_DEVICE_BITS = 0020000;
  private static final int BLOCK_DEVICE_BITS = 0060000;
  private static final int SOCKET_BITS = 0140000;

  /** How a message names this kind: {@code "a FIFO (named pipe)"} in English. */
  public Phrase description() {
    return Phrase.of("kind." + name());
  }

  /**
   * The kind of file {@code path} names, following a symbolic link.
   *
   * @throws IOException when it does not exist or cannot be looked at
   */
  public static FileKind of(Path path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    if (attributes.isRegularFile()) {
      return REGULAR_FILE;
    }
    if (attributes.isDirectory()) {
      return DIRECTORY;
    }
    return ofModeBits(path);
  }

  private static FileKind ofModeBits(Path path) {
    Object mode;
    try {
      mode = Files.getAttribute(path, "unix:mode");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return OTHER; // not a Unix file system: Java cannot tell the kinds of "other" apart
    }
    return switch (((Integer) mode) & TYPE_BITS) {
      case FIFO_BITS -> FIFO;
      case SOCKET_BITS -> SOCKET;
      case CHARACTER_DEVICE_BITS -> CHARACTER_DEVICE;
      case BLOCK_DEVICE_BITS -> BLOCK_DEVICE;
      default -> OTHER;
    };
  }
}
