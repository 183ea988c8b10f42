package org.collectionorchestrator.local;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Camunda user task ({@code zeebe:userTask}) that the in-memory engine has created and not yet completed or
 * canceled.
 *
 * @param userTaskKey        the key to complete it with
 * @param processInstanceKey the process instance it belongs to
 * @param bpmnProcessId      the id of the process it belongs to
 * @param elementId          the id of the user task in the model
 * @param taskName           the user task's name in the model (e.g. "Resolve dispute"), null if it has none
 * @param formKey            the external form reference if the model names one, else the key of the linked
 *                           (deployed) form as a string, else {@code null}
 * @param candidateGroups    the candidate groups, may be empty
 * @param dueDate            the task's due date (ISO date-time) if the model gives one, else {@code null}
 * @param variables          what the task's form sees: its process instance's variables (root scope) overlaid by
 *                           the task's own
 */
public record OpenUserTask(
        long userTaskKey,
        long processInstanceKey,
        String bpmnProcessId,
        String elementId,
        String taskName,
        String formKey,
        List<String> candidateGroups,
        String dueDate,
        Map<String, Object> variables) {

    public OpenUserTask {
        candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
        // variable values may be null, which Map.copyOf rejects
        variables = variables == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }
}
