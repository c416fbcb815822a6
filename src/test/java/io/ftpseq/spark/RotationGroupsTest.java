package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RotationGroupsTest {

  private static InputFile file(String name) {
    return new InputFile("file:/" + name, name, 10);
  }

  private static List<List<String>> names(List<InputGroup> groups) {
    return groups.stream().map(g -> g.files().stream().map(InputFile::name).toList()).toList();
  }

  @Test
  void numberedGenerationsAreReadOldestFirstAndTheCurrentLogLast() {
    List<InputGroup> groups =
        RotationGroups.group(
            List.of(
                file("a/vsftpd.log"),
                file("a/vsftpd.log.1"),
                file("a/vsftpd.log.10.gz"),
                file("a/vsftpd.log.2.gz")));
    assertThat(names(groups))
        .containsExactly(
            List.of("a/vsftpd.log.10.gz", "a/vsftpd.log.2.gz", "a/vsftpd.log.1", "a/vsftpd.log"));
    assertThat(groups.get(0).name()).isEqualTo("a/vsftpd.log");
    assertThat(groups.get(0).rotated()).isTrue();
  }

  @Test
  void datedGenerationsAreReadByDate() {
    assertThat(
            names(
                RotationGroups.group(
                    List.of(
                        file("x/ftp.log"),
                        file("x/ftp.log-20261123.gz"),
                        file("x/ftp.log-20261122")))))
        .containsExactly(List.of("x/ftp.log-20261122", "x/ftp.log-20261123.gz", "x/ftp.log"));
  }

  @Test
  void logsOfOtherDirectoriesOrNamesStayApart() {
    assertThat(
            names(
                RotationGroups.group(
                    List.of(
                        file("a/ftp.log.1"),
                        file("b/ftp.log"),
                        file("a/other.log"),
                        file("a/ftp.log.gz.bak"),
                        file("a/seed.12")))))
        .containsExactly(
            List.of("a/ftp.log.1"),
            List.of("a/ftp.log.gz.bak"),
            List.of("a/other.log"),
            List.of("a/seed.12"),
            List.of("b/ftp.log"));
  }

  @Test
  void withoutRotationEveryFileIsAlone() {
    assertThat(names(RotationGroups.single(List.of(file("a/ftp.log.1"), file("a/ftp.log")))))
        .containsExactly(List.of("a/ftp.log"), List.of("a/ftp.log.1"));
  }
}
