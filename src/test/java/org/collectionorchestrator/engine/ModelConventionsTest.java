package org.collectionorchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnDiagram;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultFormatter;
import org.camunda.bpm.model.xml.validation.ValidationResults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the conventions of the process owners' models in {@code bpmn/} and {@code dmn/} (paths relative to the Maven
 * project root), so that a model edited in Camunda Modeler still fits the application before it is deployed:
 * names, diagram layout, Camunda user tasks with a form and candidate groups, an element template for every job type
 * and a decision for every business rule task. Each failure lists every offending element with its file and id.
 */
class ModelConventionsTest {

    private static final Path BPMN_DIR = Path.of("bpmn");
    private static final Path FORMS_DIR = BPMN_DIR.resolve("forms");
    private static final Path TEMPLATES_DIR = BPMN_DIR.resolve(".camunda").resolve("element-templates");
    private static final Path DMN_DIR = Path.of("dmn");

    private static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** form id → form file. */
    private static Map<String, Path> forms;
    /** All element templates found, in file order. */
    private static List<ElementTemplate> templates;
    /** decision id → DMN file. */
    private static Map<String, Path> decisions;

    @BeforeAll
    static void readSupportingFiles() throws IOException {
        forms = readForms();
        templates = readTemplates();
        decisions = readDecisionIds();
    }

