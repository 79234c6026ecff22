package org.lente.extract;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.URI;
import java.util.Locale;

/**
 * Which site a URL is on: its registrable domain by the Public Suffix List (crawler-commons' copy,
 * read from its jar), so that {@code www.repubblica.it} and {@code m.repubblica.it} are one site
 * while {@code bbc.co.uk} and {@code itv.co.uk}, or {@code a.github.io} and {@code b.github.io}, are
 * two. Hosts the list does not cover (IP addresses, {@code localhost}, unknown suffixes) are a site
 * of their own. Thread-safe.
 */
final class Sites {

  private Sites() {}

  /**
   * Whether {@code url} and {@code other} are on the same host or the same registrable domain; false
   * when either is null, not an absolute http(s) URL, or has no host.
   */
  static boolean same(String url, String other) {
    String host = host(url);
    String otherHost = host(other);
    if (host == null || otherHost == null) {
      return false;
    }
    if (host.equals(otherHost)) {
      return true;
    }
    String domain = EffectiveTldFinder.getAssignedDomain(host, true, false);
    return domain != null && domain.equals(EffectiveTldFinder.getAssignedDomain(otherHost, true, false));
  }

  private static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = URI.create(url);
      String scheme = uri.getScheme();
      if (uri.getHost() == null || !"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        return null;
      }
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
