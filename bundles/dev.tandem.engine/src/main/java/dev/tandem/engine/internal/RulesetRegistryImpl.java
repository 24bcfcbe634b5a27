package dev.tandem.engine.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

import dev.tandem.api.DeploymentEvent;
import dev.tandem.api.DeploymentEvent.Kind;
import dev.tandem.api.DeploymentListener;
import dev.tandem.api.Problem;
import dev.tandem.api.RulesetInfo;
import dev.tandem.api.RulesetRef;
import dev.tandem.api.RulesetRegistry;
import dev.tandem.api.RulesetRejectedException;
import dev.tandem.api.RulesetState;
import dev.tandem.api.UnknownRulesetException;

/**
 * The rule-bundle extender and registry. Any resolved bundle wired to this
 * bundle's {@code osgi.extender=dev.tandem.rules} capability is compiled and
 * its scenarios run; if all pass it becomes the active version of its
 * ruleset, and the version it replaces stays on standby for rollback.
 * Activation swaps one immutable map, so a decision in flight finishes on the
 * version it started with.
 */
@Component(service = {RulesetRegistry.class, ActiveRulesets.class}, immediate = true)
@Designate(ocd = RulesetRegistryImpl.Config.class)
public class RulesetRegistryImpl implements RulesetRegistry, ActiveRulesets, BundleTrackerCustomizer<Bundle> {

    @ObjectClassDefinition(name = "Tandem ruleset registry")
    public @interface Config {
        @AttributeDefinition(description = "Data folder; empty: the framework property tandem.data, else ./var")
        String dataFolder() default "";

        @AttributeDefinition(description = "Rule bundle jar deployed when nothing is; empty: framework property tandem.defaultRuleset")
        String defaultRuleset() default "";

        @AttributeDefinition(description = "How many previous versions of a ruleset stay on standby for rollback")
        int standbyVersions() default 5;

        @AttributeDefinition(description = "Time budget of one scenario decision while testing a rule bundle, ms (cold code is slow)")
        long scenarioTimeBudgetMillis() default 5000;

        @AttributeDefinition(description = "Most rule firings in one scenario decision")
        int scenarioMaxFirings() default 1000;
    }

    private static final System.Logger LOG = System.getLogger(RulesetRegistryImpl.class.getName());
    private static final int FAILURES_KEPT = 20;

    @Reference
    private SignalDetection signalDetection;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<DeploymentListener> listeners = new CopyOnWriteArrayList<>();

    private BundleContext context;
    private Config config;
    private DeploymentLog log;
    private RulesetCompiler compiler;
    private ScenarioRunner scenarios;
    private BundleTracker<Bundle> tracker;

    /** Per ruleset name, its versions oldest first; the last one is active. Guarded by this. */
    private final Map<String, Deque<Deployment>> versions = new HashMap<>();
    private final Deque<RulesetInfo> failures = new ArrayDeque<>();
    private volatile Map<String, CompiledRuleset> active = Map.of();
    /** While the data folder's versions are reinstalled, none is published: an older one must not decide meanwhile. */
    private boolean restoring;

    /** Who is deploying the bundle at a location, and what the extender made of it. */
    private final Map<String, String> deployerByLocation = new ConcurrentHashMap<>();
    private final Map<String, Instant> deployedAtByLocation = new ConcurrentHashMap<>();
    private final Map<Long, List<Problem>> refusals = new ConcurrentHashMap<>();
    private final Object deployLock = new Object();

    @Activate
    void activate(BundleContext context, Config config) throws IOException {
        this.context = context;
        this.config = config;
        this.log = new DeploymentLog(dataFolder(context, config));
        this.compiler = new RulesetCompiler(getClass().getClassLoader());
        this.scenarios = new ScenarioRunner(new DecisionMaker(signalDetection,
                Limits.of(config.scenarioMaxFirings(), config.scenarioTimeBudgetMillis())));
        // tracked from resolution to uninstall, so that stopping the framework is not taken for an uninstall
        tracker = new BundleTracker<>(context, Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, this);
        tracker.open();
        restore();
        deployDefaultIfEmpty();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        active = Map.of();
    }

