package dev.tandem.signals.intent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.BundleTrackerCustomizer;

import dev.tandem.signals.intent.training.IntentModel;
import dev.tandem.signals.intent.training.ModelBundleFormat;

/**
 * The extender side of signal-model bundles: a started bundle that is wired to our
 * {@code osgi.extender=dev.tandem.signals.model} capability and names an intent model in its
 * {@code Tandem-Signal-Model} header is loaded and put on the shelf; stopping it takes the model off.
 */
final class ModelBundleTracker implements BundleTrackerCustomizer<Long> {
    private static final System.Logger LOG = System.getLogger(ModelBundleTracker.class.getName());

    private final Bundle extender;
    private final ModelShelf shelf;

    ModelBundleTracker(Bundle extender, ModelShelf shelf) {
        this.extender = extender;
        this.shelf = shelf;
    }

    @Override
    public Long addingBundle(Bundle bundle, BundleEvent event) {
        String header = bundle.getHeaders().get(ModelBundleFormat.HEADER);
        if (header == null || !wiredToUs(bundle)) {
            return null;
        }
        try {
            ModelHeader parsed = ModelHeader.parse(header);
            if (!ModelBundleFormat.KIND.equals(parsed.kind())) {
                return null;
            }
            shelf.add(new ModelShelf.Offer(bundle.getBundleId(), bundle.getVersion(), load(bundle, parsed)));
            LOG.log(System.Logger.Level.INFO, "intent model {0} {1} for domain {2} in service",
                    bundle.getSymbolicName(), bundle.getVersion(), parsed.domain());
            return bundle.getBundleId();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "signal-model bundle " + bundle.getSymbolicName() + " refused: " + e, e);
            return null;
        }
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Long bundleId) {
        // a model bundle's content cannot change without an update, which removes and adds it again
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Long bundleId) {
        shelf.remove(bundleId);
    }

    private boolean wiredToUs(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        for (BundleWire wire : wiring.getRequiredWires("osgi.extender")) {
            Map<String, Object> attributes = wire.getCapability().getAttributes();
            if (ModelBundleFormat.EXTENDER.equals(attributes.get("osgi.extender"))
                    && wire.getProvider().getBundle().equals(extender)) {
                return true;
            }
        }
        return false;
    }

    private static IntentModel load(Bundle bundle, ModelHeader header) throws IOException {
        if (header.features() != Features.VERSION) {
            throw new IOException("model uses features version " + header.features() + ", this detector " + Features.VERSION);
        }
        URL resource = bundle.getEntry(header.resource());
        if (resource == null) {
            throw new IOException("no " + header.resource() + " in the bundle");
        }
        try (InputStream in = resource.openStream()) {
            return IntentModel.read(header.domain(), in);
        }
    }
}
