package org.collectionorchestrator.local;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The BPMN models the in-memory engine has deployed, by process definition key, gathered from its record stream
 * (what Operate reads from its index in production). Names are read from a model when first asked for.
 */
final class DeployedModels {

    private final Map<Long, Process> processes = new HashMap<>();
    private final Map<Long, BpmnModelInstance> parsed = new HashMap<>();

    static DeployedModels of(Iterable<Record<?>> records) {
        DeployedModels models = new DeployedModels();
        records.forEach(models::add);
        return models;
    }

    /** Keeps the record if it is a deployed process; for a caller that reads the stream once for several purposes. */
    void add(Record<?> record) {
        if (record.getValueType() == ValueType.PROCESS && record.getRecordType() == RecordType.EVENT
                && record.getIntent() == ProcessIntent.CREATED) {
            Process process = (Process) record.getValue();
            processes.put(process.getProcessDefinitionKey(), process);
        }
    }

    /** The model's XML exactly as deployed. */
    Optional<String> xml(long processDefinitionKey) {
        return Optional.ofNullable(processes.get(processDefinitionKey))
                .map(process -> new String(process.getResource(), StandardCharsets.UTF_8));
    }

    /** The name of the process or of one of its elements (a task, an event) as the model gives it; null if it has none. */
    String name(long processDefinitionKey, String elementId) {
        BpmnModelInstance model = parsed.computeIfAbsent(processDefinitionKey, key -> xml(key)
                .map(xml -> Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))
                .orElse(null));
        if (model == null || elementId == null) {
            return null;
        }
        return switch (model.getModelElementById(elementId)) {
            case FlowElement element -> element.getName();
            case io.camunda.zeebe.model.bpmn.instance.Process process -> process.getName();
            case null, default -> null;
        };
    }
}
