package dev.tandem.http.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A user of the API: a name (the principal recorded as deployer and in the audit trail), roles, and the hash of
 * the user's bearer token. Configured as {@code name;role[,role...];sha256:<salt>:<hash>}.
 */
record ApiUser(String name, Set<Role> roles, TokenHash token) {
    static final int MAX_NAME_LENGTH = 128;

    ApiUser {
        roles = Set.copyOf(roles);
    }

    boolean may(Permission permission) {
        return roles.stream().anyMatch(role -> role.grants(permission));
    }

    /** @throws IllegalArgumentException saying what is wrong, without repeating the hash */
    static ApiUser parse(String entry) {
        String[] parts = entry.split(";");
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected name;roles;sha256:<salt>:<hash>");
        }
        String name = parts[0].strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || !name.chars().allMatch(ApiUser::isNameCharacter)) {
            throw new IllegalArgumentException("a user name is 1 to " + MAX_NAME_LENGTH
                    + " letters, digits or . _ @ -");
        }
        return new ApiUser(name, roles(parts[1]), TokenHash.parse(parts[2]));
    }

    private static Set<Role> roles(String labels) {
        List<Role> roles = new ArrayList<>();
        for (String label : labels.split(",")) {
            roles.add(Role.of(label));
        }
        return EnumSet.copyOf(roles);
    }

    private static boolean isNameCharacter(int c) {
        return Character.isLetterOrDigit(c) || ".-_@".indexOf(c) >= 0;
    }
}
