package org.safeguardingreport.model;

/** Quarterly measures are kept under "quarters" in the data file, annual ones under "annual". */
public enum Frequency {
    QUARTERLY, ANNUAL
}
