package dev.tandem.signals.tone.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Bitext marks offensive language with the tag W: the profanity cues must find nearly all of those messages
 * and hardly any of the others. The data lives outside the repository (../shared/data).
 */
class BitextTagsTest {
    private static final Path DATA = Path.of(System.getProperty("tandem.root", "../.."))
            .resolve("../shared/data/bitext/Bitext_Sample_Customer_Support_Training_Dataset.csv");

    @Test
    void profanityCuesAgreeWithBitextsOffensiveLanguageTag() throws IOException {
        assumeTrue(Files.exists(DATA), "no Bitext data at " + DATA);
        ToneSignalDetector detector = new ToneSignalDetector(ToneSignalDetectorTest.config());
        int tagged = 0;
        int taggedFound = 0;
        int untagged = 0;
        int untaggedFound = 0;
        for (List<String> row : BitextRows.read(DATA)) {
            boolean offensive = row.get(1).contains("W");
            boolean found = ToneSignalDetectorTest.tone(detector, row.get(0)).containsKey("tone.profanity");
            tagged += offensive ? 1 : 0;
            taggedFound += offensive && found ? 1 : 0;
            untagged += offensive ? 0 : 1;
            untaggedFound += !offensive && found ? 1 : 0;
        }
        assertTrue(tagged > 100, "tagged rows: " + tagged);
        assertTrue(taggedFound >= tagged * 0.95, "found " + taggedFound + " of " + tagged + " offensive messages");
        assertTrue(untaggedFound <= untagged * 0.01, untaggedFound + " of " + untagged + " inoffensive messages flagged");
    }
}