    @Override
    public CompiledRuleset activeRuleset(String name) {
        return active.get(name);
    }

    @Override
    public synchronized List<RulesetInfo> rulesets() {
        List<RulesetInfo> all = new ArrayList<>(failures);
        versions.values().forEach(stack -> stack.forEach(d -> all.add(d.info(stateOf(d)))));
        all.sort(Comparator.comparing(RulesetInfo::deployedAt));
        return all;
    }

    @Override
    public synchronized Optional<RulesetInfo> active(String name) {
        return newest(name).filter(d -> d.ruleset() == active.get(name)).map(d -> d.info(RulesetState.ACTIVE));
    }

    private synchronized Optional<Deployment> newest(String name) {
        Deque<Deployment> stack = versions.get(name);
        return stack == null ? Optional.empty() : Optional.ofNullable(stack.peekLast());
    }

    @Override
    public RulesetInfo deploy(InputStream bundleJar, String deployedBy) throws RulesetRejectedException {
        byte[] jar;
        try {
            jar = bundleJar.readAllBytes();
        } catch (IOException e) {
            throw rejected("could not read the rule bundle: " + e.getMessage());
        }
        RuleBundleManifest manifest;
        try {
            RuleBundleArchive.check(jar);
            manifest = RuleBundleManifest.read(jar);
        } catch (RulesetRejectedException e) {
            announce(Kind.REFUSED, null, null, null, deployedBy, e.problems());
            throw e;
        }
        synchronized (deployLock) {
            String before = active(manifest.name()).map(RulesetInfo::version).orElse(null);
            try {
                RulesetInfo deployed = install(manifest, jar, deployedBy, Instant.now());
                announce(Kind.DEPLOYED, manifest.name(), before, deployed.version(), deployedBy, List.of());
                return deployed;
            } catch (RulesetRejectedException e) {
                announce(Kind.REFUSED, manifest.name(), before, manifest.version(), deployedBy, e.problems());
                throw e;
            }
        }
    }

    @Override
    public RulesetInfo rollback(String name, String requestedBy) throws UnknownRulesetException {
        synchronized (deployLock) {
            synchronized (this) {
                Deque<Deployment> stack = versions.get(name);
                if (stack == null || stack.isEmpty()) {
                    throw new UnknownRulesetException("no ruleset named '" + name + "' is deployed");
                }
                if (stack.size() < 2) {
                    throw new IllegalStateException("'" + name + "' " + stack.peekLast().version()
                            + " is the only version: there is nothing to roll back to");
                }
            }
            return rollBack(name, requestedBy, List.of());
        }
    }

    @Override
    public boolean withdraw(RulesetRef version, String actor, String reason) {
        synchronized (deployLock) {
            synchronized (this) {
                Deque<Deployment> stack = versions.get(version.name());
                CompiledRuleset current = active.get(version.name());
                if (stack == null || stack.size() < 2 || current == null || !current.ref().equals(version)) {
                    return false;
                }
            }
            List<Problem> why = List.of(new Problem(null, 0, 0, reason));
            rollBack(version.name(), actor, why);
            recordFailure(new RulesetInfo(version.name(), version.version(), RulesetState.FAILED, Instant.now(),
                    actor, why));
            return true;
        }
    }

    /** Pops the active version of a ruleset that has a previous one; called with the deploy lock held. */
    private RulesetInfo rollBack(String name, String actor, List<Problem> why) {
        Deployment retiring;
        RulesetInfo nowActive;
        synchronized (this) {
            Deque<Deployment> stack = versions.get(name);
            retiring = stack.removeLast();
            publish();
            persist();
            nowActive = stack.peekLast().info(RulesetState.ACTIVE);
        }
        LOG.log(Level.INFO, "{0} rolled {1} back from {2} to {3} {4}", actor, name, retiring.version(),
                nowActive.version(), why.isEmpty() ? "" : why.get(0).message());
        uninstallAndRetire(retiring);
        announce(Kind.ROLLED_BACK, name, retiring.version(), nowActive.version(), actor, why);
        return nowActive;
    }

