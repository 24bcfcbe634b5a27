package dev.tandem.engine.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import dev.tandem.api.RulesetRef;
import dev.tandem.api.RunawayTally;
import dev.tandem.api.RunawayWatchStatus;

/**
 * Counts, per ruleset version, the decisions whose rules ran into a limit (firings, time, memory, stack, heap).
 * After {@code hits} of them within {@code windowSeconds} the version is taken out of service: the ruleset rolls
 * back to its previous version, and the deployment event names the engine and the runaway. A version with nothing
 * to roll back to stays, and its runaway decisions keep failing safe.
 */
@Component(service = {RunawayWatch.class, RunawayWatchStatus.class})
@Designate(ocd = RunawayWatch.Config.class)
public class RunawayWatch implements DecisionMaker.RunawayListener, RunawayWatchStatus {

    @ObjectClassDefinition(name = "Tandem runaway containment")
    public @interface Config {
        @AttributeDefinition(description = "Runaway decisions of one ruleset version that take it out of service")
        int hits() default 5;

        @AttributeDefinition(description = "Within how many seconds those decisions must come")
        long windowSeconds() default 60;
    }

    static final String ACTOR = "engine";
    private static final System.Logger LOG = System.getLogger(RunawayWatch.class.getName());

    @Reference
    private ActiveRulesets rulesets;

    private final Map<RulesetRef, Deque<Long>> hitsByVersion = new ConcurrentHashMap<>();
    private final Map<RulesetRef, Map<String, Long>> totalByLimit = new ConcurrentHashMap<>();
    private volatile Config config;
    private ExecutorService withdrawals;

    /** For Declarative Services, which sets the reference. */
    public RunawayWatch() {
    }

    /** Outside a framework, e.g. in tests. */
    RunawayWatch(ActiveRulesets rulesets) {
        this.rulesets = rulesets;
    }

    @Activate
    void activate(Config newConfig) {
        config = newConfig;
        withdrawals = Executors.newSingleThreadExecutor(task -> new Thread(task, "tandem-runaway-containment"));
    }

    @Modified
    void modified(Config newConfig) {
        config = newConfig;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        withdrawals.shutdown();
        withdrawals.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** On the deciding thread: counts, and hands a withdrawal to the containment thread so the decision returns. */
    @Override
    public void ranAway(RulesetRef version, Runaway runaway) {
        totalByLimit.computeIfAbsent(version, v -> new ConcurrentHashMap<>()).merge(runaway.limit(), 1L, Long::sum);
        LOG.log(Level.WARNING, "{0} {1}: {2}", version.name(), version.version(), runaway.reason());
        if (thresholdReached(version, System.nanoTime())) {
            withdrawals.execute(() -> withdraw(version, runaway));
        }
    }

    /** Runaway decisions of that version since the engine started. */
    long hits(RulesetRef version) {
        return tally(version).total();
    }

    @Override
    public List<RunawayTally> tallies() {
        return totalByLimit.keySet().stream().map(this::tally).toList();
    }

    @Override
    public RunawayTally tally(RulesetRef version) {
        Config current = config;
        return new RunawayTally(version, totalByLimit.getOrDefault(version, Map.of()),
                inWindow(version, System.nanoTime()), current.hits(), current.windowSeconds());
    }

    private int inWindow(RulesetRef version, long now) {
        Deque<Long> hits = hitsByVersion.get(version);
        if (hits == null) {
            return 0;
        }
        synchronized (hits) {
            dropExpired(hits, now, config);
            return hits.size();
        }
    }

    private static void dropExpired(Deque<Long> hits, long now, Config current) {
        long windowStart = now - TimeUnit.SECONDS.toNanos(current.windowSeconds());
        while (!hits.isEmpty() && hits.peekFirst() < windowStart) {
            hits.removeFirst();
        }
    }

    private boolean thresholdReached(RulesetRef version, long now) {
        Config current = config;
        Deque<Long> hits = hitsByVersion.computeIfAbsent(version, v -> new ArrayDeque<>());
        synchronized (hits) {
            hits.addLast(now);
            dropExpired(hits, now, current);
            if (hits.size() < current.hits()) {
                return false;
            }
            hits.clear();
            return true;
        }
    }

    private void withdraw(RulesetRef version, Runaway runaway) {
        try {
            if (!rulesets.withdraw(version, ACTOR, runaway.reason())) {
                LOG.log(Level.ERROR, "{0} {1} keeps running away ({2}) but has no previous version: its runaway"
                        + " decisions keep failing safe", version.name(), version.version(), runaway.reason());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "could not take " + version + " out of service", e);
        }
    }
}
