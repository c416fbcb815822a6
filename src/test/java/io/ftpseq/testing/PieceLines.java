package io.ftpseq.testing;

import java.util.Random;
import java.util.stream.Stream;

/**
 * Lines made of a format's pieces at random, for tests that compare a fast reading of a line with
 * the pattern it stands for: the same seed gives the same lines.
 */
public final class PieceLines {

  private PieceLines() {}

  /**
   * {@code count} lines, each of one to {@code mostPieces} pieces drawn at random.
   *
   * @param seed the random numbers' seed
   */
  public static Stream<String> of(String[] pieces, long seed, int count, int mostPieces) {
    Random random = new Random(seed);
    return Stream.generate(
            () -> {
              StringBuilder line = new StringBuilder();
              for (int n = 1 + random.nextInt(mostPieces); n > 0; n--) {
                line.append(pieces[random.nextInt(pieces.length)]);
              }
              return line.toString();
            })
        .limit(count);
  }
}
