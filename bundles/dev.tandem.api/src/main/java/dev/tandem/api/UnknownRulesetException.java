package dev.tandem.api;

/** No ruleset of that name, or none to roll back to. */
public class UnknownRulesetException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnknownRulesetException(String message) {
        super(message);
    }
}
