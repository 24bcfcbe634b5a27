package dev.tandem.engine.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Version;

import dev.tandem.api.Problem;
import dev.tandem.api.RulesetRejectedException;

/** Checks, before anything is installed, that a jar is a rule bundle for this extender and says what it is. */
record RuleBundleManifest(String name, String version) {
    static final String EXTENDER = "dev.tandem.rules";
    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    static RuleBundleManifest read(byte[] jar) throws RulesetRejectedException {
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            manifest = in.getManifest();
        } catch (IOException | RuntimeException e) {
            throw reject("not a jar file: " + e.getMessage());
        }
        if (manifest == null) {
            throw reject("not a jar file with a manifest");
        }
        Attributes main = manifest.getMainAttributes();
        String name = header(main, "Bundle-SymbolicName").split(";")[0].strip();
        String version = header(main, "Bundle-Version");
        try {
            version = Version.parseVersion(version).toString();
        } catch (IllegalArgumentException e) {
            throw reject("Bundle-Version '" + version + "' is not an OSGi version: " + e.getMessage());
        }
        String requirements = main.getValue("Require-Capability");
        if (requirements == null || !requirements.contains("osgi.extender=" + EXTENDER)) {
            throw reject("not a rule bundle: Require-Capability must ask for osgi.extender=" + EXTENDER);
        }
        return new RuleBundleManifest(name, version);
    }

    private static String header(Attributes main, String header) throws RulesetRejectedException {
        String value = main.getValue(header);
        if (value == null || value.isBlank()) {
            throw reject("the manifest has no " + header);
        }
        return value.strip();
    }

    private static RulesetRejectedException reject(String message) {
        return new RulesetRejectedException(message, List.of(new Problem(MANIFEST, 0, 0, message)));
    }
}
