package org.collectionorchestrator.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem-detail answers an endpoint gives besides the ones every endpoint may give (400 for a bad parameter or
 * body, 401, 403, 413 for a body, 500; see {@link OpenApiConfiguration}): 404, 409 or 422. The OpenAPI document
 * lists them with the shared problem schema.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProblemResponses {

    /** Statuses among 404, 409 and 422. */
    int[] value();

    /** What each status means here, in the order of {@link #value()}; empty for the general wording. */
    String[] descriptions() default {};
}
