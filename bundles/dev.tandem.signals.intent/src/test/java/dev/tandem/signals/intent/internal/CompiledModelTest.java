package dev.tandem.signals.intent.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;

/** The hashed fast path scores as OpenNLP does (see also {@code IntentModelTest}). */
class CompiledModelTest {
    @Test
    void featuresWeightedForSomeOutcomesOnlyScoreAsInOpenNlp() {
        Context refundOnly = new Context(new int[] {0}, new double[] {2.0});
        Context deliveryAndOther = new Context(new int[] {1, 2}, new double[] {1.5, -0.5});
        Context bias = new Context(new int[] {0, 1, 2}, new double[] {0.1, 0.2, 0.3});
        QNModel sparse = new QNModel(new Context[] {refundOnly, deliveryAndOther, bias},
                new String[] {"w=refund", "w=parcel", Features.BIAS}, new String[] {"refund", "delivery", "other"});
        CompiledModel compiled = new CompiledModel(sparse);
        for (String text : new String[] {"refund", "parcel refund parcel", "nothing known", ""}) {
            assertArrayEquals(sparse.eval(Features.of(text)), compiled.eval(text), 1e-12, text);
        }
    }

    @Test
    void aFeatureHashesTheSameWhetherBuiltAsStringOrFedCharacterByCharacter() {
        long[] fed = new long[1];
        Features.Sink sink = new Features.Sink() {
            private final StringBuilder feature = new StringBuilder();

            @Override
            public void append(char c) {
                feature.append(c);
            }

            @Override
            public void end() {
                fed[0] = CompiledModel.hash(feature);
            }
        };
        for (char c : "c=<re".toCharArray()) {
            sink.append(c);
        }
        sink.end();
        assertEquals(CompiledModel.hash("c=<re"), fed[0]);
    }
}
