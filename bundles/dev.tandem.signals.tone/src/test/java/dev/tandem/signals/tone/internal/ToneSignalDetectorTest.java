package dev.tandem.signals.tone.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tandem.api.Interaction;
import dev.tandem.api.Message;
import dev.tandem.api.Signal;

class ToneSignalDetectorTest {
    @TempDir
    Path folder;

    static ToneConfig config(String... extraFiles) {
        return new ToneConfig() {
            public Class<? extends Annotation> annotationType() { return ToneConfig.class; }
            public double cueScore() { return 0.8; }
            public String[] languages() { return new String[] {"en", "zh", "id"}; }
            public String[] extraCueFiles() { return extraFiles; }
            public int exclamationMarks() { return 3; }
            public double shoutingScore() { return 0.6; }
        };
    }

    static Map<String, Double> tone(ToneSignalDetector detector, String text) {
        Interaction interaction = new Interaction("t", "chat", null, null, List.of(new Message("customer", text)), Double.NaN, Map.of());
        Map<String, Double> scores = new TreeMap<>();
        for (Signal signal : detector.detect(interaction)) {
            scores.put(signal.getName(), signal.getValue());
        }
        return scores;
    }

    @ParameterizedTest
    @CsvSource({
        "This is ridiculous and I am fed up,                tone.anger",
        "where is my fucking parcel,                        tone.profanity",
        "'Oh great, thanks for nothing',                    tone.sarcasm",
        "I am desperate and can't cope,                     tone.distress",
        "我真的受够了你们的服务,                              tone.anger",
        "他妈的怎么还没到,                                   tone.profanity",
        "呵呵，真是帮了大忙,                                  tone.sarcasm",
        "我已经走投无路了,                                    tone.distress",
        "saya sangat kecewa dan marah,                      tone.anger",
        "dasar bot goblok,                                  tone.profanity",
        "hebat sekali ya pelayanannya,                      tone.sarcasm",
        "saya putus asa tolong saya,                        tone.distress",
    })
    void eachToneIsFoundInEachLanguage(String text, String tone) {
        assertTrue(tone(new ToneSignalDetector(config()), text).containsKey(tone), text);
    }

    @Test
    void shoutingIsAnger() {
        ToneSignalDetector detector = new ToneSignalDetector(config());
        assertEquals(0.6, tone(detector, "WHERE IS MY MONEY I PAID WEEKS AGO").get("tone.anger"));
        assertEquals(0.6, tone(detector, "answer me!!!").get("tone.anger"));
    }

    @Test
    void aCalmMessageHasNoTone() {
        assertEquals(Map.of(), tone(new ToneSignalDetector(config()), "How do I change my delivery address? Thanks"));
        assertEquals(Map.of(), tone(new ToneSignalDetector(config()), "这个床垫靠谱吗"));
    }

    @Test
    void wordsMatchWholeUnlessTheCueEndsWithAStar() {
        ToneSignalDetector detector = new ToneSignalDetector(config());
        assertTrue(tone(detector, "the assassin's creed game").isEmpty(), "'ass' inside a word is not profanity");
        assertTrue(tone(detector, "fucking hell").containsKey("tone.profanity"));
    }

    @Test
    void aUserFileAddsCues() throws Exception {
        Path extra = folder.resolve("team.txt");
        Files.writeString(extra, "# our own words\ntone.anger 0.9: absolute shambles\n");
        ToneSignalDetector detector = new ToneSignalDetector(config(extra.toString()));
        assertEquals(0.9, tone(detector, "this is an absolute shambles").get("tone.anger"));
        assertEquals(new ToneSignalDetector(config()).cueCount() + 1, detector.cueCount());
    }
}
