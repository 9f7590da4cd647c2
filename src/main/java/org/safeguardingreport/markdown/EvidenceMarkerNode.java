package org.safeguardingreport.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * {@code {audit=1.2}} or {@code {audit="1.2 3.4"}} as written; never shown. {@code closed} is false
 * when the line ends before the closing brace.
 */
public final class EvidenceMarkerNode extends Node {
    private final boolean closed;

    public EvidenceMarkerNode(BasedSequence chars, boolean closed) {
        super(chars);
        this.closed = closed;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public BasedSequence[] getSegments() {
        return new BasedSequence[] {getChars()};
    }
}
