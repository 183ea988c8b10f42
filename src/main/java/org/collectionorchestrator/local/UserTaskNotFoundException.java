package org.collectionorchestrator.local;

/** The engine knows no open user task with this key: it never existed, or it was already completed or canceled. */
public class UserTaskNotFoundException extends RuntimeException {

    private final long userTaskKey;

    public UserTaskNotFoundException(long userTaskKey, String engineMessage) {
        super("No open user task with key " + userTaskKey
                + (engineMessage == null || engineMessage.isBlank() ? "" : ": " + engineMessage));
        this.userTaskKey = userTaskKey;
    }

    public long userTaskKey() {
        return userTaskKey;
    }
}
