package org.collectionorchestrator.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks a command's Bean Validation rules where the command is handled, so a REST body and a Kafka message with
 * the same content get the same answer. Problems are named by property path ("customer.name"), as the REST API
 * names them.
 */
@Component
public class CommandValidator {

    private final Validator validator;

    public CommandValidator(Validator validator) {
        this.validator = validator;
    }

    /** Returns the command if it keeps every rule; otherwise throws {@link InvalidRequestException} naming them all. */
    public <T> T validate(T command) {
        if (command == null) {
            throw InvalidRequestException.field("body", "must not be null");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.stream()
                    .map(v -> new InvalidRequestException.FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                    .toList());
        }
        return command;
    }
}
