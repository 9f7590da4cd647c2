package org.safeguardingreport.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The section ids of content-format.md: a narrative file is named after one of them. */
public final class SectionIds {
    public static final List<String> COVER = List.of("executive-summary", "recommendations", "legal-regulatory",
            "risk", "resources", "equality-diversity", "previous-reports", "freedom-of-information");
    public static final List<String> CLOSING = List.of("achievements", "priorities", "conclusion");
    /** Every fixed id, in the default order; appendices come on top of these. */
    public static final List<String> ALL;
    private static final Pattern APPENDIX = Pattern.compile("appendix-[a-z0-9][a-z0-9-]*");

    static {
        List<String> all = new ArrayList<>(COVER);
        for (int i = 1; i <= 10; i++) {
            all.add(standard(i));
        }
        all.addAll(CLOSING);
        ALL = List.copyOf(all);
    }

    private SectionIds() {
    }

    public static String standard(int n) {
        return "standard-" + n;
    }

    public static boolean isAppendix(String id) {
        return APPENDIX.matcher(id).matches();
    }

    /** The standard number of "standard-N", or 0. */
    public static int standardNumber(String id) {
        if (id.startsWith("standard-")) {
            try {
                return Integer.parseInt(id.substring("standard-".length()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
