package dev.tandem.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The routing engine: an Apache Felix framework with the distribution's
 * bundles. The data folder holds the framework cache and the deployed rule
 * bundles; the cache is rebuilt at each start, the rule bundles are restored
 * by the engine from its own record.
 */
public final class Engine {

    /**
     * How to start: where the distribution and data live, and the HTTP port.
     *
     * @param sharedApi true when the caller holds dev.tandem.api on its own class path and wants to call the
     *                  engine's services directly (benchmarks, evaluation): the framework then exports the
     *                  caller's API packages instead of installing the API bundle
     */
    public record Options(Path distribution, Path dataFolder, int port, boolean deployDefaultRuleset,
                          boolean sharedApi) {
        public Options(Path distribution, Path dataFolder, int port, boolean deployDefaultRuleset) {
            this(distribution, dataFolder, port, deployDefaultRuleset, false);
        }

        Path bundles() {
            return distribution.resolve("bundle");
        }

        Path defaultRuleset() throws IOException {
            try (Stream<Path> jars = Files.list(distribution.resolve("rules"))) {
                return jars.filter(p -> p.toString().endsWith(".jar")).findFirst()
                        .orElseThrow(() -> new IOException("no default ruleset in " + distribution.resolve("rules")));
            }
        }
    }

    private static final String API_BUNDLE = "dev.tandem.api";
    private static final String PAX_LOG_LEVEL = "org.ops4j.pax.logging.DefaultServiceLog.level";

    /** Config Admin configurations, read from {@code <data>/config/*.config|*.cfg} by Felix File Install. */
    public static final String CONFIG_FOLDER = "config";
    /** The users entry of the first-start admin, for dev.tandem.http's access control. */
    static final String ADMIN_PROPERTY = "tandem.auth.admin";
    private static final String JETTY_PROPERTIES = "org.apache.felix.http.jetty.";

    private final Options options;
    private final Map<String, String> extraProperties = new HashMap<>();
    private Framework framework;
    private ApiTokens.AdminToken adminToken;

    public Engine(Options options) {
        this.options = options;
    }

    /** Sets a framework property for the bundles to read, e.g. {@code tandem.audit.url}; a null value sets nothing. */
    public Engine frameworkProperty(String name, String value) {
        if (value != null && !value.isBlank()) {
            extraProperties.put(name, value);
        }
        return this;
    }

    public Engine start() throws IOException, BundleException {
        Files.createDirectories(options.dataFolder().resolve(CONFIG_FOLDER));
        adminToken = ApiTokens.adminToken(options.dataFolder());
        framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"))
                .newFramework(frameworkProperties());
        framework.init();
        List<Bundle> installed = installBundles();
        framework.start();
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        return this;
    }


    /** A service of the running engine, waiting for it up to a minute (components start asynchronously). */
    public <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(framework.getBundleContext(), type, null);
        tracker.open();
        T service = tracker.waitForService(60_000);
        if (service == null) {
            throw new IllegalStateException("the engine offers no " + type.getName() + " after a minute");
        }
        return service;
    }

    public void stop() throws BundleException, InterruptedException {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(30_000);
            framework = null;
        }
    }

    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /** The admin's bearer token and the file it is kept in; known once started. */
    public ApiTokens.AdminToken adminToken() {
        return adminToken;
    }

    public Framework framework() {
        return framework;
    }

    public int port() {
        return options.port();
    }

    private Map<String, String> frameworkProperties() throws IOException {
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, options.dataFolder().resolve("felix-cache").toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put("org.osgi.service.http.port", Integer.toString(options.port()));
        properties.put("org.apache.felix.http.host", "127.0.0.1");
        properties.put("org.apache.felix.http.name", "tandem");
        properties.put(JETTY_PROPERTIES + "threadpool.max", Integer.toString(jettyThreads()));
        properties.put("tandem.data", options.dataFolder().toString());
        properties.put(ADMIN_PROPERTY, ApiTokens.userEntry("admin", "admin", adminToken.token()));
        properties.put("felix.fileinstall.dir", options.dataFolder().resolve(CONFIG_FOLDER).toAbsolutePath().toString());
        properties.put("felix.fileinstall.filter", ".*\\.(cfg|config)");
        properties.put("felix.fileinstall.enableConfigSave", "false");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.putAll(jettyProperties(System.getProperties()));
        properties.putAll(extraProperties);
        // pax-logging also takes over java.util.logging, which the engine logs through
        System.setProperty(PAX_LOG_LEVEL, System.getProperty(PAX_LOG_LEVEL, "INFO"));
        if (options.deployDefaultRuleset()) {
            properties.put("tandem.defaultRuleset", options.defaultRuleset().toString());
        }
        if (options.sharedApi()) {
            properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, exportsOf(apiBundle()));
        }
        return properties;
    }

    /**
     * Two request threads per core, plus Jetty's acceptor and selector. Two hundred (Jetty's default) thrash the
     * caches of a small machine, doubling the CPU time of a decision; and every runnable thread beyond the cores
     * waits its turn in the scheduler, which is the tail of the latency. On 2 cores, wrk -c32 against
     * POST /api/v1/decisions: 8 threads gave a p99 of 6.5 to 10.4 ms, 6 threads 4.0 to 4.8 ms at the same
     * or a higher rate, 4 threads left a core idle.
     */
    private static int jettyThreads() {
        return 2 + 2 * Runtime.getRuntime().availableProcessors();
    }

    /** {@code -Dorg.apache.felix.http.jetty.…} on the engine's command line tunes Jetty (see the Felix HTTP docs). */
    static Map<String, String> jettyProperties(Properties system) {
        Map<String, String> jetty = new HashMap<>();
        system.stringPropertyNames().stream().filter(name -> name.startsWith(JETTY_PROPERTIES))
                .forEach(name -> jetty.put(name, system.getProperty(name)));
        return jetty;
    }

    private Path apiBundle() throws IOException {
        try (Stream<Path> files = Files.list(options.bundles())) {
            return files.filter(p -> p.getFileName().toString().startsWith(API_BUNDLE + "-")).findFirst()
                    .orElseThrow(() -> new IOException("no " + API_BUNDLE + " in " + options.bundles()));
        }
    }

    private static String exportsOf(Path bundle) throws IOException {
        try (JarFile jar = new JarFile(bundle.toFile())) {
            return jar.getManifest().getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
        }
    }

    private List<Bundle> installBundles() throws IOException, BundleException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(options.bundles())) {
            jars = files.filter(p -> p.toString().endsWith(".jar"))
                    .filter(p -> !(options.sharedApi() && p.getFileName().toString().startsWith(API_BUNDLE + "-")))
                    .sorted().toList();
        }
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            try (InputStream in = Files.newInputStream(jar)) {
                bundles.add(framework.getBundleContext().installBundle(jar.toUri().toString(), in));
            }
        }
        return bundles;
    }
}
