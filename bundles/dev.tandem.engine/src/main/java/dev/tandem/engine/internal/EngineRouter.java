package dev.tandem.engine.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.tandem.api.DecisionListener;
import dev.tandem.api.Interaction;
import dev.tandem.api.Router;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.Signal;

/**
 * Routes interactions with the active version of the configured ruleset.
 * An interaction may name another deployed ruleset in its {@code ruleset} attribute.
 */
@Component(service = Router.class)
@Designate(ocd = EngineRouter.Config.class)
public class EngineRouter implements Router {

    @ObjectClassDefinition(name = "Tandem router")
    public @interface Config {
        @AttributeDefinition(description = "The ruleset that decides when an interaction does not name one")
        String ruleset() default "rules.escalation-default";

        @AttributeDefinition(description = "Most rule firings in one decision before it fails safe")
        int maxFirings() default 1000;

        @AttributeDefinition(description = "Time budget of the rules in one decision, ms, before it fails safe")
        long timeBudgetMillis() default 100;

        @AttributeDefinition(description = "Memory the rules of one decision may allocate, MB, before it fails safe; 0: no budget")
        long memoryBudgetMegabytes() default 64;
    }

    static final String RULESET_ATTRIBUTE = "ruleset";

    private static final System.Logger LOG = System.getLogger(EngineRouter.class.getName());

    @Reference
    private ActiveRulesets rulesets;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<DecisionListener> listeners = new CopyOnWriteArrayList<>();
    @Reference
    private SignalDetection signalDetection;
    @Reference
    private RunawayWatch runawayWatch;

    private volatile String defaultRuleset;
    private volatile DecisionMaker decisionMaker;

    @Activate
    @Modified
    void configure(Config config) {
        defaultRuleset = config.ruleset();
        decisionMaker = new DecisionMaker(signalDetection,
                Limits.of(config.maxFirings(), config.timeBudgetMillis(), config.memoryBudgetMegabytes()), runawayWatch);
    }

    @Override
    public RoutingDecision decide(Interaction interaction) {
        return decideAndTell(interaction, null);
    }

    @Override
    public RoutingDecision decide(Interaction interaction, List<Signal> knownSignals) {
        return decideAndTell(interaction, List.copyOf(knownSignals));
    }

    private RoutingDecision decideAndTell(Interaction interaction, List<Signal> knownSignals) {
        String named = interaction.text(RULESET_ATTRIBUTE);
        String name = named == null ? defaultRuleset : named;
        RoutingDecision decision = decisionMaker.decide(interaction, rulesets.activeRuleset(name), knownSignals);
        for (DecisionListener listener : listeners) {
            try {
                listener.decided(interaction, decision);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "decision listener " + listener + " failed", e);
            }
        }
        return decision;
    }
}
