package org.safeguardingreport.cache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rebuild in the same process (a preview) reuses: the most recently used entries, at most a
 * given number, safe to share between threads.
 */
public final class Recent {
    private Recent() {
    }

    public static <K, V> Map<K, V> map(int most) {
        return Collections.synchronizedMap(new LinkedHashMap<>(Math.min(most, 64), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > most;
            }
        });
    }
}
