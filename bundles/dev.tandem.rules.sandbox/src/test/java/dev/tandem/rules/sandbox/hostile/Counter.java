package dev.tandem.rules.sandbox.hostile;

/** A helper class a hostile rule bundle carries: state that outlives every decision. The class file is the test input. */
public final class Counter {
    public static int count;

    private Counter() {
    }
}
