package org.collectionorchestrator.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a command (a request record) against its Bean Validation annotations wherever it comes from, so a service
 * refuses what its REST controller refuses even when something else (a message listener, a job) calls it.
 */
public final class Commands {

    private static final Validator VALIDATOR;

    static {
        @SuppressWarnings("resource") // lives as long as the application
        ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        VALIDATOR = factory.getValidator();
    }

    private Commands() {
    }

    /** @throws InvalidRequestException naming every field (as a path such as {@code customer.name}) that breaks a rule */
    public static void validate(Object command) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(command);
        if (!violations.isEmpty()) {
            List<InvalidRequestException.FieldProblem> problems = violations.stream()
                    .map(v -> new InvalidRequestException.FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                    .toList();
            throw new InvalidRequestException(problems);
        }
    }
}
