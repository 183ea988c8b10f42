package org.collectionorchestrator.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.collectionorchestrator.process.ProcessView;
import org.collectionorchestrator.process.ProcessViews;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The process view from a Camunda 8.8 cluster's search API (REST, over the data Operate shows): the instance, its
 * active called instances, each one's element instances and open incidents, and the deployed BPMN. Search data
 * follows the engine by a moment, so a just started instance may not be found yet.
 */
@Component
@ConditionalOnProperty(name = "collection.engine.in-memory", havingValue = "false", matchIfMissing = true)
public class CamundaProcessViews implements ProcessViews {

    static final int PAGE = 1000;
    /** A lifecycle instance passes a few dozen elements; this many is a runaway loop, shown cut short. */
    static final int MAX_ELEMENT_INSTANCES = 10 * PAGE;

    private final CamundaClient client;
    /** A deployed definition never changes: its XML is fetched once. */
    private final Map<Long, String> xmlByDefinition = new ConcurrentHashMap<>();

    public CamundaProcessViews(CamundaClient client) {
        this.client = client;
    }

    @Override
    public Optional<ProcessView> of(long processInstanceKey) {
        ProcessInstance root;
        try {
            root = client.newProcessInstanceGetRequest(processInstanceKey).send().join();
        } catch (ProblemException e) {
            if (e.code() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        List<ProcessInstance> tree = new ArrayList<>(List.of(root));
        for (int i = 0; i < tree.size() && tree.size() < MAX_INSTANCES; i++) {
            List<ProcessInstance> children = activeChildren(tree.get(i).getProcessInstanceKey());
            tree.addAll(children.subList(0, Math.min(children.size(), MAX_INSTANCES - tree.size())));
        }
        return Optional.of(new ProcessView(tree.stream().map(this::instance).toList()));
    }

    private List<ProcessInstance> activeChildren(long parent) {
        return client.newProcessInstanceSearchRequest()
                .filter(f -> f.parentProcessInstanceKey(parent).state(ProcessInstanceState.ACTIVE))
                .sort(s -> s.processInstanceKey().asc())
                .page(p -> p.limit(MAX_INSTANCES))
                .send().join().items();
    }

    private ProcessView.Instance instance(ProcessInstance instance) {
        long key = instance.getProcessInstanceKey();
        List<Incident> incidents = client.newIncidentSearchRequest()
                .filter(f -> f.processInstanceKey(key).state(IncidentState.ACTIVE))
                .page(p -> p.limit(PAGE))
                .send().join().items();
        String xml = xmlByDefinition.computeIfAbsent(instance.getProcessDefinitionKey(),
                definition -> client.newProcessDefinitionGetXmlRequest(definition).send().join());
        return view(instance, elementInstances(key), incidents, xml);
    }

    /** Every element instance of the process instance, oldest first, a page at a time. */
    private List<ElementInstance> elementInstances(long processInstanceKey) {
        List<ElementInstance> all = new ArrayList<>();
        List<ElementInstance> page;
        do {
            int from = all.size();
            page = client.newElementInstanceSearchRequest()
                    .filter(f -> f.processInstanceKey(processInstanceKey))
                    .sort(s -> s.elementInstanceKey().asc())
                    .page(p -> p.from(from).limit(PAGE))
                    .send().join().items();
            all.addAll(page);
        } while (page.size() == PAGE && all.size() < MAX_ELEMENT_INSTANCES);
        return all;
    }

    static ProcessView.Instance view(ProcessInstance instance, List<ElementInstance> elements, List<Incident> incidents,
                                     String xml) {
        LinkedHashSet<String> active = new LinkedHashSet<>();
        LinkedHashSet<String> completed = new LinkedHashSet<>();
        for (ElementInstance element : elements) {
            if (element.getType() == ElementInstanceType.PROCESS) {
                continue;
            }
            if (element.getState() == ElementInstanceState.ACTIVE) {
                active.add(element.getElementId());
            } else if (element.getState() == ElementInstanceState.COMPLETED) {
                completed.add(element.getElementId());
            }
        }
        return new ProcessView.Instance(instance.getProcessInstanceKey(), instance.getParentProcessInstanceKey(),
                instance.getProcessDefinitionId(), instance.getProcessDefinitionName(), instance.getProcessDefinitionKey(),
                state(instance.getState()), xml, List.copyOf(active), List.copyOf(completed),
                incidents.stream().map(Incident::getElementId).distinct().toList());
    }

    private static ProcessView.State state(ProcessInstanceState state) {
        return switch (state) {
            case COMPLETED -> ProcessView.State.COMPLETED;
            case TERMINATED -> ProcessView.State.TERMINATED;
            case null, default -> ProcessView.State.ACTIVE;
        };
    }
}
