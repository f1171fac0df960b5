package dev.controlplane.api;

/** A request parameter or body that cannot be used: answered with 400 and the message. */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
