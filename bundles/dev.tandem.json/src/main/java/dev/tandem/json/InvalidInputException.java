package dev.tandem.json;

/**
 * Input that is not a valid Tandem document. The message is a sentence for a
 * human, starting with the field's JSON path when there is one, e.g.
 * {@code messages[0].text: expected a string, not a number}.
 */
public class InvalidInputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the JSON path of the offending field, e.g. {@code messages[1].text}, or null when the whole input is wrong
     * @param problem what is wrong with it, e.g. {@code expected a string}
     */
    public InvalidInputException(String field, String problem) {
        super(field == null ? problem : field + ": " + problem);
        this.field = field;
    }

    /** The JSON path of the offending field, or null when the whole input is wrong (e.g. malformed JSON). */
    public String field() {
        return field;
    }
}
