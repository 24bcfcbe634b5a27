package dev.tandem.signals.intent.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.Version;

import dev.tandem.signals.intent.training.IntentModel;

/**
 * The intent models in service, one per domain. When several bundles offer a domain the highest
 * version serves it and the others wait; removing it brings the next one back. Readers see an
 * immutable map that is replaced in one write, so a classification never sees half a swap.
 */
final class ModelShelf {
    /** A model as a bundle offered it. */
    record Offer(long bundleId, Version version, IntentModel model) {
    }

    private final AtomicReference<Map<String, List<Offer>>> offers = new AtomicReference<>(Map.of());
    private volatile Map<String, IntentModel> serving = Map.of();

    IntentModel model(String domain) {
        return serving.get(domain);
    }

    Map<String, IntentModel> serving() {
        return serving;
    }

    synchronized void add(Offer offer) {
        Map<String, List<Offer>> next = new HashMap<>(offers.get());
        List<Offer> forDomain = new java.util.ArrayList<>(next.getOrDefault(offer.model().domain(), List.of()));
        forDomain.add(offer);
        forDomain.sort(Comparator.comparing(Offer::version).reversed());
        next.put(offer.model().domain(), List.copyOf(forDomain));
        publish(next);
    }

    synchronized void remove(long bundleId) {
        Map<String, List<Offer>> next = new HashMap<>();
        offers.get().forEach((domain, list) -> {
            List<Offer> kept = list.stream().filter(offer -> offer.bundleId() != bundleId).toList();
            if (!kept.isEmpty()) {
                next.put(domain, kept);
            }
        });
        publish(next);
    }

    private void publish(Map<String, List<Offer>> next) {
        offers.set(Map.copyOf(next));
        Map<String, IntentModel> models = new HashMap<>();
        next.forEach((domain, list) -> models.put(domain, list.get(0).model()));
        serving = Map.copyOf(models);
    }
}
