package dev.tandem.signals.intent.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    @TempDir
    Path folder;

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() throws IOException {
        Path file = folder.resolve("data.csv");
        Files.writeString(file, "text,label\r\n\"hello, \"\"you\"\"\nthere\",greet\nplain,other\n");
        Csv csv = Csv.read(file);
        assertEquals(List.of("hello, \"you\"\nthere", "plain"), csv.column("text"));
        assertEquals(List.of("greet", "other"), csv.column("label"));
    }

    @Test
    void anUnknownColumnIsNamedWithTheColumnsThereAre() throws IOException {
        Path file = folder.resolve("data.csv");
        Files.writeString(file, "text,label\na,b\n");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Csv.read(file).column("intent"));
        assertEquals("no column 'intent'; columns: [text, label]", error.getMessage());
    }

    @Test
    void foldsDealRowsByPosition() {
        Folds folds = new Folds(5, 2);
        assertEquals(List.of(2, 7, 12), java.util.stream.IntStream.range(0, 15).filter(folds::isHeldOut).boxed().toList());
    }
}
