package org.safeguardingreport.model;

import java.util.Map;
import java.util.Optional;

/** One data file: the quarterly and annual dashboard values of one reporting year. */
public record DataYear(ReportingYear year, String file, Map<Quarter, Map<String, MeasureValue>> quarters,
                       Map<String, MeasureValue> annual) {

    public Optional<MeasureValue> quarterly(String measureId, Quarter q) {
        Map<String, MeasureValue> m = quarters.get(q);
        return Optional.ofNullable(m == null ? null : m.get(measureId));
    }

    public Optional<MeasureValue> annual(String measureId) {
        return Optional.ofNullable(annual.get(measureId));
    }
}
