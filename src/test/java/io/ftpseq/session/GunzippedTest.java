package io.ftpseq.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which compressed inputs ftpseq reads: gzip, by its name or its first bytes; xz, zstd, bzip2 and
 * zip are named, with the command that decompresses them, instead of being read as text that is
 * "not an FTP transcript in any known format".
 */
class GunzippedTest {

  @Test
  void gzipIsDecompressedWhateverItsName() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write("USER anonymous\n".getBytes(StandardCharsets.US_ASCII));
    }
    try (InputStream in =
        Gunzipped.decompressed("vsftpd.log.1", new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
          .isEqualTo("USER anonymous\n");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "fd 37 7a 58 5a 00 00 04|xz-compressed, which ftpseq does not read (gzip is the one"
            + " compression it reads); decompress it first (xz -d)",
        "28 b5 2f fd 00 58 00 00|zstd-compressed, which ftpseq does not read (gzip is the one"
            + " compression it reads); decompress it first (zstd -d)",
        "42 5a 68 39 31 41 59 26|bzip2-compressed, which ftpseq does not read (gzip is the one"
            + " compression it reads); decompress it first (bunzip2)",
        "50 4b 03 04 14 00 00 00|zip-compressed, which ftpseq does not read (gzip is the one"
            + " compression it reads); decompress it first (unzip)",
      })
  void otherCompressionsAreNamedWithHowToDecompressThem(String hex, String said) {
    String[] digits = hex.split(" ");
    byte[] bytes = new byte[digits.length];
    for (int i = 0; i < digits.length; i++) {
      bytes[i] = (byte) Integer.parseInt(digits[i], 16);
    }

    assertThatThrownBy(
            () -> Gunzipped.decompressed("x.log", new ByteArrayInputStream(bytes)).read())
        .isInstanceOf(Gunzipped.Fault.class)
        .hasMessage(said);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"BZh is not bzip2 without its block size", "PK", "USER anonymous"})
  void textThatStartsLikeAMagicNumberIsText(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    try (InputStream in = Gunzipped.decompressed("x.log", new ByteArrayInputStream(bytes))) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
  }
}
