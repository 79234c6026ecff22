package org.lente.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The proxies (load balancers) whose {@code X-Forwarded-For} header is believed: addresses and CIDR
 * blocks, IPv4 or IPv6. A request's client is the right-most address of the header (all its
 * occurrences joined in order) that is not a trusted proxy, walking left only while the hop that
 * added an address is trusted; a request whose peer is not trusted is taken as coming from the
 * peer, whatever its header says (anyone can send one). Immutable and thread-safe.
 *
 * @param blocks the trusted blocks; empty: no proxy is trusted, the client is always the peer
 */
public record TrustedProxies(List<Block> blocks) {

  /** No proxy trusted: the client is the connection's peer. */
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  /** The most addresses of a header looked at (from the right); a longer chain is cut there. */
  static final int MAX_HOPS = 20;

  /** An IPv4 or IPv6 literal: digits, hex, dots and colons only, so that parsing never asks DNS. */
  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

  /**
   * A block of addresses: those whose first {@code bits} bits are {@code address}'s.
   *
   * @param address 4 or 16 bytes, its bits past {@code bits} zero
   * @param bits 0 to 32 (IPv4) or 128 (IPv6)
   */
  public record Block(byte[] address, int bits) {
    public Block {
      Objects.requireNonNull(address, "address");
      if (address.length != 4 && address.length != 16 || bits < 0 || bits > address.length * 8) {
        throw new IllegalArgumentException("bad block: " + address.length + " bytes, /" + bits);
      }
      address = address.clone();
    }

    @Override
    public byte[] address() {
      return address.clone();
    }

    /** Whether {@code ip} (4 or 16 bytes) is in this block; an IPv4 address is never in an IPv6 block. */
    boolean contains(byte[] ip) {
      if (ip.length != address.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((ip[i / 8] & mask) != (address[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Block b && bits == b.bits && Arrays.equals(address, b.address);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(address) + bits;
    }

    @Override
    public String toString() {
      try {
        return InetAddress.getByAddress(address).getHostAddress() + "/" + bits;
      } catch (UnknownHostException e) {
        throw new AssertionError("4 or 16 bytes", e);
      }
    }
  }

  public TrustedProxies {
    blocks = List.copyOf(blocks);
  }

  /**
   * The blocks of {@code text}: addresses and CIDR blocks separated by commas or spaces
   * ({@code "10.0.0.0/8, 192.168.1.5, fd00::/8"}); null or blank for none.
   *
   * @throws IllegalArgumentException naming the entry that is not an address or block
   */
  public static TrustedProxies parse(String text) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    List<Block> blocks = new ArrayList<>();
    for (String entry : text.strip().split("[,\\s]+")) {
      int slash = entry.indexOf('/');
      byte[] ip = literal(slash < 0 ? entry : entry.substring(0, slash));
      if (ip == null) {
        throw new IllegalArgumentException("not an IP address or CIDR block: " + entry);
      }
      int bits = ip.length * 8;
      if (slash >= 0) {
        try {
          bits = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          bits = -1;
        }
        if (bits < 0 || bits > ip.length * 8) {
          throw new IllegalArgumentException("bad prefix length in " + entry + " (0 to " + ip.length * 8 + ")");
        }
      }
      for (int i = bits; i < ip.length * 8; i++) {
        ip[i / 8] &= (byte) ~(0x80 >>> (i % 8));
      }
      blocks.add(new Block(ip, bits));
    }
    return new TrustedProxies(blocks);
  }

  /**
   * The client of a request that came from {@code peer} with the {@code X-Forwarded-For} header values
   * {@code forwardedFor} (in the order received; none when empty): see the class comment; an IPv6 address in
   * brackets is given without them. An entry
   * that is not an address literal ends the walk: it is taken as the client when its hop is trusted
   * (the proxy wrote it), as any proxy would pass it on.
   */
  public String client(String peer, List<String> forwardedFor) {
    if (blocks.isEmpty() || forwardedFor.isEmpty() || !trusted(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",")) {
        String h = hop.strip();
        if (h.length() > 2 && h.startsWith("[") && h.endsWith("]")) { // an IPv6 address as some proxies write it
          h = h.substring(1, h.length() - 1);
        }
        if (!h.isEmpty()) {
          hops.add(h);
        }
      }
    }
    String client = peer;
    for (int i = hops.size() - 1; i >= Math.max(0, hops.size() - MAX_HOPS); i--) {
      client = hops.get(i);
      if (!trusted(client)) {
        return client;
      }
    }
    return client; // every hop a trusted proxy: the left-most one looked at
  }

  /** Whether {@code address} (a literal) is in a trusted block; false for anything else. */
  boolean trusted(String address) {
    byte[] ip = address == null ? null : literal(address);
    return ip != null && blocks.stream().anyMatch(b -> b.contains(ip));
  }

  /**
   * The bytes of IP literal {@code text}, an IPv4-mapped IPv6 address as its
   * 4 IPv4 bytes; null when {@code text} is not a literal. Never asks DNS.
   */
  private static byte[] literal(String text) {
    String t = text.strip();
    if (!LITERAL.matcher(t).matches() || t.indexOf(':') < 0 && !t.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return null;
    }
    try {
      return InetAddress.getByName(t).getAddress(); // a literal: parsed, not looked up
    } catch (UnknownHostException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return blocks.toString();
  }
}
