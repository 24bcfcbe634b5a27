package dev.tandem.signals.lexicon.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.tandem.api.Interaction;
import dev.tandem.api.Message;
import dev.tandem.api.Signal;

/** Builds what DS would hand the component, and interactions to detect on. */
final class Fixtures {
    private Fixtures() {
    }

    /** The configuration DS passes when nothing is configured, with some values replaced. */
    static LexiconConfig config(Map<String, Object> overrides) {
        return (LexiconConfig) Proxy.newProxyInstance(LexiconConfig.class.getClassLoader(), new Class<?>[] {LexiconConfig.class},
                (proxy, method, args) -> overrides.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    static LexiconSignalDetector detector() {
        return new LexiconSignalDetector(config(Map.of()));
    }

    /** Alternating turns, customer first: customer, assistant, customer, ... */
    static Interaction conversation(String language, String... turns) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < turns.length; i++) {
            messages.add(new Message(i % 2 == 0 ? Message.CUSTOMER : "assistant", turns[i]));
        }
        return new Interaction("test", "chat", language, null, messages, null, Map.of());
    }

    static Set<String> names(List<Signal> signals) {
        Set<String> names = new TreeSet<>();
        signals.forEach(signal -> names.add(signal.getName()));
        return names;
    }
}
