package org.lente.ingest.source;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.lente.ingest.Charsets;

/**
 * XML parsing that cannot be turned against the machine it runs on: no DTD is processed, no
 * external entity or DTD is ever fetched, and the JDK's entity-expansion limits are set on top.
 *
 * <p>An XXE document ({@code <!ENTITY xxe SYSTEM "file:///etc/passwd">}) or a billion-laughs
 * document therefore never reads a file or expands anything: its entity references are kept as
 * literal text ({@code "&xxe;"}) with a warning. The same pre-pass makes real feeds readable:
 * HTML entities that RSS 0.91 feeds borrow from their DTD ({@code &eacute;}) become the characters
 * they name, and a bare {@code &} (an unescaped URL query) is escaped, each with a warning.
 *
 * <p>Bytes are decoded before parsing, by {@link Charsets} (byte-order mark, the XML
 * declaration's encoding, else UTF-8 when valid, else windows-1252), so a feed that lies about its
 * encoding still parses.
 */
public final class SafeXml {

  private static final String ENTITY_EXPANSION_LIMIT = "jdk.xml.entityExpansionLimit";
  private static final String TOTAL_ENTITY_SIZE_LIMIT = "jdk.xml.totalEntitySizeLimit";
  private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

  /** Element nesting deeper than this is an error: no feed or sitemap nests more than a few levels. */
  static final int MAX_DEPTH = 256;

  private SafeXml() {}

