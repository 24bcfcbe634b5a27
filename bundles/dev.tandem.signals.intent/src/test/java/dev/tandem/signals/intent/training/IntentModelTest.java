package dev.tandem.signals.intent.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** The hashed fast path gives OpenNLP's own probabilities, for words it knows, words it does not, and Chinese. */
class IntentModelTest {
    @Test
    void probabilitiesEqualOpenNlpsOwn() throws IOException {
        IntentModel model = ModelTrainerTest.trained("shop");
        for (String text : new String[] {"I want my money back", "REFUND!!! where is it", "parcel parcel parcel",
                "zzz unknown words only", "", "我要退款 refund 123", "Don't deliver to 221B Baker St.",
                // NFKC writes each of these as a phrase of 18 characters: more features than the text's length suggests
                "\uFDFA\uFDFA\uFDFA refund \uFDFA"}) {
            assertArrayEquals(model.probabilitiesByOpenNlp(text), model.probabilities(text), 1e-9, text);
        }
    }
}
