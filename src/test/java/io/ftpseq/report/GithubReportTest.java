package io.ftpseq.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GithubReportTest {

  @Test
  void messageEscapingKeepsACommandOnOneLine() {
    assertThat(GithubReport.data("50% done\r\nnext")).isEqualTo("50%25 done%0D%0Anext");
  }

  @Test
  void propertyEscapingAlsoHidesColonsAndCommas() {
    assertThat(GithubReport.property("C:\\logs\\a,b.txt")).isEqualTo("C%3A\\logs\\a%2Cb.txt");
  }
}
