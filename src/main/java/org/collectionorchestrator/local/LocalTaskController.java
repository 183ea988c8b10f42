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
import org.collectionorchestrator.web.CreditorAccess;
import org.collectionorchestrator.web.ForbiddenException;
import org.collectionorchestrator.web.InvalidRequestException;
import org.collectionorchestrator.web.NoControlCharacters;
import org.collectionorchestrator.web.NotFoundException;
import org.collectionorchestrator.web.ProblemResponses;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local profile only: a stand-in for Tasklist, which the in-memory engine does not have. Lists open Camunda user
 * tasks of the creditors the caller may act for, gives each task's deployed form, and completes a task with the
 * variables its form submits once they pass that form.
 */
@RestController
@Validated
@Profile("local")
@RequestMapping("/api/v1/tasks")
@Tag(name = "Local development", description = "Only in the local profile")
public class LocalTaskController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryEngineUserTasks userTasks;
    private final InvoiceQueries invoices;
    private final CreditorAccess access;

    public LocalTaskController(InMemoryEngineUserTasks userTasks, InvoiceQueries invoices, CreditorAccess access) {
        this.userTasks = userTasks;
        this.invoices = invoices;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Open user tasks, oldest first, with their process instance's variables and the invoice each "
            + "concerns: of one creditor, or of every creditor the caller may act for")
    public List<InboxTask> open(@RequestParam(required = false) @NoControlCharacters String creditorId) {
        if (creditorId != null) {
            access.require(creditorId);
        }
        return userTasks.openTasks().stream()
                .map(this::inboxTask)
                .filter(task -> creditorId == null ? access.allows(task.creditorId()) : creditorId.equals(task.creditorId()))
                .toList();
    }

    @GetMapping("/{key}")
    @Operation(summary = "One open user task")
    @ProblemResponses(value = {404}, descriptions = {"No open user task with this key"})
    public InboxTask task(@PathVariable long key) {
        return allowed(openTask(key));
    }

    @GetMapping(path = "/{key}/form", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The task's Camunda Form (form-js schema) exactly as its process deployed it")
    @ProblemResponses(value = {404}, descriptions = {"No open user task with this key, or the task has no linked form"})
    public String form(@PathVariable long key) {
        OpenUserTask task = openTask(key);
        allowed(task);
        return formJson(task)
                .orElseThrow(() -> new NotFoundException("User task " + key + " has no linked form"));
    }

    @PostMapping("/{key}/complete")
    @Operation(summary = "Complete a user task with the form's variables, e.g. {\"decision\":\"WRITE_OFF\"}; 400 when"
            + " they do not pass the task's Camunda Form (required fields, allowed values, limits)")
    @ProblemResponses(value = {404}, descriptions = {"No open user task with this key"})
    public ResponseEntity<Void> complete(@PathVariable long key, @RequestBody(required = false) Map<String, Object> variables) {
        Map<String, Object> submission = variables == null ? Map.of() : variables;
        OpenUserTask task = openTask(key);
        allowed(task);
        List<TaskFormCheck.Problem> problems = formJson(task)
                .map(form -> TaskFormCheck.check(readTree(form), submission, task.variables()))
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

    private OpenUserTask openTask(long key) {
        return userTasks.openTasks().stream().filter(t -> t.userTaskKey() == key).findFirst()
                .orElseThrow(() -> new NotFoundException("No open user task " + key));
    }

    /** The task for the inbox; 403 unless the caller may act for its creditor. */
    private InboxTask allowed(OpenUserTask task) {
        InboxTask inboxTask = inboxTask(task);
        if (!access.allows(inboxTask.creditorId())) {
            throw new ForbiddenException("The token does not allow the creditor of user task " + task.userTaskKey());
        }
        return inboxTask;
    }

    /** The task's linked form as deployed; empty for a task without one (or with an external form reference). */
    private Optional<String> formJson(OpenUserTask task) {
        if (task.formKey() == null || !task.formKey().chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return userTasks.formJson(Long.parseLong(task.formKey()));
    }

    private static JsonNode readTree(String form) {
        try {
            return JSON.readTree(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A deployed form is not JSON", e);
        }
    }

    private InboxTask inboxTask(OpenUserTask task) {
        InvoiceView invoice = invoiceOf(task.variables());
        String creditorId = task.variables().get("creditorId") instanceof String id ? id
                : invoice == null ? null : invoice.creditorId();
        return new InboxTask(task.userTaskKey(), task.processInstanceKey(), task.bpmnProcessId(), task.elementId(),
                task.taskName(), task.formKey(), task.candidateGroups(), task.dueDate(), task.variables(), creditorId,
                invoice == null ? null : new InboxTask.TaskInvoice(invoice.id(), invoice.invoiceNumber(),
                        invoice.customer().name(), invoice.outstanding(), invoice.currency(), invoice.status().name()));
    }

    private InvoiceView invoiceOf(Map<String, Object> variables) {
        if (!(variables.get("invoiceId") instanceof String id)) {
            return null;
        }
        try {
            // a process variable naming no invoice of ours: the task is listed without one
            return invoices.summary(UUID.fromString(id)).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
