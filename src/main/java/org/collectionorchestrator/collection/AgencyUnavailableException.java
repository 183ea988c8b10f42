package org.collectionorchestrator.collection;

/** The agency did not answer, timed out or answered 5xx, 408 or 429: worth trying again until the deadline. */
class AgencyUnavailableException extends RuntimeException {

    AgencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
