package org.safeguardingreport.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** {@code {{measure@Q4}}}, {@code {{measure@Q4 rag}}} or {@code {{chart id ...}}}, as written. */
public final class DataRefNode extends Node {

    private Object ref;

    public DataRefNode(BasedSequence chars) {
        super(chars);
    }

    /** The checked figure ({@code Narrative.FigureRef}) or chart ({@code Narrative.ChartRef}); null if it has errors. */
    public Object ref() {
        return ref;
    }

    void ref(Object r) {
        this.ref = r;
    }

    /** What is between the braces, trimmed. */
    public String content() {
        BasedSequence c = getChars();
        return c.subSequence(2, c.length() - 2).toString().strip();
    }

    public boolean isChart() {
        return ReportInlineParser.isChart(content());
    }

    @Override
    public BasedSequence[] getSegments() {
        return new BasedSequence[] {getChars()};
    }
}
