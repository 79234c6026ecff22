package org.lente.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private static final TrustedProxies LB = TrustedProxies.parse("10.0.0.0/8, 192.168.1.5 fd00::/8");

  @Test
  void theClientIsTheRightMostAddressThatIsNotATrustedProxy() {
    assertEquals("203.0.113.9", LB.client("10.1.2.3", List.of("198.51.100.1, 203.0.113.9, 10.4.4.4")));
  }

  @Test
  void severalHeadersAreOneListInTheirOrder() {
    assertEquals("203.0.113.9", LB.client("10.1.2.3", List.of("198.51.100.1", "203.0.113.9, 192.168.1.5")));
  }

  @Test
  void fromAnUntrustedPeerTheHeaderIsIgnored() {
    assertEquals("198.51.100.7", LB.client("198.51.100.7", List.of("203.0.113.9")));
  }

  @Test
  void withoutTrustedProxiesTheClientIsThePeer() {
    assertEquals("10.1.2.3", TrustedProxies.NONE.client("10.1.2.3", List.of("203.0.113.9")));
  }

  @Test
  void ipv6BlocksAndBracketsAreUnderstood() {
    assertEquals("2001:db8::1", LB.client("fd12::1", List.of("[2001:db8::1]")));
  }

  @Test
  void aHopThatIsNoAddressIsTheClientAndNeverLookedUp() {
    assertEquals("unknown", LB.client("10.1.2.3", List.of("203.0.113.9, unknown")));
    assertEquals("localhost", LB.client("10.1.2.3", List.of("localhost")));
  }

  @Test
  void onlyTrustedHopsGiveTheLeftMostOne() {
    assertEquals("10.9.9.9", LB.client("10.1.2.3", List.of("10.9.9.9, 10.4.4.4")));
  }

  @Test
  void aBlockCoversItsPrefixOnly() {
    TrustedProxies p = TrustedProxies.parse("172.16.0.0/12");
    assertTrue(p.trusted("172.31.255.255"));
    assertEquals("172.32.0.1", p.client("172.32.0.1", List.of("203.0.113.9")));
  }

  @Test
  void badEntriesAreRefusedByName() {
    assertEquals("not an IP address or CIDR block: proxy.example",
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.1, proxy.example"))
            .getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33")).getMessage()
        .contains("10.0.0.0/33"));
  }
}
