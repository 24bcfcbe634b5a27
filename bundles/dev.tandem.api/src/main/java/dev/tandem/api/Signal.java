package dev.tandem.api;

/**
 * A fact a detector found in an interaction: a score in [0,1] under a name
 * ({@code humanRequest}, {@code topic.fraud}), optionally with a label
 * ({@code intent} = {@code contact_human_agent}). Escalation rules match on these.
 */
public final class Signal {
    private final String name;
    private final double value;
    private final String label;
    private final String detector;

    public Signal(String name, double value, String label, String detector) {
        this.name = name;
        this.value = value;
        this.label = label;
        this.detector = detector;
    }

    public static Signal score(String name, double value, String detector) {
        return new Signal(name, value, null, detector);
    }

    public String getName() { return name; }
    public double getValue() { return value; }
    public String getLabel() { return label; }
    public String getDetector() { return detector; }

    /** What a decision shows for this signal: the label when there is one, else the score. */
    public Object shownValue() {
        return label != null ? label : value;
    }

    @Override
    public String toString() {
        return name + "=" + shownValue() + (label != null ? " (" + value + ")" : "");
    }
}
