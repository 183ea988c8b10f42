package org.collectionorchestrator.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What the bare-engine starter needs from the BPMN, read from the files so it follows model changes: the start event
 * of the process (message start → the message's name; none start → create instance) and every service-task job type.
 */
record BpmnFacts(String processId, String startMessage, Set<String> jobTypes) {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";

    static BpmnFacts read(List<Path> files, String processId) throws Exception {
        Set<String> jobTypes = new LinkedHashSet<>();
        String startMessage = null;
        boolean found = false;
        for (Path file : files) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(file.toFile());
            NodeList tasks = doc.getElementsByTagNameNS(ZEEBE, "taskDefinition");
            for (int i = 0; i < tasks.getLength(); i++) {
                String type = ((Element) tasks.item(i)).getAttribute("type");
                if (!type.isBlank() && !type.startsWith("=")) {
                    jobTypes.add(type);
                }
            }
            NodeList processes = doc.getElementsByTagNameNS(BPMN, "process");
            for (int p = 0; p < processes.getLength(); p++) {
                Element process = (Element) processes.item(p);
                if (!processId.equals(process.getAttribute("id"))) {
                    continue;
                }
                found = true;
                // the process's own start event: a direct child (event sub-processes have their own)
                for (Element start : children(process, "startEvent")) {
                    List<Element> messages = children(start, "messageEventDefinition");
                    if (!messages.isEmpty()) {
                        startMessage = messageName(doc, messages.get(0).getAttribute("messageRef"));
                    }
                }
            }
        }
        if (!found) {
            throw new IllegalStateException("no process " + processId + " in " + files);
        }
        return new BpmnFacts(processId, startMessage, jobTypes);
    }

    private static String messageName(Document doc, String ref) {
        NodeList messages = doc.getElementsByTagNameNS(BPMN, "message");
        for (int i = 0; i < messages.getLength(); i++) {
            Element m = (Element) messages.item(i);
            if (ref.equals(m.getAttribute("id"))) {
                return m.getAttribute("name");
            }
        }
        throw new IllegalStateException("message " + ref + " not defined");
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && BPMN.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }
}
