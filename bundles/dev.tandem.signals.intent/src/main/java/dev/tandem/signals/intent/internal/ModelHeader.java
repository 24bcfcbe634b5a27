package dev.tandem.signals.intent.internal;

import java.util.HashMap;
import java.util.Map;

import dev.tandem.signals.intent.training.ModelBundleFormat;

/** The parsed {@code Tandem-Signal-Model} header: {@code intent; domain=banking77; features=1; resource=model/intent.bin}. */
public record ModelHeader(String kind, String domain, int features, String resource) {

    public static ModelHeader parse(String header) {
        String[] parts = header.split(";");
        Map<String, String> attributes = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            if (pair.length == 2) {
                attributes.put(pair[0].strip(), pair[1].strip().replace("\"", ""));
            }
        }
        String domain = attributes.get("domain");
        if (domain == null || domain.isEmpty()) {
            throw new IllegalArgumentException(ModelBundleFormat.HEADER + " names no domain: " + header);
        }
        return new ModelHeader(parts[0].strip(), domain, Integer.parseInt(attributes.getOrDefault("features", "1")),
                attributes.getOrDefault("resource", ModelBundleFormat.RESOURCE));
    }
}
