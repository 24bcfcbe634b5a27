package dev.tandem.workbench.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** The project's own coordinates from its pom.xml: never the parent's. */
public record PomMetadata(String artifactId, String version, String name) {
    static final String DEFAULT_VERSION = "1.0.0";

    public static PomMetadata read(Path pom, String defaultName) throws IOException {
        if (!Files.isRegularFile(pom)) {
            return new PomMetadata(defaultName, DEFAULT_VERSION, defaultName);
        }
        Element project = parse(pom);
        String artifactId = child(project, "artifactId", defaultName);
        return new PomMetadata(artifactId, child(project, "version", DEFAULT_VERSION), child(project, "name", artifactId));
    }

    private static Element parse(Path pom) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(pom + " is not a readable pom.xml: " + e.getMessage(), e);
        }
    }

    private static String child(Element project, String tag, String fallback) {
        for (Node node = project.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && tag.equals(element.getTagName())) {
                return element.getTextContent().strip();
            }
        }
        return fallback;
    }
}
