package dev.tandem.http.internal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The roles a user may hold, and the permissions each grants. */
enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    DEPLOYER(EnumSet.of(Permission.READ, Permission.DEPLOY, Permission.ROLLBACK)),
    AUDITOR(EnumSet.of(Permission.READ)),
    CHANNEL(EnumSet.of(Permission.DECIDE));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the roles there are */
    static Role of(String label) {
        for (Role role : values()) {
            if (role.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + label.strip() + "'; roles are admin, deployer, "
                + "auditor, channel");
    }
}
