package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Addresses of data connections are read strictly: anything malformed is refused, not passed on.
 */
class DataAddressTest {

  @Test
  void portArgumentGivesHostAndPort() {
    DataAddress.Parsed parsed = DataAddress.port("127,0,0,1,195,80");
    assertThat(parsed.address()).isEqualTo(new InetSocketAddress("127.0.0.1", 195 * 256 + 80));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "127,0,0,1,195",
        "127,0,0,1,195,80,1",
        "127,0,0,256,1,1",
        "127,0,0,1,1,300",
        "127.0.0.1,1,1",
        "127,0,0,1,0,0",
        "a,b,c,d,e,f",
        "127,0,0,1,+1,1",
        "127, 0,0,1,1,1"
      })
  void malformedPortArgumentIsRefusedWithTheTextQuoted(String argument) {
    DataAddress.Parsed parsed = DataAddress.port(argument);
    assertThat(parsed.ok()).isFalse();
    assertThat(parsed.error().english()).contains(argument);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "227 Entering Passive Mode (127,0,0,1,999,1).",
        "227 Entering Passive Mode (127,0,0,1,0,0)."
      })
  void malformedPassiveReplyIsQuotedOnceAsTheServerSentIt(String reply) {
    DataAddress.Parsed parsed = DataAddress.passiveReply(reply);
    assertThat(parsed.ok()).isFalse();
    assertThat(parsed.error().english())
        .endsWith(" in \"" + reply + "\"")
        .doesNotContain("227 227");
  }

  @ParameterizedTest
  @CsvSource({
    "'|1|127.0.0.1|5282|', 127.0.0.1, 5282",
    "'!1!127.0.0.1!5282!', 127.0.0.1, 5282",
    "'|2|::1|5282|', ::1, 5282",
    "'|2|fe80::1|65535|', fe80::1, 65535"
  })
  void extendedPortArgumentGivesHostAndPort(String argument, String host, int port)
      throws Exception {
    DataAddress.Parsed parsed = DataAddress.extendedPort(argument);
    assertThat(parsed.address())
        .isEqualTo(new InetSocketAddress(InetAddress.getByName(host), port));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "|3|127.0.0.1|5282|",
        "|1|example.com|5282|",
        "|1|localhost|5282|",
        "|2|127.0.0.1|5282|",
        "|1|::1|5282|",
        "|1|127.0.0.1|0|",
        "|1|127.0.0.1|65536|",
        "|1|127.0.0.1|52x2|",
        "|1|127.0.0.1|5282",
        "|1|127.0.0.300|5282|",
        "|1|127.0.0.1|5282|extra|",
        " 1|127.0.0.1|5282|"
      })
  void malformedExtendedPortArgumentIsRefused(String argument) {
    assertThat(DataAddress.extendedPort(argument).ok()).isFalse();
  }

  @Test
  void passiveReplyIsReadFromTheFirstSixNumbersWhereverTheyStand() {
    assertThat(DataAddress.passiveReply("Entering Passive Mode (10,1,2,3,4,5).").address())
        .isEqualTo(new InetSocketAddress("10.1.2.3", 1029));
    assertThat(DataAddress.passiveReply("=10,1,2,3,4,5").address())
        .isEqualTo(new InetSocketAddress("10.1.2.3", 1029));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Entering Passive Mode", "(10,1,2,3,4)", "(10,1,2,3,4,999)"})
  void malformedPassiveReplyIsRefused(String text) {
    assertThat(DataAddress.passiveReply(text).ok()).isFalse();
  }

  @Test
  void extendedPassiveReplyGivesThePortOnTheControlHost() throws Exception {
    InetAddress host = InetAddress.getByName("127.0.0.1");
    assertThat(DataAddress.extendedPassiveReply("Entering (|||6446|)", host).address())
        .isEqualTo(new InetSocketAddress(host, 6446));
    assertThat(DataAddress.extendedPassiveReply("ok (!!!6446!)", host).ok()).isTrue();
    assertThat(DataAddress.extendedPassiveReply("ok (|||6446!)", host).ok()).isFalse();
    assertThat(DataAddress.extendedPassiveReply("ok (|||99999|)", host).ok()).isFalse();
    assertThat(DataAddress.extendedPassiveReply("ok", host).ok()).isFalse();
  }

  @Test
  void repliesAreRewrittenKeepingTheRestOfTheirText() {
    InetSocketAddress proxy = new InetSocketAddress("127.0.0.1", 40000);
    assertThat(DataAddress.rewritePassive("Entering Passive Mode (10,1,2,3,4,5).", proxy))
        .isEqualTo("Entering Passive Mode (127,0,0,1,156,64).");
    assertThat(DataAddress.rewriteExtendedPassive("229 Entering (|||6446|)", 40000))
        .isEqualTo("229 Entering (|||40000|)");
    assertThat(DataAddress.extended(proxy)).isEqualTo("|1|127.0.0.1|40000|");
    assertThat(DataAddress.six(proxy)).isEqualTo("127,0,0,1,156,64");
  }

  @ParameterizedTest
  @CsvSource({
    "0:0:0:0:0:0:0:1, '|2|::1|40000|'",
    "2001:db8:0:0:1:0:0:1, '|2|2001:db8::1:0:0:1|40000|'",
    "2001:0db8:0:0:0:0:0:0001, '|2|2001:db8::1|40000|'",
    "1:0:0:2:0:0:0:3, '|2|1:0:0:2::3|40000|'",
    "2001:db8:0:1:1:1:1:1, '|2|2001:db8:0:1:1:1:1:1|40000|'"
  })
  void eprtWritesAnIpv6AddressAsRfc5952Has(String address, String eprt) throws Exception {
    InetSocketAddress proxy = new InetSocketAddress(InetAddress.getByName(address), 40000);
    assertThat(DataAddress.extended(proxy)).isEqualTo(eprt);
  }
}