  /**
   * A new StAX factory (the JDK's built-in one, whatever else is on the classpath) with DTDs and external entities disabled, external DTD and schema access
   * refused, entity expansion limited, and coalesced text. Factories are not shared between
   * threads; make one per use.
   */
  public static XMLInputFactory newInputFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory(); // the JDK's own: it honours the jdk.xml limits
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setProperty(ENTITY_EXPANSION_LIMIT, "1000");
    factory.setProperty(TOTAL_ENTITY_SIZE_LIMIT, "1000000");
    factory.setProperty(MAX_ELEMENT_DEPTH, Integer.toString(MAX_DEPTH));
    factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("external entity refused: " + systemId);
    });
    return factory;
  }

  /**
   * Decodes {@code bytes} and opens a reader on them, positioned at the root element's start.
   *
   * @param warnings receives what was repaired or ignored (a DTD, undeclared entities, the charset)
   * @throws SourceFormatException when there is no root element (empty input, not XML)
   */
  public static XMLStreamReader open(byte[] bytes, List<String> warnings) throws SourceFormatException {
    Charsets.Decoded decoded = Charsets.decode(bytes, null);
    if (decoded.warning() != null) {
      warnings.add(decoded.warning());
    }
    String text = escapeUndeclaredEntities(decoded.text(), warnings);
    try {
      XMLStreamReader reader = new Guarded(newInputFactory().createXMLStreamReader(new StringReader(text)));
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          return reader;
        }
        if (event == XMLStreamConstants.DTD) {
          warnings.add("the document's DTD was ignored: DTDs and external entities are never processed");
        }
      }
      throw new SourceFormatException("no XML root element found");
    } catch (XMLStreamException e) {
      throw error("not well-formed XML", e);
    }
  }

  /**
   * A reader whose moves through the document fail only with {@link XMLStreamException}. The
   * JDK's parser reports some errors by throwing a runtime exception of its own: a control
   * character inside a DTD's internal subset ({@code <!DOCTYPE rss [\u0002]>}) gives a
   * {@code MissingResourceException} for its missing message {@code InvalidCharInDTD}. Such an
   * exception becomes the malformed-XML error the readers already handle, naming it.
   */
  private static final class Guarded extends StreamReaderDelegate {

    Guarded(XMLStreamReader reader) {
      super(reader);
    }

    @Override
    public int next() throws XMLStreamException {
      try {
        return super.next();
      } catch (RuntimeException e) {
        throw failed(e);
      }
    }

    @Override
    public boolean hasNext() throws XMLStreamException {
      try {
        return super.hasNext();
      } catch (RuntimeException e) {
        throw failed(e);
      }
    }

    private XMLStreamException failed(RuntimeException e) {
      return new XMLStreamException("the XML parser failed: " + e, getLocation(), e);
    }
  }

  /** A parse failure as a {@link SourceFormatException} with the StAX location and message. */
  static SourceFormatException error(String what, XMLStreamException e) {
    Location at = e.getLocation();
    return new SourceFormatException(what + ": " + message(e), at == null ? -1 : at.getLineNumber(),
        at == null ? -1 : at.getColumnNumber(), e);
  }

  /**
   * Throws "{@code what} too deeply nested (limit 256)" when {@code e} is the nesting limit's error:
   * a document nested that deep is hostile or broken beyond use, so it is rejected whole, whatever
   * was read before the limit.
   */
  static void rejectTooDeep(XMLStreamException e, String what) throws SourceFormatException {
    // the JDK reports the limit in a plain XMLStreamException; its message names the property
    if (String.valueOf(e.getMessage()).contains(MAX_ELEMENT_DEPTH)) {
      Location at = e.getLocation();
      throw new SourceFormatException(what + " too deeply nested (limit " + MAX_DEPTH + ")",
          at == null ? -1 : at.getLineNumber(), at == null ? -1 : at.getColumnNumber(), e);
    }
  }

  /** The warning for a document that broke after {@code kept} entries were read. */
  static String brokeAfter(XMLStreamException e, int kept, String entries) {
    Location at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
    return "the XML is malformed" + where + " (" + message(e) + "); kept the " + kept + " " + entries
        + " read before it";
  }

  private static String message(XMLStreamException e) {
    String m = String.valueOf(e.getMessage());
    int i = m.indexOf("Message: ");
    return (i >= 0 ? m.substring(i + 9) : m).strip();
  }

  /**
   * Advances to the next child element of the element the reader is in, returning true with the
   * reader on its start tag, or false with the reader on the enclosing element's end tag. Each
   * child must be consumed (by {@link #text} or {@link #skip}) before asking for the next.
   */
  static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        return false;
      }
    }
    return false;
  }

  /**
   * The text inside the current element, markup of nested elements dropped (Atom's xhtml
   * content), leaving the reader on its end tag; stripped, never null.
   */
  static String text(XMLStreamReader r) throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            sb.append(r.getText());
        case XMLStreamConstants.ENTITY_REFERENCE -> sb.append('&').append(r.getLocalName()).append(';');
        default -> { }
      }
    }
    return sb.toString().strip();
  }

  /** Skips the current element and everything inside it, leaving the reader on its end tag. */
  static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /** The attribute with this local name in no namespace, or null. */
  static String attribute(XMLStreamReader r, String localName) {
    return r.getAttributeValue(null, localName);
  }

  /** The element's {@code xml:base}, or null. */
  static String xmlBase(XMLStreamReader r) {
    return r.getAttributeValue(XMLConstants.XML_NS_URI, "base");
  }

  /** True when the current element has this local name and namespace ({@code ""} for none). */
  static boolean is(XMLStreamReader r, String namespace, String localName) {
    String ns = r.getNamespaceURI();
    return r.getLocalName().equals(localName) && (ns == null ? "" : ns).equals(namespace);
  }

  /**
   * Rewrites entity references that no DTD will declare: the five XML entities and character
   * references stay; HTML entity names become character references; anything else, and a bare
   * {@code &}, is escaped so that it reads as literal text. CDATA sections, comments and
   * processing instructions are left alone.
   */
  static String escapeUndeclaredEntities(String text, List<String> warnings) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    int undeclared = 0;
    int bare = 0;
    String firstUndeclared = null;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '<') {
        int skipTo = skipUnparsed(text, i);
        i = skipTo > i ? skipTo : i + 1;
        continue;
      }
      if (c != '&') {
        i++;
        continue;
      }
      int end = i + 1;
      if (end < n && text.charAt(end) == '#') {
        end++;
        while (end < n && end - i < 12 && isNameChar(text.charAt(end))) {
          end++;
        }
        if (end < n && text.charAt(end) == ';' && end > i + 2) {
          i = end + 1; // a character reference; the parser checks it
          continue;
        }
      } else {
        while (end < n && end - i < 40 && isNameChar(text.charAt(end))) {
          end++;
        }
      }
      String replacement;
      if (end < n && text.charAt(end) == ';' && end > i + 1 && text.charAt(i + 1) != '#') {
        String name = text.substring(i + 1, end);
        if (XML_ENTITIES.contains(name)) {
          i = end + 1;
          continue;
        }
        Integer code = HTML_ENTITIES.get(name);
        if (code != null) {
          replacement = "&#" + code + ";";
        } else {
          undeclared++;
          if (firstUndeclared == null) {
            firstUndeclared = name;
          }
          replacement = "&amp;" + name + ";";
        }
        if (out == null) {
          out = new StringBuilder(n + 64);
        }
        out.append(text, copied, i).append(replacement);
        i = end + 1;
        copied = i;
      } else {
        bare++;
        if (out == null) {
          out = new StringBuilder(n + 64);
        }
        out.append(text, copied, i).append("&amp;");
        i++;
        copied = i;
      }
    }
    if (out == null) {
      return text;
    }
    out.append(text, copied, n);
    if (undeclared > 0) {
      warnings.add(undeclared + " reference(s) to undeclared entities (first: &" + firstUndeclared
          + ";) kept as literal text: entities are never expanded from a DTD");
    }
    if (bare > 0) {
      warnings.add(bare + " bare '&' character(s) escaped");
    }
    return out.toString();
  }

  /** Past the end of a CDATA section, comment or processing instruction starting at {@code i}, else {@code i}. */
  private static int skipUnparsed(String text, int i) {
    String close;
    if (text.startsWith("<![CDATA[", i)) {
      close = "]]>";
    } else if (text.startsWith("<!--", i)) {
      close = "-->";
    } else if (text.startsWith("<?", i)) {
      close = "?>";
    } else {
      return i;
    }
    int end = text.indexOf(close, i + 2);
    return end < 0 ? text.length() : end + close.length();
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
        || c == '.' || c == ':';
  }

  private static final java.util.Set<String> XML_ENTITIES = java.util.Set.of("amp", "lt", "gt", "quot", "apos");

  /** HTML's Latin-1 entities (U+00A0 to U+00FF, in order) and the typographic ones feeds use. */
  private static final Map<String, Integer> HTML_ENTITIES = new HashMap<>();

  static {
    String latin1 = "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn"
        + " sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute"
        + " Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde"
        + " Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave"
        + " aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth"
        + " ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";
    String[] names = latin1.split(" ");
    if (names.length != 96) {
      throw new AssertionError("Latin-1 entity table has " + names.length + " names");
    }
    for (int k = 0; k < names.length; k++) {
      HTML_ENTITIES.put(names[k], 0xA0 + k);
    }
    Object[] more = {"OElig", 338, "oelig", 339, "Scaron", 352, "scaron", 353, "Yuml", 376, "fnof", 402,
        "circ", 710, "tilde", 732, "ensp", 8194, "emsp", 8195, "thinsp", 8201, "zwnj", 8204, "zwj", 8205,
        "lrm", 8206, "rlm", 8207, "ndash", 8211, "mdash", 8212, "lsquo", 8216, "rsquo", 8217, "sbquo", 8218,
        "ldquo", 8220, "rdquo", 8221, "bdquo", 8222, "dagger", 8224, "Dagger", 8225, "bull", 8226,
        "hellip", 8230, "permil", 8240, "prime", 8242, "Prime", 8243, "lsaquo", 8249, "rsaquo", 8250,
        "euro", 8364, "trade", 8482};
    for (int k = 0; k < more.length; k += 2) {
      HTML_ENTITIES.put((String) more[k], (Integer) more[k + 1]);
    }
  }
}
