package dev.tandem.tools;

import java.util.Arrays;

import dev.tandem.signals.intent.training.TrainCommand;

/** {@code ./tandem signals train ...} and {@code ./tandem eval ...}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "eval" -> evaluate(rest);
            case "signals" -> signals(rest);
            default -> fail("usage: tandem eval --dataset NAME --data F.csv [--policy P] [--folds K [--fold I]] [--model M.jar]\n"
                    + "       tandem signals train --data F.csv --text-col C --label-col C --domain D --out model.jar");
        }
    }

    /** An engine that failed to start may leave framework threads behind: end the process either way. */
    private static void evaluate(String[] args) {
        try {
            Eval.main(args);
        } catch (Exception | LinkageError e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void signals(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("train")) {
            fail("usage: tandem signals train --data F.csv --text-col C --label-col C --domain D --out model.jar "
                    + "[--version V] [--notice FILE] [--folds K --holdout I]");
        }
        TrainCommand.main(Arrays.copyOfRange(args, 1, args.length));
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
