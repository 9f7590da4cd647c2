package org.safeguardingreport.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * {@code {audit=1.2}} or {@code {audit="1.2 3.4"}} as written; never shown. {@code closed} is false
 * when the line ends before the closing brace.
 */
public final class EvidenceMarkerNode extends Node {
    private final boolean closed;
    private java.util.List<String> questions = java.util.List.of();

    public EvidenceMarkerNode(BasedSequence chars, boolean closed) {
        super(chars);
        this.closed = closed;
    }

    public boolean closed() {
        return closed;
    }

    /** The valid question numbers it names, set once the marker has been checked; empty if it has errors. */
    public java.util.List<String> questions() {
        return questions;
    }

    void questions(java.util.List<String> q) {
        this.questions = java.util.List.copyOf(q);
    }

    @Override
    public BasedSequence[] getSegments() {
        return new BasedSequence[] {getChars()};
    }
}
