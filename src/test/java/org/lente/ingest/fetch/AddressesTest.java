package org.lente.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesTest {

  @ParameterizedTest
  @CsvSource({
      "93.184.215.14, true",
      "8.8.8.8, true",
      "2606:4700:4700::1111, true",
      "127.0.0.1, false",
      "127.1.2.3, false",
      "::1, false",
      "0.0.0.0, false",
      "::, false",
      "10.1.2.3, false",
      "172.16.0.1, false",
      "172.31.255.255, false",
      "172.32.0.1, true",
      "192.168.1.1, false",
      "100.64.0.1, false",
      "100.127.255.255, false",
      "100.128.0.1, true",
      "169.254.169.254, false",
      "224.0.0.1, false",
      "255.255.255.255, false",
      "198.18.0.1, false",
      "fc00::1, false",
      "fd12:3456::1, false",
      "fe80::1, false",
      "ff02::1, false",
      "::ffff:127.0.0.1, false",
      "::ffff:10.0.0.1, false",
      "64:ff9b::a00:1, false",
      "2002:c0a8:101::1, false",
      "2002:5db8:d70e::1, true",
  })
  void publicOrNot(String ip, boolean expected) throws UnknownHostException {
    assertEquals(expected, Addresses.isPublic(InetAddress.getByName(ip)), ip);
  }
}