    // --- the extender: BundleTracker callbacks, on the thread that started or stopped the bundle

    @Override
    public Bundle addingBundle(Bundle bundle, BundleEvent event) {
        if (!wiredToThisExtender(bundle)) {
            return null;
        }
        String location = bundle.getLocation();
        RulesetRef ref = new RulesetRef(bundle.getSymbolicName(), bundle.getVersion().toString());
        List<Problem> problems = new ArrayList<>();
        CompiledRuleset ruleset = compileAndTest(bundle, ref, problems);
        if (ruleset == null) {
            refusals.put(bundle.getBundleId(), problems);
            LOG.log(Level.WARNING, "refused rule bundle {0}: {1}", ref, problems);
            return bundle;
        }
        Deployment deployment = new Deployment(ruleset, bundle, jarPath(location),
                deployedAtByLocation.getOrDefault(location, Instant.now()),
                deployerByLocation.getOrDefault(location, "bundle " + location));
        activate(deployment);
        LOG.log(Level.INFO, "activated ruleset {0} ({1} rules), deployed by {2}", ref, ruleset.ruleCount(),
                deployment.deployedBy());
        return bundle;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
        // a rule bundle's content cannot change while it is started
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
        refusals.remove(bundle.getBundleId());
        if (event == null) {
            return; // the tracker is closing because the engine stops: the bundle stays deployed
        }
        String name = bundle.getSymbolicName();
        String before;
        synchronized (this) {
            Deque<Deployment> stack = versions.get(name);
            if (stack == null || stack.isEmpty()) {
                return;
            }
            before = stack.peekLast().version();
            if (!stack.removeIf(d -> d.bundle().equals(bundle))) {
                return;
            }
            if (stack.isEmpty()) {
                versions.remove(name);
            }
            publish();
            persist();
        }
        String after = active(name).map(RulesetInfo::version).orElse(null);
        announce(Kind.UNINSTALLED, name, before, after, "bundle " + bundle.getLocation(), List.of());
    }

    // --- internals

