package dev.tandem.signals.intent.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.BundleTracker;

import dev.tandem.api.Interaction;
import dev.tandem.api.Signal;
import dev.tandem.api.SignalDetector;
import dev.tandem.signals.intent.training.IntentModel;
import dev.tandem.signals.intent.training.ModelBundleFormat;

/**
 * Reports the likely intents of the customer's latest message as {@code intent} signals (label = intent,
 * value = probability, best first), with the model of the interaction's domain ({@code attributes.domain}).
 * Models are signal-model bundles (see {@link ModelBundleFormat}) that this component tracks: installing,
 * updating or uninstalling one swaps the domain's model while decisions go on.
 */
@Component(service = SignalDetector.class, configurationPid = "dev.tandem.signals.intent")
@Designate(ocd = IntentConfig.class)
public class IntentSignalDetector implements SignalDetector {
    static final String NAME = "intent";

    private final ModelShelf shelf = new ModelShelf();
    private final BundleTracker<Long> tracker;
    private final String domainAttribute;
    private final String defaultDomain;
    private final int candidates;
    private final double candidateFloor;

    @Activate
    public IntentSignalDetector(BundleContext context, IntentConfig config) {
        domainAttribute = config.domainAttribute();
        defaultDomain = config.defaultDomain();
        candidates = Math.max(1, config.candidates());
        candidateFloor = config.candidateFloor();
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, new ModelBundleTracker(context.getBundle(), shelf));
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Signal> detect(Interaction interaction) {
        String domain = interaction.text(domainAttribute);
        IntentModel model = shelf.model(domain == null ? defaultDomain : domain);
        String text = interaction.getLastCustomerText();
        if (model == null || text.isBlank()) {
            return List.of();
        }
        List<Signal> signals = new ArrayList<>(candidates);
        for (IntentModel.Candidate candidate : model.classify(text, candidates, candidateFloor)) {
            signals.add(new Signal(NAME, candidate.probability(), candidate.label(), NAME));
        }
        return signals;
    }
}
