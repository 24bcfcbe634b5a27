package dev.tandem.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.tandem.api.Interaction;
import dev.tandem.api.Signal;
import dev.tandem.api.SignalDetector;

/** Runs every registered {@link SignalDetector} (whiteboard): detectors come and go while the engine runs. */
@Component(service = SignalDetection.class)
public class SignalDetection {

    /** A detector threw: the decision must fail safe, naming it. */
    static final class DetectorFailure extends Exception {
        private static final long serialVersionUID = 1L;

        DetectorFailure(String detector, RuntimeException cause) {
            super("signal detector '" + detector + "' failed: " + cause, cause);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<SignalDetector> detectors = new CopyOnWriteArrayList<>();

    List<Signal> detect(Interaction interaction) throws DetectorFailure {
        List<Signal> signals = new ArrayList<>();
        for (SignalDetector detector : detectors) {
            try {
                signals.addAll(detector.detect(interaction));
            } catch (RuntimeException e) {
                throw new DetectorFailure(detector.name(), e);
            }
        }
        return signals;
    }

    List<String> detectorNames() {
        return detectors.stream().map(SignalDetector::name).toList();
    }
}
