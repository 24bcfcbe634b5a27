package dev.tandem.signals.tone.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The index finds exactly the cues whose needle the prepared text contains, no more, no fewer. */
class CueIndexTest {
    private static final Path BITEXT = Path.of(System.getProperty("tandem.root", "../.."))
            .resolve("../shared/data/bitext/Bitext_Sample_Customer_Support_Training_Dataset.csv");
    private static List<Cue> cues;
    private static CueIndex index;

    @BeforeAll
    static void readTheShippedCues() throws IOException {
        Map<String, BufferedReader> sources = new LinkedHashMap<>();
        for (String language : List.of("en", "zh", "id")) {
            sources.put(language, new BufferedReader(new InputStreamReader(
                    CueIndexTest.class.getResourceAsStream("/tone/" + language + ".txt"), StandardCharsets.UTF_8)));
        }
        cues = CueList.read(sources, 0.8).cues();
        index = new CueIndex(cues);
    }

    @Test
    void findsWhatSearchingForEveryCueFindsOnTrickyTexts() {
        for (String text : List.of("fucking hell", "FUCK", "the assassin's creed game", "pissed off and sick of it",
                "piss", "I'm so fed up!!!", "我真的受够了你们的服务", "我的card被盗了 他妈的", "气死我了，太过分", "", " ", "!!!",
                "dasar bot goblok", "saya putus asa", "sick and tired of this", "tired", "ＦＵＣＫ ｔｈｉｓ", "x fuckity y")) {
            assertSameCues(text);
        }
    }

    @Test
    void findsSomethingWhereSearchingDoes() {
        assertTrue(found("where is my fucking parcel").stream().anyMatch(cue -> cue.category().equals("tone.profanity")));
        assertTrue(found("我真的受够了").stream().anyMatch(cue -> cue.category().equals("tone.anger")));
        assertEquals(Set.of(), found("the assassin's creed game"));
    }

    @Test
    void findsWhatSearchingForEveryCueFindsOnEveryBitextMessage() throws IOException {
        assumeTrue(Files.exists(BITEXT), "no Bitext data at " + BITEXT);
        int withCues = 0;
        for (List<String> row : BitextRows.read(BITEXT)) {
            withCues += assertSameCues(row.get(0)).isEmpty() ? 0 : 1;
        }
        assertTrue(withCues > 100, "messages with cues: " + withCues);
    }

    private static Set<Cue> assertSameCues(String text) {
        String prepared = CueText.of(text);
        Set<Cue> expected = cues.stream().filter(cue -> prepared.contains(cue.needle())).collect(Collectors.toSet());
        assertEquals(expected, found(text), text);
        return expected;
    }

    private static Set<Cue> found(String text) {
        List<Cue> found = new ArrayList<>();
        index.forEachMatch(CueText.of(text), found::add);
        return Set.copyOf(found);
    }
}
