package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "127.0.0.1:53498 -> 127.0.0.1:42675 | 127.0.0.1 | 127.0.0.1",
        "[2001:470::6b88]:58895 -> [2400:3000:20:100::46]:21 | 2001:470::6b88 | 2400:3000:20:100::46",
        "CHhAvVGS1DHFjwGM9 2001:470:1f05::6b88:58895 -> 2400:3000:20:100::46:21 | 2001:470:1f05::6b88 | 2400:3000:20:100::46",
        "flow 1234 10.0.0.7:50310 -> 10.0.0.2:21 | 10.0.0.7 | 10.0.0.2",
        "127.0.0.1 pid 17062 | 127.0.0.1 | -",
        "::ffff:67.227.224.66 pid 11864 | ::ffff:67.227.224.66 | -",
        "connection 000002 192.168.1.20 | 192.168.1.20 | -",
        "3f1c6a0e-5b2d-4e8a-9c31-7d2f4a6b8e10 10.0.0.7 | 10.0.0.7 | -",
        "pid 21308 | - | -",
        "connection 1 | - | -",
        "'' | - | -"
      })
  void addressesComeFromTheSessionName(String session, String client, String server) {
    assertThat(Endpoints.of(session)).isEqualTo(new Endpoints(client, server));
  }
}
