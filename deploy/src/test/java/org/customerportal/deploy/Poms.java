package org.customerportal.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads the Maven poms as XML (the build's own configuration, as committed). */
final class Poms {

	private Poms() {
	}

	static Element read(Path pom) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			Document document = factory.newDocumentBuilder().parse(pom.toFile());
			return document.getDocumentElement();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot read " + pom, ex);
		}
	}

	static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		if (parent == null) {
			return found;
		}
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && e.getTagName().equals(name)) {
				found.add(e);
			}
		}
		return found;
	}

	/** The element at a path of child names, e.g. child(project, "build", "pluginManagement", "plugins"). */
	static Element child(Element parent, String... path) {
		Element current = parent;
		for (String name : path) {
			List<Element> matches = children(current, name);
			if (matches.isEmpty()) {
				return null;
			}
			current = matches.get(0);
		}
		return current;
	}

	static String text(Element parent, String... path) {
		Element e = child(parent, path);
		return e == null ? null : e.getTextContent().strip();
	}

	static List<String> texts(Element parent, String listName, String itemName) {
		return children(child(parent, listName), itemName).stream().map(e -> e.getTextContent().strip()).toList();
	}

	static Optional<Element> plugin(Element plugins, String artifactId) {
		return children(plugins, "plugin").stream().filter(p -> artifactId.equals(text(p, "artifactId"))).findFirst();
	}

}
