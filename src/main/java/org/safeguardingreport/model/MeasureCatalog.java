package org.safeguardingreport.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.json.JsonReader;
import org.safeguardingreport.json.JsonValue;
import org.safeguardingreport.json.JsonValue.JsonObject;
import org.safeguardingreport.json.JsonValue.JsonString;

/** The measure ids of measures.md, shipped in the jar as measures.json. */
public final class MeasureCatalog {
    private static final String RESOURCE = "/measures.json";
    private static volatile MeasureCatalog instance;

    private final Map<String, Measure> byId;

    private MeasureCatalog(Map<String, Measure> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    public static MeasureCatalog get() {
        MeasureCatalog c = instance;
        if (c == null) {
            synchronized (MeasureCatalog.class) {
                if (instance == null) {
                    instance = load();
                }
                c = instance;
            }
        }
        return c;
    }

    public Optional<Measure> measure(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Set<String> ids() {
        return byId.keySet();
    }

    public List<Measure> all() {
        return List.copyOf(byId.values());
    }

    private static MeasureCatalog load() {
        String text;
        try (InputStream in = MeasureCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("measures.json is missing from the application");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Diagnostics d = new Diagnostics();
        JsonObject root = (JsonObject) JsonReader.read(text, "measures.json", d)
                .orElseThrow(() -> new IllegalStateException("measures.json is not valid JSON"));
        Map<String, Measure> byId = new LinkedHashMap<>();
        for (JsonValue v : ((JsonValue.JsonArray) root.get("measures")).items()) {
            JsonObject m = (JsonObject) v;
            String id = str(m, "id");
            byId.put(id, new Measure(id, MeasureKind.ofCode(str(m, "kind")),
                    str(m, "frequency").equals("Q") ? Frequency.QUARTERLY : Frequency.ANNUAL,
                    str(m, "label"), str(m, "description"), Integer.parseInt(id.replaceAll("^(\\d+).*", "$1"))));
        }
        return new MeasureCatalog(byId);
    }

    private static String str(JsonObject o, String key) {
        return ((JsonString) o.get(key)).value();
    }
}
