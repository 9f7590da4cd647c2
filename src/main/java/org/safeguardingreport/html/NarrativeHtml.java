package org.safeguardingreport.html;

import org.safeguardingreport.model.Figures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.sequence.Escaping;

import org.safeguardingreport.chart.Chart;
import org.safeguardingreport.chart.ChartPlan;
import org.safeguardingreport.markdown.DataRefNode;
import org.safeguardingreport.pdf.ChartDrawers;
import org.safeguardingreport.markdown.EvidenceMarkerNode;
import org.safeguardingreport.markdown.ReportMarkdown;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Narrative;
import org.safeguardingreport.model.Narrative.ChartRef;
import org.safeguardingreport.model.Narrative.FigureRef;
import org.safeguardingreport.model.Rating;

/**
 * Renders one narrative section to XHTML for the PDF layout. Raw HTML is escaped (shown as written),
 * markers disappear and leave an id on the block they mark, figures become their formatted values,
 * pictures outside images/ become a placeholder with their alt text, and only http, https and
 * mailto links stay links. Author headings start at level 2, below the section's own heading.
 */
public final class NarrativeHtml {

    private static final Pattern SAFE_LINK = Pattern.compile("(?i)(https?://|mailto:)\\S+");
    private static final DataHolder OPTIONS;

    static {
        MutableDataSet o = new MutableDataSet(ReportMarkdown.options());
        o.set(HtmlRenderer.ESCAPE_HTML, true);
        o.set(HtmlRenderer.SOFT_BREAK, " ");
        o.set(TablesExtension.CLASS_NAME, "narrative");
        OPTIONS = o.toImmutable();
    }

    /**
     * A marked block: its anchor id, the questions it is evidence for, what kind of block it is, and
     * the file and line where it starts.
     */
    public record Anchor(String id, List<String> questions, Narrative.BlockKind block, String file, int line) {
    }

    public record Result(String html, List<Anchor> anchors) {
    }

    private NarrativeHtml() {
    }

    /** @param topLevel the HTML level an author's "##" becomes (2 in a chapter, 3 inside a numbered item) */
    public static Result render(Bundle bundle, Narrative section, ChartPlan charts, int topLevel) {
        Map<Node, Anchor> marked = markedBlocks(section);
        Map<String, Narrative.PictureRef> pictures = new HashMap<>();
        section.pictures().forEach(p -> pictures.putIfAbsent(p.path(), p));
        HtmlRenderer renderer = HtmlRenderer.builder(OPTIONS)
                .nodeRendererFactory(options -> new Renderer(bundle, pictures, charts, topLevel))
                .attributeProviderFactory(new IndependentAttributeProviderFactory() {
                    @Override
                    public AttributeProvider apply(LinkResolverContext context) {
                        return (Node node, AttributablePart part, MutableAttributes attributes) -> {
                            if (node instanceof com.vladsch.flexmark.ext.tables.TableBlock t && part == AttributablePart.NODE
                                    && rows(t) <= SHORT_TABLE_ROWS) {
                                // a short table is read whole: it moves to the next page rather than leave a row behind
                                attributes.replaceValue("style", "page-break-inside: avoid");
                            }
                            Anchor a = marked.get(node);
                            // list items are asked for as TIGHT_LIST_ITEM or LOOSE_LIST_ITEM, other blocks as NODE
                            if (a != null && part != AttributablePart.LINK && part != AttributablePart.NODE_POSITION) {
                                attributes.replaceValue("id", a.id());
                                attributes.replaceValue("class", "evidence");
                            }
                        };
                    }
                })
                .build();
        String html = renderer.render(section.document());
        return new Result(html, List.copyOf(marked.values()));
    }

    /** Tables of up to this many rows (its heading row aside) are kept on one page. */
    static final int SHORT_TABLE_ROWS = 6;

    private static int rows(com.vladsch.flexmark.ext.tables.TableBlock t) {
        int n = 0;
        for (Node d : t.getDescendants()) {
            if (d instanceof com.vladsch.flexmark.ext.tables.TableRow r && r.getParent() instanceof com.vladsch.flexmark.ext.tables.TableBody) {
                n++;
            }
        }
        return n;
    }

