package dev.tandem.api;

/** Which ruleset version made a decision. */
public record RulesetRef(String name, String version) {
    @Override
    public String toString() {
        return name + " " + version;
    }
}
