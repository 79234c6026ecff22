package org.lente.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phrases found as the case-insensitive regex {@code (?i)\b(p1|p2|…)SUFFIX} finds them, with the
 * same answers, but at a fraction of the cost: the regex tries every phrase at every word
 * boundary, this tries at each word start only the phrases that begin with its letter.
 *
 * <p>Each phrase is a regex that begins with a literal lower-case letter, or with a group of such
 * phrases. Case folding is the regex's own: ASCII letters only. Thread-safe.
 */
final class Phrases {

  private final Pattern pattern;
  private final Pattern[] byAsciiLetter = new Pattern[128];
  private final Map<Character, Pattern> byOtherLetter = new HashMap<>();

  /**
   * @param alternatives the phrases as a regex alternation {@code p1|p2|…}, each phrase starting with
   *     a literal lower-case letter or a group of such phrases
   * @param suffix the regex that must follow a phrase, such as {@code \b}
   */
  Phrases(String alternatives, String suffix) {
    Map<Character, StringBuilder> groups = new LinkedHashMap<>();
    for (String phrase : phrases(alternatives)) {
      char first = phrase.isEmpty() ? '?' : phrase.charAt(0);
      if (!Character.isLetter(first) || !Character.isLowerCase(first)) {
        throw new IllegalArgumentException("phrase must start with a lower-case letter: \"" + phrase + "\"");
      }
      StringBuilder group = groups.computeIfAbsent(first, k -> new StringBuilder());
      group.append(group.isEmpty() ? "" : "|").append(phrase);
    }
    for (Map.Entry<Character, StringBuilder> g : groups.entrySet()) {
      Pattern p = compile(g.getValue().toString(), suffix);
      char c = g.getKey();
      if (c < 0x80) {
        byAsciiLetter[c] = p;
        byAsciiLetter[Character.toUpperCase(c)] = p;
      } else {
        byOtherLetter.put(c, p); // the regex folds no case outside ASCII
      }
    }
    this.pattern = compile(alternatives, suffix);
  }

  /**
   * The phrases of an alternation, each leading group spelled out: {@code (a|b) c|d} gives
   * {@code a c}, {@code b c} and {@code d}, which the regex finds alike.
   */
  private static List<String> phrases(String alternatives) {
    List<String> out = new ArrayList<>();
    for (String phrase : split(alternatives)) {
      if (phrase.startsWith("(") && !phrase.startsWith("(?")) {
        int close = closingParen(phrase);
        String rest = phrase.substring(close + 1);
        if (close < 0 || !rest.isEmpty() && "?*+{".indexOf(rest.charAt(0)) >= 0) {
          throw new IllegalArgumentException("phrase must start with a letter or a plain group: \"" + phrase + "\"");
        }
        for (String head : phrases(phrase.substring(1, close))) {
          out.addAll(phrases(head + rest));
        }
      } else {
        out.add(phrase);
      }
    }
    return out;
  }

  /** Where the group that opens {@code s} closes, or -1. */
  private static int closingParen(String s) {
    int[] depths = depths(s);
    for (int i = 1; i < s.length(); i++) {
      if (s.charAt(i) == ')' && depths[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The alternatives of {@code p1|p2|…}: split at the bars outside groups and character classes. */
  private static List<String> split(String alternatives) {
    List<String> out = new ArrayList<>();
    int[] depths = depths(alternatives);
    int start = 0;
    for (int i = 0; i < alternatives.length(); i++) {
      if (alternatives.charAt(i) == '|' && depths[i] == 0) {
        out.add(alternatives.substring(start, i));
        start = i + 1;
      }
    }
    out.add(alternatives.substring(start));
    return out;
  }

  /**
   * How many groups each character of a regex is in (a group's own brackets count as outside it);
   * -1 for escaped characters and character classes, which are no syntax.
   */
  private static int[] depths(String regex) {
    int[] out = new int[regex.length()];
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' || inClass || c == '[') {
        out[i] = -1;
        if (c == '\\' && i + 1 < regex.length()) {
          out[++i] = -1;
        } else {
          inClass = inClass ? c != ']' : c == '[';
        }
        continue;
      }
      if (c == ')') {
        depth--;
      }
      out[i] = depth;
      if (c == '(') {
        depth++;
      }
    }
    return out;
  }

  private static Pattern compile(String alternatives, String suffix) {
    return Pattern.compile("(?i)\\b(?:" + alternatives + ")" + suffix);
  }

  /** The one regex these phrases stand for. */
  Pattern pattern() {
    return pattern;
  }

  /** True when a phrase occurs in {@code text}: the same as {@code pattern().matcher(text).find()}. */
  boolean find(CharSequence text) {
    Matcher m = null;
    int n = text.length();
    for (int at = 0; at < n; at++) {
      char c = text.charAt(at);
      Pattern group;
      if (c < 0x80) {
        group = byAsciiLetter[c];
        // an ASCII letter after an ASCII letter, digit or '_' is no word boundary, whatever \b's definition
        if (group == null || at > 0 && asciiWordChar(text.charAt(at - 1))) {
          continue;
        }
      } else {
        group = byOtherLetter.get(c);
        if (group == null) {
          continue;
        }
      }
      if (m == null) {
        m = group.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      } else {
        m.usePattern(group);
      }
      if (m.region(at, n).lookingAt()) {
        return true;
      }
    }
    return false;
  }

  private static boolean asciiWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }
}
