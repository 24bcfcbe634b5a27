package dev.tandem.launcher;

/**
 * {@code tandem token NAME ROLE[,ROLE...]}: makes a bearer token for a new API user, prints it once, and prints
 * the entry to add to the {@code users} of {@code <data>/config/dev.tandem.http.auth.config} (only its hash).
 */
public final class NewToken {
    private NewToken() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !args[0].matches("[\\p{L}\\p{N}._@-]{1,128}")
                || !args[1].matches("(admin|deployer|auditor|channel)(,(admin|deployer|auditor|channel))*")) {
            System.err.println("usage: tandem token NAME ROLE[,ROLE...]   roles: admin, deployer, auditor, channel");
            System.exit(2);
            return;
        }
        String token = ApiTokens.newToken();
        System.out.println("Token for " + args[0] + " (shown once; give it to the user): " + token);
        System.out.println("Add to users in <data>/config/dev.tandem.http.auth.config:");
        System.out.println("  \"" + ApiTokens.userEntry(args[0], args[1], token) + "\"");
    }
}
