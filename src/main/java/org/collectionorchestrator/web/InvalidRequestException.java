package org.collectionorchestrator.web;

import java.util.List;

/** A request that breaks a rule the bean validation annotations cannot express; answered as 400 with the fields. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> fields;

    public InvalidRequestException(List<FieldProblem> fields) {
        super(fields.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.fields = List.copyOf(fields);
    }

    public static InvalidRequestException field(String field, String message) {
        return new InvalidRequestException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    public record FieldProblem(String field, String message) {
    }
}
