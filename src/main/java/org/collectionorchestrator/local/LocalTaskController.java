package org.collectionorchestrator.local;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
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

    private final InMemoryEngineUserTasks userTasks;

    public LocalTaskController(InMemoryEngineUserTasks userTasks) {
        this.userTasks = userTasks;
    }

    @GetMapping
    @Operation(summary = "Open user tasks, oldest first")
    public List<OpenUserTask> open() {
        return userTasks.openTasks();
    }

    @PostMapping("/{key}/complete")
    @Operation(summary = "Complete a user task with the form's variables, e.g. {\"decision\":\"WRITE_OFF\"}")
    public ResponseEntity<Void> complete(@PathVariable long key, @RequestBody(required = false) Map<String, Object> variables) {
        try {
            userTasks.complete(key, variables == null ? Map.of() : variables);
        } catch (UserTaskNotFoundException e) {
            throw new NotFoundException("No open user task " + key);
        }
        return ResponseEntity.noContent().build();
    }
}
