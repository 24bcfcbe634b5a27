package dev.tandem.api;

/** Something wrong with a rule bundle: a compile error, a failed scenario, a bad manifest. Line and column are 0 when unknown. */
public record Problem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return (file == null ? "" : file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": ") + message;
    }
}
