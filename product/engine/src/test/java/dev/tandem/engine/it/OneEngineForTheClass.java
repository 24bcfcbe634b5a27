package dev.tandem.engine.it;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A real engine in a data folder of its own, started before a test class's tests and stopped after them. */
abstract class OneEngineForTheClass {
    @TempDir
    static Path data;
    static RunningEngine engine;

    @BeforeAll
    static void startTheEngine() throws Exception {
        engine = RunningEngine.start(data);
    }

    @AfterAll
    static void stopTheEngine() throws Exception {
        engine.close();
    }
}
