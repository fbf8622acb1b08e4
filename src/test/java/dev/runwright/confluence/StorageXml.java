package dev.runwright.confluence;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Parses storage format with the JDK's XML parser, as Confluence parses it: strictly. */
final class StorageXml {
  static final String AC = "http://atlassian.com/content";
  static final String RI = "http://atlassian.com/resource/identifier";

  private StorageXml() {}

  /**
   * The body inside a wrapper that declares the ac: and ri: namespaces; throws if not well formed.
   */
  static Document parse(String body) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    String xml = "<root xmlns:ac=\"" + AC + "\" xmlns:ri=\"" + RI + "\">" + body + "</root>";
    return b.parse(new InputSource(new StringReader(xml)));
  }

  /** The text of each {@code ac:plain-text-body} of a code macro, in order. */
  static List<String> codeBodies(Document doc) {
    List<String> out = new ArrayList<>();
    NodeList macros = doc.getElementsByTagNameNS(AC, "structured-macro");
    for (int i = 0; i < macros.getLength(); i++) {
      Element m = (Element) macros.item(i);
      if (m.getAttributeNS(AC, "name").equals("code")) {
        out.add(m.getElementsByTagNameNS(AC, "plain-text-body").item(0).getTextContent());
      }
    }
    return out;
  }
}
