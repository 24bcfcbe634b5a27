package dev.tandem.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class EngineTest {
    @Test
    void jettyPropertiesOnTheCommandLineReachJettyAndNothingElseDoes() {
        Properties system = new Properties();
        system.setProperty("org.apache.felix.http.jetty.threadpool.max", "12");
        system.setProperty("org.apache.felix.http.jetty.virtualthreads.enable", "true");
        system.setProperty("org.apache.felix.http.host", "0.0.0.0");
        system.setProperty("java.version", "25");

        assertEquals(Map.of("org.apache.felix.http.jetty.threadpool.max", "12",
                "org.apache.felix.http.jetty.virtualthreads.enable", "true"), Engine.jettyProperties(system));
    }
}
