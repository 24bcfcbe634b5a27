package dev.tandem.http.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContext;

import dev.tandem.api.DeploymentEvent;
import dev.tandem.api.DeploymentListener;
import dev.tandem.api.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The servlet context of the whole API: authenticates every request by its bearer token and checks the
 * permission its endpoint needs ({@link AccessRules}) before any servlet sees it. The API's servlets select this
 * context, so without it they are not served at all: access control fails closed. Every deploy and rollback
 * attempt, allowed or refused, is announced to the {@link DeploymentListener}s (the audit trail) with the
 * principal and the source address. Tokens are never logged.
 */
@Component(service = ServletContextHelper.class, configurationPid = ApiContext.PID)
@Designate(ocd = ApiContext.Config.class)
@HttpWhiteboardContext(name = ApiContext.NAME, path = "/")
public class ApiContext extends ServletContextHelper {
    static final String NAME = "dev.tandem.http";
    static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";
    static final String PID = "dev.tandem.http.auth";
    /** Framework property with the first-start admin user (as a users entry), set by the launcher. */
    static final String ADMIN_PROPERTY = "tandem.auth.admin";
    static final String ANONYMOUS = "anonymous";
    private static final String BEARER = "Bearer ";
    private static final int MAX_TOKEN_LENGTH = 512;
    private static final Logger LOG = System.getLogger(ApiContext.class.getName());

    @ObjectClassDefinition(name = "Tandem API users",
            description = "Who may call the HTTP API. Health and metrics stay open.")
    @interface Config {
        @AttributeDefinition(description = "One entry per user: name;role[,role...];sha256:<salt>:<hash>, "
                + "roles admin, deployer, auditor, channel; `tandem token NAME ROLES` makes an entry")
        String[] users() default {};

        @AttributeDefinition(description = "Four eyes: a deploy waits for the approval of a second user with the "
                + "deploy permission (POST /api/v1/rulesets/{name}/{version}/approve)")
        boolean fourEyes() default false;
    }

    @Reference(service = DeploymentListener.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, fieldOption = FieldOption.UPDATE)
    private final List<DeploymentListener> listeners = new CopyOnWriteArrayList<>();

    private volatile List<ApiUser> users = List.of();

    @Activate
    @Modified
    void configure(BundleContext context, Config config) {
        List<ApiUser> configured = new ArrayList<>();
        String admin = context.getProperty(ADMIN_PROPERTY);
        if (admin != null && !admin.isBlank()) {
            addUser(configured, admin, "framework property " + ADMIN_PROPERTY);
        }
        String[] entries = config.users();
        for (int i = 0; i < entries.length; i++) {
            addUser(configured, entries[i], PID + " users[" + i + "]");
        }
        users = List.copyOf(configured);
        LOG.log(Level.INFO, "API users: " + String.join(", ", configured.stream()
                .map(u -> u.name() + " " + u.roles().stream().map(Role::label).sorted().toList()).toList()));
    }

    private static void addUser(List<ApiUser> users, String entry, String source) {
        try {
            users.add(ApiUser.parse(entry));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "Ignoring the user in " + source + ": " + e.getMessage());
        }
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Optional<Permission> needed = AccessRules.required(request.getMethod(), path);
        if (needed.isEmpty()) {
            return true;
        }
        Attempt attempt = new Attempt(request.getMethod(), path, request.getRemoteAddr(), needed.get());
        try {
            ApiUser user = authorise(request.getHeader("Authorization"), attempt);
            audit(attempt, user.name(), DeploymentEvent.Kind.ACCESS_GRANTED, "allowed");
            request.setAttribute(REMOTE_USER, user.name());
            request.setAttribute(AUTHENTICATION_TYPE, "Bearer");
            return true;
        } catch (HttpProblem refused) {
            if (refused.status() == 401) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"tandem\"");
            }
            if (request.getContentLengthLong() != 0) {
                // the body stays unread: a client reusing the connection would send its next request into it
                response.setHeader("Connection", "close");
            }
            ApiServlet.writeProblem(response, refused);
            return false;
        }
    }

    /** The request, for the audit trail and for messages. */
    record Attempt(String method, String path, String source, Permission permission) {
        boolean audited() {
            return permission == Permission.DEPLOY || permission == Permission.ROLLBACK;
        }

        String describe() {
            return method + " " + path + " from " + source;
        }
    }

    private ApiUser authorise(String authorization, Attempt attempt) throws HttpProblem {
        Optional<ApiUser> user = authenticate(authorization);
        if (user.isEmpty()) {
            String why = authorization == null ? "no credentials" : "an unknown or malformed bearer token";
            audit(attempt, ANONYMOUS, DeploymentEvent.Kind.ACCESS_DENIED, "refused: " + why);
            throw HttpProblem.unauthorized("This request needs the " + attempt.permission().label()
                    + " permission: send Authorization: Bearer <token> (" + why + " given).");
        }
        if (!user.get().may(attempt.permission())) {
            audit(attempt, user.get().name(), DeploymentEvent.Kind.ACCESS_DENIED, "refused: no "
                    + attempt.permission().label() + " permission");
            throw HttpProblem.forbidden(user.get().name() + " may not do this: it needs the "
                    + attempt.permission().label() + " permission, which the roles " + user.get().roles().stream()
                    .map(Role::label).sorted().toList() + " do not grant.");
        }
        return user.get();
    }

    Optional<ApiUser> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return users.stream().filter(user -> user.token().matches(token)).findFirst();
    }

    private void audit(Attempt attempt, String principal, DeploymentEvent.Kind kind, String outcome) {
        if (!attempt.audited()) {
            return;
        }
        String detail = attempt.describe() + " by " + principal + ": " + outcome;
        if (kind == DeploymentEvent.Kind.ACCESS_DENIED) {
            LOG.log(Level.WARNING, detail);
        }
        DeploymentEvent event = new DeploymentEvent(kind, rulesetOf(attempt.path()), null, null, principal,
                Instant.now(), List.of(new Problem(null, 0, 0, detail)));
        for (DeploymentListener listener : listeners) {
            try {
                listener.deploymentEvent(event);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Deployment listener " + listener.getClass().getName() + " failed", e);
            }
        }
    }

    /** The ruleset a rollback or an approval names; a deploy's ruleset is only known from its jar. */
    private static String rulesetOf(String path) {
        String below = path.substring(Math.min(path.length(), RulesetsServlet.BASE.length()));
        String[] approval = DeployApprovals.approvalTarget(below);
        if (approval != null) {
            return approval[0];
        }
        return RulesetPath.parse(below) instanceof RulesetPath.Rollback rollback ? rollback.name() : null;
    }
}