    /** Each block that ends with evidence markers, with a stable id: ev-SECTION-N in document order. */
    private static Map<Node, Anchor> markedBlocks(Narrative section) {
        Map<Node, Set<String>> questions = new java.util.LinkedHashMap<>();
        Map<Node, Narrative.EvidenceMarker> first = new HashMap<>();
        for (Narrative.EvidenceMarker m : section.markers()) {
            questions.computeIfAbsent(m.node(), k -> new LinkedHashSet<>()).addAll(m.questions());
            first.putIfAbsent(m.node(), m);
        }
        Map<Node, Anchor> out = new java.util.LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<Node, Set<String>> e : questions.entrySet()) {
            Narrative.EvidenceMarker m = first.get(e.getKey());
            out.put(e.getKey(), new Anchor("ev-" + section.id() + "-" + (++i), List.copyOf(e.getValue()), m.block(),
                    m.file(), m.blockPos().line()));
        }
        return out;
    }

    /** The object element a layout places for a chart; ChartDrawers paints it. */
    public static String chartObject(Chart c) {
        return "<object type=\"" + ChartDrawers.TYPE + "\" data-chart=\"" + c.id() + "\" class=\"chart\" alt=\""
                + Html.escape(c.alt()) + "\" style=\"" + c.style() + "\"></object>";
    }

    /** A narrative chart's title: its measure, or its measures one after another. */
    static String chartTitle(List<String> ids) {
        return String.join(", ", ids.stream().map(id -> Figures.measure(id).label()).toList());
    }

    private static final class Renderer implements NodeRenderer {
        private final Bundle bundle;
        private final Map<String, Narrative.PictureRef> pictures;
        private final ChartPlan charts;
        private final int topLevel;

        Renderer(Bundle bundle, Map<String, Narrative.PictureRef> pictures, ChartPlan charts, int topLevel) {
            this.bundle = bundle;
            this.pictures = pictures;
            this.charts = charts;
            this.topLevel = topLevel;
        }

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            Set<NodeRenderingHandler<?>> h = new java.util.HashSet<>();
            h.add(new NodeRenderingHandler<>(EvidenceMarkerNode.class, (n, c, w) -> { }));
            h.add(new NodeRenderingHandler<>(DataRefNode.class, this::dataRef));
            h.add(new NodeRenderingHandler<>(Heading.class, this::heading));
            h.add(new NodeRenderingHandler<>(Image.class, (n, c, w) -> picture(n.getUrl().toString(), n.getText().toString(), w)));
            h.add(new NodeRenderingHandler<>(ImageRef.class, this::imageRef));
            h.add(new NodeRenderingHandler<>(Link.class, (n, c, w) -> link(n.getUrl().toString(), n, c, w)));
            h.add(new NodeRenderingHandler<>(LinkRef.class, this::linkRef));
            h.add(new NodeRenderingHandler<>(AutoLink.class, (n, c, w) -> autoLink(n.getText().toString(), w)));
            h.add(new NodeRenderingHandler<>(HtmlEntity.class,
                    (n, c, w) -> w.text(Escaping.unescapeString(n.getChars().toString()))));
            h.add(new NodeRenderingHandler<>(MailLink.class, (n, c, w) -> autoLink("mailto:" + n.getText(), n.getText().toString(), w)));
            return h;
        }

        private void dataRef(DataRefNode node, NodeRendererContext ctx, HtmlWriter html) {
            Object ref = node.ref();
            if (ref instanceof FigureRef f) {
                Optional<MeasureValue> v = Figures.value(bundle, f);
                if (f.rag()) {
                    Optional<Rating> r = Figures.rating(bundle, f.measureId(), v);
                    html.attr("class", "rag rag-" + r.map(x -> x.word().toLowerCase(Locale.ROOT)).orElse("none"))
                            .withAttr().tag("span").text(r.map(Rating::word).orElse(Figures.format(bundle, f.measureId(), v))).closeTag("span");
                } else {
                    html.attr("class", "figure").withAttr().tag("span").text(Figures.format(bundle, f.measureId(), v)).closeTag("span");
                }
            } else if (ref instanceof ChartRef c) {
                html.raw(chartObject(charts.add(chartTitle(c.measureIds()), c.measureIds())));
            } else {
                html.text(node.getChars().toString());
            }
        }

        private void heading(Heading node, NodeRendererContext ctx, HtmlWriter html) {
            String tag = "h" + Math.min(6, Math.max(2, node.getLevel()) + topLevel - 2);
            html.srcPos(node.getText()).withAttr().tagLine(tag, () -> ctx.renderChildren(node));
        }

        private void imageRef(ImageRef node, NodeRendererContext ctx, HtmlWriter html) {
            Reference r = node.getReferenceNode(node.getDocument());
            if (r == null) {
                html.text(node.getChars().toString());
            } else {
                picture(r.getUrl().toString(), node.getText().toString(), html);
            }
        }

        private void picture(String url, String alt, HtmlWriter html) {
            Narrative.PictureRef p = pictures.get(url);
            if (p != null && p.usable() && bundle.pictureUri(p.resolved()) != null) {
                // named by content, so a document that gathers several bundles' narratives shows each one's own
                String src = bundle.pictureUri(p.resolved());
                html.attr("src", src).attr("alt", alt).attr("class", "picture").withAttr().tagVoid("img");
            } else {
                html.attr("class", "placeholder").withAttr().tag("span")
                        .text("[Picture not shown" + (alt.isBlank() ? "" : ": " + alt) + "]").closeTag("span");
            }
        }

        private void link(String url, Node node, NodeRendererContext ctx, HtmlWriter html) {
            if (SAFE_LINK.matcher(url.strip()).matches()) {
                html.attr("href", url.strip()).attr("title", url.strip()).withAttr().tag("a");
                ctx.renderChildren(node);
                html.closeTag("a");
            } else {
                ctx.renderChildren(node);
            }
        }

        private void linkRef(LinkRef node, NodeRendererContext ctx, HtmlWriter html) {
            Reference r = node.getReferenceNode(node.getDocument());
            if (r == null) {
                html.text(node.getChars().toString());
            } else {
                link(r.getUrl().toString(), node, ctx, html);
            }
        }

        private void autoLink(String url, HtmlWriter html) {
            autoLink(url, url, html);
        }

        private void autoLink(String url, String text, HtmlWriter html) {
            if (SAFE_LINK.matcher(url).matches()) {
                html.attr("href", url).attr("title", url).withAttr().tag("a").text(text).closeTag("a");
            } else {
                html.text(text);
            }
        }
    }

}
