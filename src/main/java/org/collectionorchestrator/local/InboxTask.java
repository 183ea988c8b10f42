package org.collectionorchestrator.local;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An open user task as the local inbox lists it: what Tasklist shows, with the invoice the task concerns.
 *
 * @param taskName   the user task's name in the model, e.g. "Resolve dispute"
 * @param variables  what the task's form sees: its process instance's variables overlaid by the task's own
 * @param creditorId the creditor the task works for: its process's {@code creditorId}, else its invoice's
 * @param invoice    the invoice it concerns; null for a task about many, such as "Review hand-over"
 */
public record InboxTask(long userTaskKey, long processInstanceKey, String bpmnProcessId, String elementId,
                        String taskName, String formKey, List<String> candidateGroups, String dueDate,
                        Map<String, Object> variables, String creditorId, TaskInvoice invoice) {

    /** The invoice a task concerns, with what is owed now, from the ledger. */
    public record TaskInvoice(UUID id, String invoiceNumber, String customerName,
                              @Schema(example = "\"1320.00\"") String outstanding, String currency, String status) {
    }
}
