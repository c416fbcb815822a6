package io.ftpseq.testing.servers;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RealServerTest {

  @Test
  void embeddedServerIsAlwaysAvailable() {
    assertThatCode(() -> RealServer.APACHE_FTPSERVER.requireAvailable(true))
        .doesNotThrowAnyException();
  }

  @Test
  void missingServerIsSkippedWithTheInstallScriptNamed() {
    assertThatThrownBy(() -> RealServer.require("vsftpd", Optional.of("no binary"), false))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("vsftpd is not installed (no binary)")
        .hasMessageContaining("scripts/install-ftp-servers");
  }

  @Test
  void missingServerFailsWhenServersAreRequired() {
    assertThatThrownBy(() -> RealServer.require("vsftpd", Optional.of("no binary"), true))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("FTPSEQ_REQUIRE_SERVERS=1");
  }
}