    private CompiledRuleset compileAndTest(Bundle bundle, RulesetRef ref, List<Problem> problems) {
        RuleBundleContent content;
        try {
            content = RuleBundleContent.of(bundle);
        } catch (IOException e) {
            problems.add(new Problem(null, 0, 0, "could not read the bundle: " + e.getMessage()));
            return null;
        }
        RulesetCompiler.Result compiled;
        try {
            compiled = compiler.compile(ref, content.drlFiles());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.ERROR, "the rules compiler failed on " + ref, e);
            problems.add(new Problem(null, 0, 0, "the rules compiler failed: " + e));
            return null;
        }
        problems.addAll(compiled.problems());
        if (!compiled.ok()) {
            return null;
        }
        if (content.scenarioFiles().isEmpty()) {
            problems.add(new Problem(RuleBundleContent.SCENARIO_FOLDER, 0, 0,
                    "the rule bundle has no scenarios: a ruleset must prove itself before it decides"));
            return null;
        }
        problems.addAll(scenarios.run(compiled.ruleset(), content.scenarioFiles()));
        return problems.isEmpty() ? compiled.ruleset() : null;
    }

    private RulesetInfo install(RuleBundleManifest manifest, byte[] jar, String deployedBy, Instant deployedAt)
            throws RulesetRejectedException {
        if (isDeployed(manifest.name(), manifest.version())) {
            throw rejected(manifest.name() + " " + manifest.version()
                    + " is already deployed: give each deployment a new Bundle-Version");
        }
        Path stored;
        try {
            stored = log.store(manifest.name(), manifest.version(), jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the rule bundle in the data folder", e);
        }
        return start(stored, manifest, deployedBy, deployedAt);
    }

    private RulesetInfo start(Path jar, RuleBundleManifest manifest, String deployedBy, Instant deployedAt)
            throws RulesetRejectedException {
        String location = jar.toUri().toString();
        deployerByLocation.put(location, deployedBy);
        deployedAtByLocation.put(location, deployedAt);
        Bundle bundle = null;
        try (InputStream in = Files.newInputStream(jar)) {
            refuseIfOutsideSandbox(jar, manifest);
            bundle = context.installBundle(location, in);
            bundle.start();
            List<Problem> problems = refusals.remove(bundle.getBundleId());
            if (problems != null) {
                throw new RulesetRejectedException(manifest.name() + " " + manifest.version()
                        + " was refused: " + problems.size() + " problem(s)", problems);
            }
            if (!isDeployed(manifest.name(), manifest.version())) {
                throw rejected("the engine did not take " + manifest.name() + " " + manifest.version()
                        + " as a rule bundle (is its osgi.extender requirement wired?)");
            }
            retireOldVersions(manifest.name());
            return newest(manifest.name()).orElseThrow().info(RulesetState.ACTIVE);
        } catch (RulesetRejectedException e) {
            undo(bundle, jar, manifest, e.problems());
            throw e;
        } catch (BundleException | IOException e) {
            RulesetRejectedException rejection = rejected("cannot install the rule bundle: " + e.getMessage());
            undo(bundle, jar, manifest, rejection.problems());
            throw rejection;
        } finally {
            deployerByLocation.remove(location);
            deployedAtByLocation.remove(location);
        }
    }

    /** Before installing: a bundle's activator or classes must not get a chance to run (restored jars included). */
    private static void refuseIfOutsideSandbox(Path jar, RuleBundleManifest manifest)
            throws IOException, RulesetRejectedException {
        List<Problem> problems = SandboxCheck.jar(Files.readAllBytes(jar));
        if (!problems.isEmpty()) {
            throw new RulesetRejectedException(manifest.name() + " " + manifest.version()
                    + " leaves the rule sandbox: " + problems.size() + " problem(s)", problems);
        }
    }

    private void undo(Bundle bundle, Path jar, RuleBundleManifest manifest, List<Problem> problems) {
        try {
            if (bundle != null) {
                bundle.uninstall();
            }
            log.discard(jar);
        } catch (BundleException | IOException e) {
            LOG.log(Level.WARNING, "could not clean up refused rule bundle " + jar, e);
        }
        recordFailure(new RulesetInfo(manifest.name(), manifest.version(), RulesetState.FAILED, Instant.now(),
                deployerByLocation.getOrDefault(jar.toUri().toString(), "unknown"), problems));
    }

    private synchronized void recordFailure(RulesetInfo failure) {
        failures.addLast(failure);
        while (failures.size() > FAILURES_KEPT) {
            failures.removeFirst();
        }
    }

    private synchronized void activate(Deployment deployment) {
        versions.computeIfAbsent(deployment.name(), n -> new ArrayDeque<>()).addLast(deployment);
        publish();
        persist();
    }

    /** The atomic swap: deciding threads read one immutable map. Called with this locked. */
    private void publish() {
        if (restoring) {
            return;
        }
        Map<String, CompiledRuleset> next = new LinkedHashMap<>();
        versions.forEach((name, stack) -> {
            if (!stack.isEmpty()) {
                next.put(name, stack.peekLast().ruleset());
            }
        });
        active = Map.copyOf(next);
    }

    private void persist() {
        List<DeploymentLog.Entry> entries = new ArrayList<>();
        versions.values().forEach(stack -> stack.forEach(d -> entries.add(
                new DeploymentLog.Entry(d.name(), d.version(), d.jar(), d.deployedAt(), d.deployedBy()))));
        entries.sort(Comparator.comparing(DeploymentLog.Entry::deployedAt));
        try {
            log.write(entries);
        } catch (IOException e) {
            LOG.log(Level.ERROR, "cannot record deployments in the data folder: a restart may not restore them", e);
        }
    }

    private void retireOldVersions(String name) {
        List<Deployment> old = new ArrayList<>();
        synchronized (this) {
            Deque<Deployment> stack = versions.get(name);
            while (stack != null && stack.size() > config.standbyVersions() + 1) {
                old.add(stack.removeFirst());
            }
            if (!old.isEmpty()) {
                persist();
            }
        }
        old.forEach(this::uninstallAndRetire);
    }

    private void uninstallAndRetire(Deployment deployment) {
        try {
            deployment.bundle().uninstall();
            log.retire(deployment.jar());
        } catch (BundleException | IOException | IllegalStateException e) {
            LOG.log(Level.WARNING, "could not retire " + deployment.ruleset().ref(), e);
        }
    }

    private synchronized boolean isDeployed(String name, String version) {
        Deque<Deployment> stack = versions.get(name);
        return stack != null && stack.stream().anyMatch(d -> d.version().equals(version));
    }

    private RulesetState stateOf(Deployment deployment) {
        return active.get(deployment.name()) == deployment.ruleset() ? RulesetState.ACTIVE : RulesetState.STANDBY;
    }

    private boolean wiredToThisExtender(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        for (BundleWire wire : wiring.getRequiredWires("osgi.extender")) {
            if (RuleBundleManifest.EXTENDER.equals(wire.getCapability().getAttributes().get("osgi.extender"))
                    && wire.getProvider().getBundle().equals(context.getBundle())) {
                return true;
            }
        }
        return false;
    }

    private Path jarPath(String location) {
        return location.startsWith("file:") ? Path.of(java.net.URI.create(location)) : null;
    }

    private void restore() {
        List<DeploymentLog.Entry> entries;
        try {
            entries = log.read();
        } catch (IOException e) {
            LOG.log(Level.ERROR, "cannot read the deployment record; starting without rulesets", e);
            return;
        }
        synchronized (deployLock) {
            setRestoring(true);
            try {
                entries.forEach(this::restore);
            } finally {
                setRestoring(false);
            }
        }
    }

    private synchronized void setRestoring(boolean nowRestoring) {
        restoring = nowRestoring;
        publish();
    }

    private void restore(DeploymentLog.Entry entry) {
        if (!Files.exists(entry.jar())) {
            LOG.log(Level.ERROR, "deployed rule bundle {0} is missing from the data folder", entry.jar());
            return;
        }
        try {
            start(entry.jar(), new RuleBundleManifest(entry.name(), entry.version()), entry.deployedBy(),
                    entry.deployedAt());
        } catch (RulesetRejectedException e) {
            LOG.log(Level.ERROR, "could not restore {0} {1}: {2}", entry.name(), entry.version(), e.problems());
        }
    }

    private void deployDefaultIfEmpty() throws IOException {
        String path = config.defaultRuleset().isEmpty() ? context.getProperty("tandem.defaultRuleset")
                : config.defaultRuleset();
        synchronized (this) {
            if (path == null || path.isBlank() || !versions.isEmpty()) {
                return;
            }
        }
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(Path.of(path)))) {
            deploy(in, "tandem (default ruleset)");
        } catch (RulesetRejectedException e) {
            LOG.log(Level.ERROR, "the default ruleset {0} was refused: {1}", path, e.problems());
        }
    }

    private void announce(Kind kind, String name, String from, String to, String actor, List<Problem> problems) {
        DeploymentEvent event = new DeploymentEvent(kind, name, from, to, actor, Instant.now(), problems);
        for (DeploymentListener listener : listeners) {
            try {
                listener.deploymentEvent(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "deployment listener " + listener + " failed", e);
            }
        }
    }

    private static Path dataFolder(BundleContext context, Config config) {
        if (!config.dataFolder().isEmpty()) {
            return Path.of(config.dataFolder());
        }
        String property = context.getProperty("tandem.data");
        return Path.of(property == null || property.isBlank() ? "var" : property);
    }

    private static RulesetRejectedException rejected(String message) {
        return new RulesetRejectedException(message, List.of(new Problem(null, 0, 0, message)));
    }
}
