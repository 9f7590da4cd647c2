package org.safeguardingreport.html;

import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.exception.MethodInvocationException;
import org.apache.velocity.exception.ParseErrorException;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.exception.TemplateInitException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.StringResourceLoader;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;

/**
 * Runs a template's Velocity layout over a view. Every inserted value is HTML-escaped unless its
 * reference ends in "Html" (markup this program rendered and escaped itself), so text an author
 * wrote, however much it looks like template code, is printed as written and never evaluated:
 * Velocity evaluates only the layout's own text. The layout cannot read files (#parse and #include
 * see an empty string loader).
 */
public final class Layout {
    private static final org.apache.velocity.runtime.RuntimeInstance ENGINE_SERVICES = engine();

    private Layout() {
    }

    private static org.apache.velocity.runtime.RuntimeInstance engine() {
        org.apache.velocity.runtime.RuntimeInstance ve = new org.apache.velocity.runtime.RuntimeInstance();
        ve.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        ve.setProperty(RuntimeConstants.RESOURCE_LOADERS, "string");
        ve.setProperty("resource.loader.string.class", StringResourceLoader.class.getName());
        ve.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
        ve.init();
        return ve;
    }

    /** Layouts parsed once, by their name and text: a rebuild (a preview) reuses an unchanged one. */
    private static final Map<java.util.List<String>, org.apache.velocity.Template> PARSED =
            org.safeguardingreport.cache.Recent.map(16);

    private static org.apache.velocity.Template parsed(String layoutFile, String layout) {
        java.util.List<String> key = java.util.List.of(layoutFile, layout);
        org.apache.velocity.Template t = PARSED.get(key);
        if (t == null) {
            t = new org.apache.velocity.Template();
            t.setName(layoutFile);
            t.setRuntimeServices(ENGINE_SERVICES);
            try {
                t.setData(ENGINE_SERVICES.parse(new java.io.StringReader(layout), t));
            } catch (org.apache.velocity.runtime.parser.ParseException e) {
                throw new ParseErrorException(e, layoutFile);
            }
            t.initDocument();
            PARSED.put(key, t);
        }
        return t;
    }

    /** The layout's output, or empty after a message naming the layout file, line and column. */
    public static Optional<String> render(String layout, String layoutFile, Map<String, Object> view, Diagnostics diags) {
        VelocityContext context = new VelocityContext();
        view.forEach(context::put);
        EventCartridge cartridge = new EventCartridge();
        cartridge.addEventHandler(new Escaper());
        cartridge.attachToContext(context);
        StringWriter out = new StringWriter();
        try {
            parsed(layoutFile, layout).merge(context, out);
            return Optional.of(xmlCharacters(out.toString()));
        } catch (ParseErrorException e) {
            diags.error(layoutFile, new Pos(Math.max(1, e.getLineNumber()), Math.max(1, e.getColumnNumber())),
                    "the layout template has a syntax error: " + firstLine(e.getInvalidSyntax() != null
                            ? "invalid " + e.getInvalidSyntax() : e.getMessage()));
        } catch (MethodInvocationException e) {
            diags.error(layoutFile, new Pos(Math.max(1, e.getLineNumber()), Math.max(1, e.getColumnNumber())),
                    "the layout template uses " + e.getReferenceName() + ", which the report does not provide",
                    "the values a layout can use are listed in the README");
        } catch (TemplateInitException | ResourceNotFoundException e) {
            diags.error(layoutFile, Pos.FILE, "the layout template cannot be used: " + firstLine(e.getMessage()));
        }
        return Optional.empty();
    }

    /**
     * The document with every character XML cannot carry (a lone surrogate, a control character other
     * than tab and line ends) shown as U+FFFD, so that no text of anyone's can stop the layout.
     */
    static String xmlCharacters(String xhtml) {
        StringBuilder out = null;
        for (int i = 0; i < xhtml.length(); i++) {
            char c = xhtml.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < xhtml.length() && Character.isLowSurrogate(xhtml.charAt(i + 1));
            boolean bad = !pair && (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    || c == 0xFFFE || c == 0xFFFF);
            if (bad && out == null) {
                out = new StringBuilder(xhtml.length()).append(xhtml, 0, i);
            }
            if (out != null) {
                if (bad) {
                    out.append('\uFFFD');
                } else if (pair) {
                    out.append(c).append(xhtml.charAt(++i));
                } else {
                    out.append(c);
                }
            } else if (pair) {
                i++;
            }
        }
        return out == null ? xhtml : out.toString();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static final class Escaper implements ReferenceInsertionEventHandler {
        @Override
        public Object referenceInsert(Context context, String reference, Object value) {
            if (value == null) {
                return null;
            }
            String ref = reference.replace("}", "");
            return ref.endsWith("Html") ? value : Html.escape(String.valueOf(value));
        }
    }
}
