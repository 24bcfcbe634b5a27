package dev.tandem.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;

/**
 * The files of a rule bundle: every {@code .drl} file is a rule file, every
 * {@code .json} file under {@code scenarios/} is a scenario file. Paths are
 * relative to the bundle root, sorted, so that problems name stable files.
 */
record RuleBundleContent(Map<String, byte[]> drlFiles, Map<String, byte[]> scenarioFiles) {
    static final String SCENARIO_FOLDER = "scenarios";

    static RuleBundleContent of(Bundle bundle) throws IOException {
        return new RuleBundleContent(entries(bundle, "/", "*.drl"), entries(bundle, "/" + SCENARIO_FOLDER, "*.json"));
    }

    private static Map<String, byte[]> entries(Bundle bundle, String folder, String pattern) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Enumeration<URL> urls = bundle.findEntries(folder, pattern, true);
        while (urls != null && urls.hasMoreElements()) {
            URL url = urls.nextElement();
            try (InputStream in = url.openStream()) {
                files.put(url.getPath().replaceFirst("^/", ""), in.readAllBytes());
            }
        }
        return files;
    }
}
