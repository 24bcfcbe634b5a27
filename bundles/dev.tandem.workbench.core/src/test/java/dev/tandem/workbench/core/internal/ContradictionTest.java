package dev.tandem.workbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ContradictionTest {

    @Test
    void boundsThatLeaveNoValueContradict() {
        assertTrue(Contradiction.find(List.of("value >= 0.7", "value < 0.5")).isPresent());
        assertTrue(Contradiction.find(List.of("value > 1", "value < 1")).isPresent());
        assertTrue(Contradiction.find(List.of("value > 0.5 && value <= 0.5")).isPresent());
        assertTrue(Contradiction.find(List.of("value == 0.5", "value != 0.5")).isPresent());
        assertTrue(Contradiction.find(List.of("$s : value >= 0.9", "value < 0.2")).isPresent());
    }

    @Test
    void boundsThatLeaveAValueDoNot() {
        assertEquals(Optional.empty(), Contradiction.find(List.of("value >= 0.5", "value <= 0.5")));
        assertEquals(Optional.empty(), Contradiction.find(List.of("value > 0.1", "value < 0.2", "value != 0.15")));
        assertEquals(Optional.empty(), Contradiction.find(List.of("value < 0.5 || value > 0.7", "value == 0.6")));
        assertEquals(Optional.empty(), Contradiction.find(List.of("value > 0.5", "label == \"x\"")));
    }

    @Test
    void twoRequiredTextsContradict() {
        assertEquals(Optional.of("name == \"a\" and name == \"b\""),
                Contradiction.find(List.of("name == \"a\"", "name == \"b\"")));
        assertTrue(Contradiction.find(List.of("name == \"a\"", "name != \"a\"")).isPresent());
        assertEquals(Optional.empty(), Contradiction.find(List.of("name == \"a\"", "name != \"b\"")));
    }

    @Test
    void aFlagAndItsNegationContradict() {
        assertTrue(Contradiction.find(List.of("human", "!human")).isPresent());
        assertEquals(Optional.empty(), Contradiction.find(List.of("human", "human")));
    }
}
