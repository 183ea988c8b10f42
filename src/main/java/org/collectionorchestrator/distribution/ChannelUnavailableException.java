package org.collectionorchestrator.distribution;

/** A provider could not be reached or answered with a technical error: try again later, with the same dispatch id. */
public class ChannelUnavailableException extends RuntimeException {

    public ChannelUnavailableException(String message) {
        super(message);
    }

    public ChannelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
