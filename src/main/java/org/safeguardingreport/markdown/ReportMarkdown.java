package org.safeguardingreport.markdown;

import java.util.List;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.data.DataHolder;

/** The bundle's Markdown dialect: CommonMark, GitHub tables, figures and evidence markers. */
public final class ReportMarkdown {
    private static final DataHolder OPTIONS;
    private static final Parser PARSER;

    static {
        MutableDataSet o = new MutableDataSet();
        o.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), new DialectExtension()));
        // GitHub table rules: a header row is required, cells may be fewer or more than the header
        o.set(TablesExtension.COLUMN_SPANS, false);
        o.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        o.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        o.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        OPTIONS = o.toImmutable();
        PARSER = Parser.builder(OPTIONS).build();
    }

    private ReportMarkdown() {
    }

    public static Document parse(String text) {
        return PARSER.parse(text);
    }

    public static DataHolder options() {
        return OPTIONS;
    }

    private static final class DialectExtension implements Parser.ParserExtension {
        @Override
        public void parserOptions(MutableDataHolder options) {
        }

        @Override
        public void extend(Parser.Builder builder) {
            builder.customInlineParserExtensionFactory(new ReportInlineParser.Factory());
        }
    }
}
