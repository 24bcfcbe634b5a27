package dev.tandem.rules.sandbox.hostile;

import java.io.IOException;

/** A helper class a hostile rule bundle carries: it runs a command. Never loaded; its class file is the test input. */
public final class Escape {
    private Escape() {
    }

    public static void run() throws IOException {
        Runtime.getRuntime().exec(new String[] {"id"});
    }
}
