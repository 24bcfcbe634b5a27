package dev.tandem.api;

/** Who handles the interaction. */
public enum Route { AI, HUMAN }
