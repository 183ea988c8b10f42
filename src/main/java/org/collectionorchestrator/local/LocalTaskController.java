package org.collectionorchestrator.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.collectionorchestrator.invoice.InvoiceQueries;
import org.collectionorchestrator.invoice.InvoiceView;
import org.collectionorchestrator.web.InvalidRequestException;
import org.collectionorchestrator.web.NotFoundException;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local profile only: a stand-in for Tasklist, which the in-memory engine does not have. Lists open Camunda user
 * tasks and completes them with the variables a form would submit.
 */
@RestController
@Profile("local")
@RequestMapping("/api/v1/tasks")
@Tag(name = "Local development", description = "Only in the local profile")
public class LocalTaskController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryEngineUserTasks userTasks;
    private final InvoiceQueries invoices;

    public LocalTaskController(InMemoryEngineUserTasks userTasks, InvoiceQueries invoices) {
        this.userTasks = userTasks;
        this.invoices = invoices;
    }

    /** The invoice a task concerns, as the inbox lists it: what is owed now, from the ledger. */
    public record TaskInvoice(UUID id, String invoiceNumber, String customerName, String outstanding, String currency,
                              String status) {
    }

    /** An open task with the variables its form sees and the invoice it concerns (null for a task about many). */
    public record InboxTask(long userTaskKey, long processInstanceKey, String bpmnProcessId, String elementId,
                            String formKey, List<String> candidateGroups, String dueDate, Map<String, Object> variables,
                            TaskInvoice invoice) {
    }

    @GetMapping
    @Operation(summary = "Open user tasks, oldest first, with their process instance's variables and the invoice each concerns")
    public List<InboxTask> open() {
        return userTasks.openTasks().stream()
                .map(task -> new InboxTask(task.userTaskKey(), task.processInstanceKey(), task.bpmnProcessId(),
                        task.elementId(), task.formKey(), task.candidateGroups(), task.dueDate(), task.variables(),
                        invoiceOf(task.variables())))
                .toList();
    }

    @PostMapping("/{key}/complete")
    @Operation(summary = "Complete a user task with the form's variables, e.g. {\"decision\":\"WRITE_OFF\"}; 400 when"
            + " they do not pass the task's Camunda Form (required fields, allowed values, limits)")
    public ResponseEntity<Void> complete(@PathVariable long key, @RequestBody(required = false) Map<String, Object> variables) {
        Map<String, Object> submission = variables == null ? Map.of() : variables;
        OpenUserTask task = userTasks.openTasks().stream().filter(t -> t.userTaskKey() == key).findFirst()
                .orElseThrow(() -> new NotFoundException("No open user task " + key));
        List<TaskFormCheck.Problem> problems = formOf(task)
                .map(form -> TaskFormCheck.check(form, submission, task.variables()))
                .orElse(List.of());
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.stream()
                    .map(p -> new InvalidRequestException.FieldProblem(p.field(), p.message())).toList());
        }
        try {
            userTasks.complete(key, submission);
        } catch (UserTaskNotFoundException e) {
            throw new NotFoundException("No open user task " + key);
        }
        return ResponseEntity.noContent().build();
    }

    /** The task's linked form as deployed; empty for a task without one (or with an external form reference). */
    private Optional<JsonNode> formOf(OpenUserTask task) {
        if (task.formKey() == null || !task.formKey().chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return userTasks.formJson(Long.parseLong(task.formKey())).map(json -> {
            try {
                return JSON.readTree(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The deployed form " + task.formKey() + " is not JSON", e);
            }
        });
    }

    private TaskInvoice invoiceOf(Map<String, Object> variables) {
        if (!(variables.get("invoiceId") instanceof String id)) {
            return null;
        }
        try {
            InvoiceView invoice = invoices.get(UUID.fromString(id));
            return new TaskInvoice(invoice.id(), invoice.invoiceNumber(), invoice.customer().name(),
                    invoice.outstanding(), invoice.currency(), invoice.status().name());
        } catch (NotFoundException | IllegalArgumentException e) {
            return null; // a process variable naming no invoice of ours: the task is listed without one
        }
    }
}
