package dev.tandem.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tandem.api.RulesetInfo;

/**
 * The rule and scenario files of a deployed rule bundle, read from the installed bundle, so that
 * the workbench can compare a rule project with what the engine runs.
 */
final class RuleBundleFiles {
    private RuleBundleFiles() {
    }

    static SortedMap<String, String> read(BundleContext context, RulesetInfo deployed) throws HttpProblem, IOException {
        Bundle bundle = installed(context, deployed);
        SortedMap<String, String> files = new TreeMap<>();
        add(bundle, "/", "*.drl", files);
        add(bundle, "/scenarios", "*.json", files);
        return files;
    }

    static ObjectNode toTree(RulesetInfo deployed, Map<String, String> files) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("name", deployed.name());
        tree.put("version", deployed.version());
        ObjectNode byPath = tree.putObject("files");
        files.forEach(byPath::put);
        return tree;
    }

    private static Bundle installed(BundleContext context, RulesetInfo deployed) throws HttpProblem {
        Version version = Version.parseVersion(deployed.version());
        for (Bundle bundle : context.getBundles()) {
            if (deployed.name().equals(bundle.getSymbolicName()) && version.equals(bundle.getVersion())) {
                return bundle;
            }
        }
        throw HttpProblem.notFound("Ruleset " + deployed.name() + " " + deployed.version()
                + " is no longer installed; its files are gone.");
    }

    private static void add(Bundle bundle, String folder, String pattern, SortedMap<String, String> files)
            throws IOException {
        Enumeration<URL> urls = bundle.findEntries(folder, pattern, true);
        while (urls != null && urls.hasMoreElements()) {
            URL url = urls.nextElement();
            try (InputStream in = url.openStream()) {
                files.put(url.getPath().replaceFirst("^/", ""), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
