package org.collectionorchestrator.process;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A process instance and the instances it called that are still running, as Operate shows them: each with its
 * deployed BPMN and where it stands, for drawing with bpmn-js.
 *
 * @param instances the instance first, then its called instances (at any depth) that are still active, oldest first
 */
public record ProcessView(List<Instance> instances) {

    public enum State { ACTIVE, COMPLETED, TERMINATED }

    /**
     * One process instance.
     *
     * @param activeElementIds    the elements it is in now (a task, a timer, a called process), in the order it
     *                            entered them, each once
     * @param completedElementIds the elements it has completed, in the order it first completed them, each once
     * @param incidentElementIds  the elements with an open incident
     */
    public record Instance(
            long processInstanceKey,
            @Schema(description = "The instance that called this one; null for the invoice's own") Long parentProcessInstanceKey,
            @Schema(example = "receivable-lifecycle") String bpmnProcessId,
            @Schema(example = "Receivable lifecycle") String processName,
            long processDefinitionKey,
            State state,
            @Schema(description = "The BPMN XML exactly as deployed") String bpmnXml,
            @Schema(example = "[\"Activity_DecideOnUnpaidInvoice\"]") List<String> activeElementIds,
            List<String> completedElementIds,
            List<String> incidentElementIds) {
    }
}
