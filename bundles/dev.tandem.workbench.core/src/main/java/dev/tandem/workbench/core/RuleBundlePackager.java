package dev.tandem.workbench.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Manifest;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Jar;

/**
 * Makes the rule bundle jar of a project with bnd: the same headers as the Maven build of
 * {@code rules/*} (see {@code ruleset.bnd}), the DRL and scenario files as resources.
 */
public final class RuleBundlePackager {
    /** Wires the bundle to the engine's rule-bundle extender, version 1.x. */
    public static final String EXTENDER_REQUIREMENT =
            "osgi.extender;filter:=\"(&(osgi.extender=dev.tandem.rules)(version>=1.0)(!(version>=2.0)))\"";

    /** The jar's bytes, from the files as the project holds them (saved or not). */
    public byte[] build(RuleProject project) throws IOException {
        try (Jar jar = new Jar(project.name()); Analyzer analyzer = new Analyzer()) {
            long now = System.currentTimeMillis();
            project.allFiles().forEach((path, text) ->
                    jar.putResource(path, new EmbeddedResource(text.getBytes(StandardCharsets.UTF_8), now)));
            analyzer.setJar(jar);
            analyzer.setProperty(Constants.BUNDLE_SYMBOLICNAME, project.name());
            analyzer.setProperty(Constants.BUNDLE_VERSION, project.version());
            analyzer.setProperty(Constants.BUNDLE_NAME, project.title());
            analyzer.setProperty(Constants.REQUIRE_CAPABILITY, EXTENDER_REQUIREMENT);
            analyzer.setProperty(Constants.EXPORT_PACKAGE, "");
            analyzer.setProperty(Constants.IMPORT_PACKAGE, "");
            analyzer.setProperty(Constants.NOIMPORTJAVA, "true");
            analyzer.setProperty(Constants.REMOVEHEADERS, "Bnd-LastModified,Tool,Created-By");
            Manifest manifest = analyzer.calcManifest();
            if (!analyzer.isOk()) {
                throw new IOException("bnd could not make the rule bundle: " + analyzer.getErrors());
            }
            jar.setManifest(manifest);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            jar.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("bnd could not make the rule bundle: " + e.getMessage(), e);
        }
    }

    /** Writes the jar into a folder as {@code <name>-<version>.jar} and returns its path. */
    public Path write(RuleProject project, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path jar = folder.resolve(project.name() + "-" + project.version() + ".jar");
        Files.write(jar, build(project));
        return jar;
    }
}
