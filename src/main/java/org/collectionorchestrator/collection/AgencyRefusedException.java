package org.collectionorchestrator.collection;

/** The agency answered 4xx: retrying the same request cannot help; the problem text goes into the incident. */
class AgencyRefusedException extends RuntimeException {

    private final int status;

    AgencyRefusedException(int status, String problem) {
        super("HTTP " + status + ": " + problem);
        this.status = status;
    }

    int status() {
        return status;
    }
}