    static Stream<Path> bpmnFiles() throws IOException {
        if (!Files.isDirectory(BPMN_DIR)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(BPMN_DIR)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @Test
    void modelsExist() throws IOException {
        assertThat(bpmnFiles().toList())
                .as("no *.bpmn file found under %s (working directory %s)", BPMN_DIR, Path.of("").toAbsolutePath())
                .isNotEmpty();
        assertThat(forms).as("no Camunda form (*.form) found under %s", FORMS_DIR).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void modelIsValidForZeebe(Path file) {
        BpmnModelInstance model = read(file);
        try {
            Bpmn.validateModel(model);
        } catch (RuntimeException e) {
            fail(file + " does not validate against the BPMN schema: " + e.getMessage(), e);
        }
        ValidationResults results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);
        if (results.hasErrors()) {
            StringWriter out = new StringWriter();
            results.write(out, new FormattedResults());
            fail(file + " breaks Zeebe's modelling rules:\n" + out);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void everyElementHasABusinessName(Path file) {
        BpmnModelInstance model = read(file);
        List<String> problems = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (isBlank(node.getName())) {
                problems.add(describe(node) + " has no name");
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (flow.getConditionExpression() != null && isBlank(flow.getName())) {
                problems.add("conditional " + describe(flow) + " from '" + flow.getSource().getName()
                        + "' has no name (label it with the answer it stands for)");
            } else if (isDefaultFlow(flow) && isBlank(flow.getName())) {
                problems.add("default " + describe(flow) + " from '" + flow.getSource().getName() + "' has no name");
            }
        }
        assertNoProblems(file, "Every element needs a name in business words", problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void everyElementIsDrawn(Path file) {
        BpmnModelInstance model = read(file);
        List<String> problems = new ArrayList<>();
        Collection<BpmnDiagram> diagrams = model.getDefinitions().getBpmDiagrams();
        if (diagrams.isEmpty() || diagrams.stream().allMatch(d -> d.getBpmnPlane() == null)) {
            problems.add("the file has no diagram (bpmndi:BPMNDiagram with a BPMNPlane); open and save it in Camunda Modeler");
        }
        Set<String> shaped = model.getModelElementsByType(BpmnShape.class).stream()
                .map(BpmnShape::getBpmnElement).filter(Objects::nonNull).map(BaseElement::getId)
                .collect(Collectors.toSet());
        Set<String> edged = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(BpmnEdge::getBpmnElement).filter(Objects::nonNull).map(BaseElement::getId)
                .collect(Collectors.toSet());
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!shaped.contains(node.getId())) {
                problems.add(describe(node) + " has no shape in the diagram");
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!edged.contains(flow.getId())) {
                problems.add(describe(flow) + " has no edge in the diagram");
            }
        }
        assertNoProblems(file, "Every element must be laid out in the diagram (BPMNDI)", problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void everyUserTaskIsACamundaUserTaskWithFormAndCandidateGroups(Path file) {
        BpmnModelInstance model = read(file);
        List<String> problems = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getSingleExtensionElement(ZeebeUserTask.class) == null) {
                problems.add(describe(task) + " is a job-worker user task; set its implementation to"
                        + " 'Camunda user task' (zeebe:userTask)");
            }
            ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
            String formId = form == null ? null : form.getFormId();
            if (isBlank(formId)) {
                problems.add(describe(task) + " has no linked form (zeebe:formDefinition formId)");
            } else if (!forms.containsKey(formId)) {
                problems.add(describe(task) + " links form '" + formId + "', but no form in " + FORMS_DIR
                        + " has that id (forms found: " + new TreeSet<>(forms.keySet()) + ")");
            }
            ZeebeAssignmentDefinition assignment = task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
            String groups = assignment == null ? null : assignment.getCandidateGroups();
            if (isBlank(groups) || groups.replaceAll("[\\s,\\[\\]\"=]", "").isEmpty()) {
                problems.add(describe(task) + " has no candidate groups (zeebe:assignmentDefinition candidateGroups)");
            }
        }
        assertNoProblems(file, "User tasks must be Camunda user tasks with a form from "
                + FORMS_DIR + " and candidate groups", problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void everyJobTypeHasAnElementTemplate(Path file) {
        BpmnModelInstance model = read(file);
        List<String> problems = new ArrayList<>();
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            if (task.getSingleExtensionElement(ZeebeTaskDefinition.class) == null) {
                problems.add(describe(task) + " has no job type (zeebe:taskDefinition)");
            }
        }
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            ZeebeTaskDefinition definition = element.getSingleExtensionElement(ZeebeTaskDefinition.class);
            if (definition == null) {
                continue;
            }
            String jobType = definition.getType();
            if (isBlank(jobType)) {
                problems.add(describe(element) + " has an empty job type");
                continue;
            }
            List<ElementTemplate> matching = templates.stream().filter(t -> jobType.equals(t.jobType())).toList();
            if (matching.isEmpty()) {
                problems.add(describe(element) + " uses job type '" + jobType + "', but no element template in "
                        + TEMPLATES_DIR + " binds zeebe:taskDefinition type to it (job types with a template: "
                        + templates.stream().map(ElementTemplate::jobType).filter(Objects::nonNull)
                        .collect(Collectors.toCollection(TreeSet::new)) + ")");
            }
            String templateId = element.getAttributeValueNs(ZEEBE_NS, "modelerTemplate");
            if (templateId != null) {
                problems.addAll(checkAppliedTemplate(element, templateId));
            } else if (!matching.isEmpty()) {
                problems.add(describe(element) + " does not use its element template; apply '"
                        + matching.getFirst().name() + "' (" + matching.getFirst().id() + ") in Camunda Modeler");
            }
        }
        assertNoProblems(file, "Every job type must have an element template in " + TEMPLATES_DIR
                + ", and templated tasks must match their template", problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void everyCalledDecisionExists(Path file) {
        BpmnModelInstance model = read(file);
        List<String> problems = new ArrayList<>();
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            ZeebeCalledDecision called = task.getSingleExtensionElement(ZeebeCalledDecision.class);
            if (called == null) {
                continue; // a job-worker business rule task is covered by the job type check
            }
            String decisionId = called.getDecisionId();
            if (isBlank(decisionId)) {
                problems.add(describe(task) + " calls a decision without a decision id");
            } else if (!decisionId.startsWith("=") && !decisions.containsKey(decisionId)) {
                problems.add(describe(task) + " calls decision '" + decisionId + "', but no decision in " + DMN_DIR
                        + "/*.dmn has that id (decisions found: " + new TreeSet<>(decisions.keySet()) + ")");
            }
            if (isBlank(called.getResultVariable())) {
                problems.add(describe(task) + " does not name a result variable for decision '" + decisionId + "'");
            }
        }
        assertNoProblems(file, "Every called decision must exist in " + DMN_DIR, problems);
    }

    // ---------------------------------------------------------------------------------------------------------
    // element templates

    /**
     * Compares a templated element with its template as Camunda Modeler would: the template and version must exist,
     * every binding must be present, and hidden (fixed) values must be unchanged.
     */
    private static List<String> checkAppliedTemplate(BaseElement element, String templateId) {
        List<String> problems = new ArrayList<>();
        String version = element.getAttributeValueNs(ZEEBE_NS, "modelerTemplateVersion");
        List<ElementTemplate> withId = templates.stream().filter(t -> templateId.equals(t.id())).toList();
        if (withId.isEmpty()) {
            problems.add(describe(element) + " refers to element template '" + templateId + "', which is not in "
                    + TEMPLATES_DIR);
            return problems;
        }
        Optional<ElementTemplate> template = withId.stream()
                .filter(t -> version == null || version.equals(String.valueOf(t.version()))).findFirst();
        if (template.isEmpty()) {
            problems.add(describe(element) + " refers to version " + version + " of element template '" + templateId
                    + "'; versions in " + TEMPLATES_DIR + ": "
                    + withId.stream().map(t -> String.valueOf(t.version())).toList());
            return problems;
        }
        ElementTemplate applied = template.get();
        ZeebeTaskDefinition definition = element.getSingleExtensionElement(ZeebeTaskDefinition.class);
        ZeebeIoMapping io = element.getSingleExtensionElement(ZeebeIoMapping.class);
        Map<String, String> inputs = io == null ? Map.of()
                : io.getInputs().stream().collect(Collectors.toMap(ZeebeInput::getTarget, m -> nullToEmpty(m.getSource()),
                (a, b) -> a, LinkedHashMap::new));
        Map<String, String> outputs = io == null ? Map.of()
                : io.getOutputs().stream().collect(Collectors.toMap(ZeebeOutput::getSource, m -> nullToEmpty(m.getTarget()),
                (a, b) -> a, LinkedHashMap::new));
        ZeebeTaskHeaders headerElement = element.getSingleExtensionElement(ZeebeTaskHeaders.class);
        Map<String, String> headers = headerElement == null ? Map.of()
                : headerElement.getHeaders().stream().collect(Collectors.toMap(ZeebeHeader::getKey,
                h -> nullToEmpty(h.getValue()), (a, b) -> a, LinkedHashMap::new));

        for (JsonNode property : applied.properties()) {
            if (property.has("condition")) {
                continue; // only active under a condition; not checked here
            }
            JsonNode binding = property.path("binding");
            String type = binding.path("type").asText();
            boolean hidden = "Hidden".equals(property.path("type").asText());
            String expected = property.has("value") ? property.get("value").asText() : null;
            String where = describe(element) + " (template " + applied.file().getFileName() + ")";
            switch (type) {
                case "zeebe:taskDefinition", "zeebe:taskDefinition:type", "zeebe:taskDefinition:retries" -> {
                    String name = type.contains(":type") ? "type"
                            : type.contains(":retries") ? "retries" : binding.path("property").asText();
                    String actual = definition == null ? null
                            : "type".equals(name) ? definition.getType()
                            : "retries".equals(name) ? definition.getRetries() : null;
                    // the job type is what ties the task to its worker: always fixed by the template
                    compare(problems, where, "zeebe:taskDefinition " + name, hidden || "type".equals(name), expected,
                            actual);
                }
                case "zeebe:input" -> {
                    String target = binding.path("name").asText();
                    compare(problems, where, "input mapping to '" + target + "'", hidden, expected, inputs.get(target));
                }
                case "zeebe:output" -> {
                    String source = binding.path("source").asText();
                    compare(problems, where, "output mapping from '" + source + "'", hidden, expected,
                            outputs.get(source));
                }
                case "zeebe:taskHeader" -> {
                    String key = binding.path("key").asText();
                    compare(problems, where, "task header '" + key + "'", hidden, expected, headers.get(key));
                }
                default -> {
                    // other binding types (e.g. plain properties) are not used by our templates
                }
            }
        }
        return problems;
    }

    private static void compare(List<String> problems, String where, String what, boolean hidden, String expected,
                                String actual) {
        if (actual == null) {
            if (expected != null && !expected.isEmpty()) {
                problems.add(where + " lacks the " + what + " its template defines (expected '" + expected + "')");
            }
        } else if (hidden && expected != null && !expected.equals(actual)) {
            problems.add(where + " has " + what + " '" + actual + "' but its template fixes it to '" + expected
                    + "'; re-apply the template in Camunda Modeler or raise the template version");
        }
    }

    private record ElementTemplate(Path file, String id, String name, int version, String jobType,
                                   List<JsonNode> properties) {
    }

    private static List<ElementTemplate> readTemplates() throws IOException {
        List<ElementTemplate> result = new ArrayList<>();
        for (Path file : listFiles(TEMPLATES_DIR, ".json")) {
            JsonNode root = JSON.readTree(file.toFile());
            List<JsonNode> nodes = new ArrayList<>();
            if (root.isArray()) {
                root.forEach(nodes::add);
            } else {
                nodes.add(root);
            }
            for (JsonNode node : nodes) {
                List<JsonNode> properties = new ArrayList<>();
                node.path("properties").forEach(properties::add);
                String jobType = properties.stream()
                        .filter(p -> isTaskTypeBinding(p.path("binding")))
                        .map(p -> p.path("value").asText(null))
                        .filter(Objects::nonNull)
                        .findFirst().orElse(null);
                result.add(new ElementTemplate(file, node.path("id").asText(null), node.path("name").asText(null),
                        node.path("version").asInt(0), jobType, properties));
            }
        }
        return result;
    }

    private static boolean isTaskTypeBinding(JsonNode binding) {
        String type = binding.path("type").asText();
        return "zeebe:taskDefinition:type".equals(type)
                || ("zeebe:taskDefinition".equals(type) && "type".equals(binding.path("property").asText()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // forms and decisions

    private static Map<String, Path> readForms() throws IOException {
        Map<String, Path> result = new LinkedHashMap<>();
        for (Path file : listFiles(FORMS_DIR, ".form")) {
            JsonNode form = JSON.readTree(file.toFile());
            String id = form.path("id").asText(null);
            assertThat(id).as("form %s has no 'id' (the formId user tasks link to)", file).isNotBlank();
            Path previous = result.put(id, file);
            assertThat(previous).as("form id '%s' is used by both %s and %s", id, previous, file).isNull();
        }
        return result;
    }

    private static Map<String, Path> readDecisionIds() throws IOException {
        Map<String, Path> result = new LinkedHashMap<>();
        for (Path file : listFiles(DMN_DIR, ".dmn")) {
            NodeList nodes;
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                nodes = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS("*", "decision");
            } catch (Exception e) {
                throw new AssertionError("cannot read DMN file " + file + ": " + e.getMessage(), e);
            }
            for (int i = 0; i < nodes.getLength(); i++) {
                Element decision = (Element) nodes.item(i);
                String namespace = decision.getNamespaceURI();
                if (namespace != null && namespace.contains("omg.org/spec/DMN/") && decision.hasAttribute("id")) {
                    result.put(decision.getAttribute("id"), file);
                }
            }
        }
        return result;
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    private static BpmnModelInstance read(Path file) {
        try {
            return Bpmn.readModelFromFile(file.toFile());
        } catch (RuntimeException e) {
            throw new AssertionError("cannot read " + file + " as BPMN: " + e.getMessage(), e);
        }
    }

    private static List<Path> listFiles(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static boolean isDefaultFlow(SequenceFlow flow) {
        FlowNode source = flow.getSource();
        SequenceFlow defaultFlow = source instanceof ExclusiveGateway exclusive ? exclusive.getDefault()
                : source instanceof InclusiveGateway inclusive ? inclusive.getDefault() : null;
        return defaultFlow != null && defaultFlow.getId().equals(flow.getId());
    }

    private static String describe(BaseElement element) {
        String type = element.getElementType().getTypeName();
        String name = element instanceof FlowElement flowElement ? flowElement.getName() : null;
        return type + (isBlank(name) ? "" : " '" + name + "'") + " (" + element.getId() + ")";
    }

    private static void assertNoProblems(Path file, String rule, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.stream().map(p -> "  - " + p)
                    .collect(Collectors.joining("\n", file + ": " + rule + ":\n", "\n")));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** One line per validation problem, under the element it concerns. */
    private static final class FormattedResults implements ValidationResultFormatter {

        @Override
        public void formatElement(StringWriter writer, ModelElementInstance element) {
            String id = element.getAttributeValue("id");
            writer.append("  ").append(element.getElementType().getTypeName())
                    .append(id == null ? "" : " (" + id + ")").append(":\n");
        }

        @Override
        public void formatResult(StringWriter writer, ValidationResult result) {
            writer.append("    ").append(String.valueOf(result.getType())).append(": ")
                    .append(result.getMessage()).append('\n');
        }
    }
}
