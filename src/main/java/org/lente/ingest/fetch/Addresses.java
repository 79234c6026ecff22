package org.lente.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Which IP addresses are on the public internet, for refusing requests that would reach inside. */
public final class Addresses {

  private Addresses() {}

  /**
   * False for addresses a request from outside must never reach: loopback (127/8, ::1), any-local
   * (0.0.0.0, ::), "this network" 0/8, private (10/8, 172.16/12, 192.168/16), carrier-grade NAT
   * (100.64/10), link-local (169.254/16 with the cloud metadata service, fe80::/10), IETF
   * protocol assignments (192.0.0/24), benchmarking (198.18/15), documentation ranges, reserved
   * (240/4) and broadcast, multicast, IPv6 unique-local (fc00::/7) and site-local (fec0::/10);
   * and IPv6 addresses that embed one of these IPv4 addresses (IPv4-mapped and -compatible,
   * NAT64 64:ff9b::/96, 6to4 2002::/16).
   */
  public static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicV4(b);
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return false; // fc00::/7 unique local
      }
      if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
        return false; // 2001:db8::/32 documentation
      }
      byte[] embedded = embeddedV4(b);
      return embedded == null || isPublicV4(embedded);
    }
    return false;
  }

  private static boolean isPublicV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    return !(a0 == 0 || a0 == 10 || a0 == 127
        || a0 == 100 && (a1 & 0xc0) == 64 // 100.64/10 carrier-grade NAT
        || a0 == 169 && a1 == 254
        || a0 == 172 && (a1 & 0xf0) == 16
        || a0 == 192 && a1 == 168
        || a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2) // protocol assignments, TEST-NET-1
        || a0 == 198 && (a1 & 0xfe) == 18 // benchmarking
        || a0 == 198 && a1 == 51 && a2 == 100 // TEST-NET-2
        || a0 == 203 && a1 == 0 && a2 == 113 // TEST-NET-3
        || a0 >= 224); // multicast, reserved, broadcast
  }

  /** The IPv4 address inside an IPv6 address that carries one, else null. */
  private static byte[] embeddedV4(byte[] b) {
    boolean zeros80 = true;
    for (int i = 0; i < 10; i++) {
      zeros80 &= b[i] == 0;
    }
    if (zeros80 && ((b[10] == 0 && b[11] == 0) || ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff))) {
      return new byte[] {b[12], b[13], b[14], b[15]}; // ::a.b.c.d and ::ffff:a.b.c.d
    }
    if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      boolean rest = true;
      for (int i = 4; i < 12; i++) {
        rest &= b[i] == 0;
      }
      if (rest) {
        return new byte[] {b[12], b[13], b[14], b[15]}; // 64:ff9b::/96 NAT64
      }
    }
    if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
      return new byte[] {b[2], b[3], b[4], b[5]}; // 2002::/16 6to4
    }
    return null;
  }
}
