package dev.tandem.signals.language.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tandem.api.Interaction;
import dev.tandem.api.Message;
import dev.tandem.api.Signal;

class LanguageSignalDetectorTest {
    static final double SHARPNESS = 4.0;
    static LanguageConfig config(boolean always) {
        return new LanguageConfig() {
            public Class<? extends Annotation> annotationType() { return LanguageConfig.class; }
            public String[] languages() { return new String[] {"en", "zh", "id", "ms=id"}; }
            public double sharpness() { return SHARPNESS; }
            public int minLetters() { return 12; }
            public double minConfidence() { return 0.5; }
            public boolean always() { return always; }
        };
    }

    private static final LanguageSignalDetector DETECTOR = new LanguageSignalDetector(config(false));

    static List<Signal> detect(String language, String... customerTexts) {
        return detectWith(DETECTOR, language, customerTexts);
    }

    static List<Signal> detectWith(LanguageSignalDetector detector, String language, String... customerTexts) {
        List<Message> messages = java.util.Arrays.stream(customerTexts).map(t -> new Message("customer", t)).toList();
        return detector.detect(new Interaction("l", "chat", language, null, messages, Double.NaN, Map.of()));
    }

    @ParameterizedTest
    @CsvSource({
        "I want to talk to a person about my card,    en",
        "where is my refund,                          en",
        "saya mau bicara dengan manusia,              id",
        "kartu saya belum sampai kenapa ya,           id",
        "我要找人工客服,                               zh",
        "我的 card 被盗了,                             zh",
        "請幫我轉接真人客服,                            zh",
    })
    void recognisesTheLanguagesTandemServes(String text, String language) {
        List<Signal> signals = detect(null, text);
        assertEquals(1, signals.size(), text);
        assertEquals("language", signals.get(0).getName());
        assertEquals(language, signals.get(0).getLabel(), text);
        assertTrue(signals.get(0).getValue() >= 0.5);
    }

    @Test
    void saysNothingWhenTheChannelStatesTheLanguage() {
        assertEquals(List.of(), detect("en", "saya mau bicara dengan manusia"));
    }

    @Test
    void saysNothingWithoutEvidence() {
        assertEquals(List.of(), detect(null, "xq zzkv 12345"));
    }

    @ParameterizedTest
    @CsvSource({"Human please", "halo", "ok thanks", "PIN?"})
    void tooShortLatinTextGivesNoSignalRatherThanAGuess(String text) {
        assertEquals(List.of(), detect(null, text));
    }

    @Test
    void malayIsReportedAsIndonesian() {
        List<Signal> signals = detect(null, "saya nak bercakap dengan pegawai khidmat pelanggan sekarang");
        assertEquals("id", signals.get(0).getLabel());
    }

    @Test
    void checksTheChannelsLanguageWhenToldToAlways() {
        List<Signal> signals = detectWith(new LanguageSignalDetector(config(true)), "en", "saya mau bicara dengan manusia");
        assertEquals("id", signals.get(0).getLabel());
    }

    @Test
    void aMalformedLanguageEntryIsAClearError() {
        LanguageConfig malformed = new LanguageConfig() {
            public Class<? extends Annotation> annotationType() { return LanguageConfig.class; }
            public String[] languages() { return new String[] {"en", "ms=id=en"}; }
            public int minLetters() { return 12; }
            public double sharpness() { return SHARPNESS; }
            public double minConfidence() { return 0.5; }
            public boolean always() { return false; }
        };
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new LanguageSignalDetector(malformed));
        assertTrue(error.getMessage().contains("ms=id=en"), error.getMessage());
    }

    @Test
    void readsEveryCustomerMessage() {
        assertEquals("id", detect(null, "halo", "saya mau cek saldo rekening saya").get(0).getLabel());
    }
}
