package dev.tandem.rules.sandbox.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tandem.rules.sandbox.Source;

/**
 * A rule bundle's manifest: it may import the fact model's packages and nothing else, and may carry no header that
 * runs or exposes code when the bundle starts (an activator, components, native code, a fragment host).
 */
final class ManifestCheck {
    static final Set<String> IMPORTABLE = Set.of("dev.tandem.api", "dev.tandem.api.rules");
    private static final Map<String, String> REFUSED_HEADERS = Map.of(
            "Bundle-Activator", "would run code when the bundle starts",
            "Service-Component", "would run components when the bundle starts",
            "Bundle-NativeCode", "would load native code",
            "DynamicImport-Package", "would import any package at run time",
            "Require-Bundle", "would wire the rules to whole bundles",
            "Fragment-Host", "would attach the rules to another bundle's class loader",
            "Export-Package", "would let other bundles use the rules' classes",
            "Bundle-ClassPath", "would add libraries to the rules' class path");

    private ManifestCheck() {
    }

    static void check(Map<String, String> headers, Source source, Findings findings) {
        headers.forEach((header, value) -> {
            String why = REFUSED_HEADERS.get(header);
            if (why != null && !(header.equals("Bundle-ClassPath") && value.strip().equals("."))) {
                findings.add(source, header, "has the header " + header + ", which " + why
                        + ": a rule bundle holds rules and scenarios only");
            }
        });
        String imports = headers.get("Import-Package");
        if (imports != null) {
            for (String imported : packageNames(imports)) {
                if (!IMPORTABLE.contains(imported)) {
                    findings.add(source, imported, "imports the package " + imported
                            + ": a rule bundle may import only " + String.join(" and ", IMPORTABLE.stream().sorted().toList()));
                }
            }
        }
    }

    /** The package names of an Import-Package header: clauses split at commas outside quotes, names before ';'. */
    static List<String> packageNames(String header) {
        List<String> names = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                for (String name : clause.toString().split(";")) {
                    String trimmed = name.strip();
                    if (!trimmed.isEmpty() && !trimmed.contains("=")) {
                        names.add(trimmed);
                    }
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return names;
    }
}
