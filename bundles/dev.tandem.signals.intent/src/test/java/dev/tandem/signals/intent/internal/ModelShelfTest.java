package dev.tandem.signals.intent.internal;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

import dev.tandem.signals.intent.training.IntentModel;
import dev.tandem.signals.intent.training.ModelTrainer;

class ModelShelfTest {
    static IntentModel older;
    static IntentModel newer;
    static IntentModel other;

    @BeforeAll
    static void train() throws IOException {
        older = trained("shop");
        newer = trained("shop");
        other = trained("bank");
    }

    private static IntentModel trained(String domain) throws IOException {
        return new ModelTrainer(50, 0.1, 1).train(domain, List.of(new ModelTrainer.Example("refund my order", "get_refund"),
                new ModelTrainer.Example("where is my parcel", "track_delivery")));
    }

    @Test
    void theHighestVersionOfADomainServesWhateverTheOrderOfArrival() {
        ModelShelf shelf = new ModelShelf();
        shelf.add(new ModelShelf.Offer(2, Version.parseVersion("2.0.0"), newer));
        shelf.add(new ModelShelf.Offer(1, Version.parseVersion("1.0.0"), older));
        assertSame(newer, shelf.model("shop"));
    }

    @Test
    void removingTheServingModelBringsBackTheNextOne() {
        ModelShelf shelf = new ModelShelf();
        shelf.add(new ModelShelf.Offer(1, Version.parseVersion("1.0.0"), older));
        shelf.add(new ModelShelf.Offer(2, Version.parseVersion("2.0.0"), newer));
        shelf.add(new ModelShelf.Offer(3, Version.parseVersion("1.0.0"), other));
        shelf.remove(2);
        assertSame(older, shelf.model("shop"));
        assertSame(other, shelf.model("bank"));
        shelf.remove(1);
        assertNull(shelf.model("shop"));
    }
}
