package dev.tandem.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessRulesTest {

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/v1/health                               | none
            POST   | /api/v1/health                               | none
            POST   | /api/v1/decisions                            | DECIDE
            POST   | /api/v1/noop                                 | DECIDE
            GET    | /api/v1/decisions                            | READ
            GET    | /api/v1/decisions/d-1                        | READ
            HEAD   | /api/v1/decisions/d-1                        | READ
            DELETE | /api/v1/decisions/d-1                        | DECIDE
            GET    | /api/v1/rulesets                             | READ
            GET    | /api/v1/rulesets/rules.a/1.0.0/files         | READ
            POST   | /api/v1/rulesets                             | DEPLOY
            PUT    | /api/v1/rulesets/rules.a                     | DEPLOY
            POST   | /api/v1/rulesets/rules.a/rollback            | ROLLBACK
            POST   | /api/v1/rulesets/rules.a/1.0.1/approve       | DEPLOY
            GET    | /api/v1/rulesets/rules.a/rollback            | READ
            GET    | /api/v1/deployments                          | READ
            POST   | /api/v1/deployments                          | READ
            GET    | /api/v1/nothing-here                         | READ
            POST   | /api/v1/decisionsX                           | READ
            """)
    void eachEndpointNeedsItsPermission(String method, String path, String permission) {
        assertEquals(permission, AccessRules.required(method, path).map(Enum::name).orElse("none"));
    }
}
