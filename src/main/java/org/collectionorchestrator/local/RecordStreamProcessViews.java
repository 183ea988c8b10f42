package org.collectionorchestrator.local;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.collectionorchestrator.process.ProcessView;
import org.collectionorchestrator.process.ProcessViews;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The process view from the in-memory engine's record stream (the local run and the tests), which holds what Operate
 * would index: process instance and element events, incidents and the deployed models.
 */
@Component
@ConditionalOnProperty(name = "collection.engine.in-memory", havingValue = "true")
public class RecordStreamProcessViews implements ProcessViews {

    private final ZeebeTestEngine engine;

    public RecordStreamProcessViews(ZeebeTestEngine engine) {
        this.engine = engine;
    }

    @Override
    public Optional<ProcessView> of(long processInstanceKey) {
        List<Record<?>> records = EngineRecords.of(engine).stream()
                .filter(record -> record.getRecordType() == RecordType.EVENT).toList();
        DeployedModels models = DeployedModels.of(records);
        Map<Long, Trace> traces = new LinkedHashMap<>();
        Map<Long, IncidentRecordValue> incidents = new HashMap<>();
        for (Record<?> record : records) {
            if (record.getValueType() == ValueType.PROCESS_INSTANCE) {
                ProcessInstanceRecordValue value = (ProcessInstanceRecordValue) record.getValue();
                traces.computeIfAbsent(value.getProcessInstanceKey(), key -> new Trace()).add(record, value);
            } else if (record.getValueType() == ValueType.INCIDENT) {
                if (record.getIntent() == IncidentIntent.CREATED) {
                    incidents.put(record.getKey(), (IncidentRecordValue) record.getValue());
                } else if (record.getIntent() == IncidentIntent.RESOLVED) {
                    incidents.remove(record.getKey());
                }
            }
        }
        Trace root = traces.get(processInstanceKey);
        if (root == null || root.process == null) {
            return Optional.empty();
        }
        List<Long> tree = new ArrayList<>(List.of(processInstanceKey));
        for (int i = 0; i < tree.size(); i++) {
            long parent = tree.get(i);
            traces.forEach((key, trace) -> {
                if (trace.process != null && trace.process.getParentProcessInstanceKey() == parent
                        && trace.state == ProcessView.State.ACTIVE && tree.size() < MAX_INSTANCES) {
                    tree.add(key);
                }
            });
        }
        return Optional.of(new ProcessView(tree.stream()
                .map(key -> traces.get(key).view(key, models, incidents.values()))
                .toList()));
    }

    /** What the records tell of one process instance. */
    private static final class Trace {

        private ProcessInstanceRecordValue process;
        private ProcessView.State state = ProcessView.State.ACTIVE;
        private final Map<Long, String> active = new LinkedHashMap<>();
        private final Set<String> completed = new LinkedHashSet<>();

        void add(Record<?> record, ProcessInstanceRecordValue value) {
            if (value.getBpmnElementType() == BpmnElementType.SEQUENCE_FLOW) {
                return;
            }
            boolean isProcess = value.getBpmnElementType() == BpmnElementType.PROCESS;
            if (record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATING) {
                // from here on the instance is in the element, also when it fails to activate (an incident)
                if (isProcess) {
                    process = value;
                } else {
                    active.put(record.getKey(), value.getElementId());
                }
            } else if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
                if (isProcess) {
                    state = ProcessView.State.COMPLETED;
                } else {
                    active.remove(record.getKey());
                    completed.add(value.getElementId());
                }
            } else if (record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
                if (isProcess) {
                    state = ProcessView.State.TERMINATED;
                } else {
                    active.remove(record.getKey());
                }
            }
        }

        ProcessView.Instance view(long key, DeployedModels models, Iterable<IncidentRecordValue> incidents) {
            long definition = process.getProcessDefinitionKey();
            Set<String> incidentElements = new LinkedHashSet<>();
            incidents.forEach(incident -> {
                if (incident.getProcessInstanceKey() == key) {
                    incidentElements.add(incident.getElementId());
                }
            });
            long parent = process.getParentProcessInstanceKey();
            return new ProcessView.Instance(key, parent > 0 ? parent : null, process.getBpmnProcessId(),
                    models.name(definition, process.getBpmnProcessId()), definition, state,
                    models.xml(definition).orElse(null), List.copyOf(new LinkedHashSet<>(active.values())),
                    List.copyOf(completed), List.copyOf(incidentElements));
        }
    }
}
