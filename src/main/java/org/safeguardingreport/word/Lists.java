package org.safeguardingreport.word;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.parts.WordprocessingML.NumberingDefinitionsPart;
import org.docx4j.wml.Numbering;

/**
 * Word numbering for the narrative's lists, from the reference document's definitions for bullets
 * and for numbers; every list gets its own num so that numbered lists restart.
 */
final class Lists {

    private record ListDef(int numId, boolean ordered, int start) {
    }

    private final List<ListDef> lists = new ArrayList<>();
    /** List numbers the reference already uses. */
    private final int taken;

    Lists(int taken) {
        this.taken = taken;
    }

    /** A new list; answers its numId. */
    int newList(boolean ordered, int start) {
        int id = taken + lists.size() + 1;
        lists.add(new ListDef(id, ordered, Math.max(1, start)));
        return id;
    }

    boolean isEmpty() {
        return lists.isEmpty();
    }

    /**
     * Numbers the lists from the reference's definitions for bullets and numbers; a definition the
     * reference lacks is taken from the project's default reference.
     */
    void install(Reference reference) throws Docx4JException {
        if (lists.isEmpty()) {
            return;
        }
        Reference.ListDefinitions own = reference.lists();
        NumberingDefinitionsPart part = own.part();
        if (part == null) {
            part = new NumberingDefinitionsPart();
            part.setJaxbElement(Wml.F.createNumbering());
            try {
                reference.pkg().getMainDocumentPart().addTargetPart(part);
            } catch (org.docx4j.openpackaging.exceptions.InvalidFormatException e) {
                throw new Docx4JException("list numbering", e);
            }
        }
        Numbering numbering = part.getJaxbElement();
        BigInteger bullets = own.bullets();
        BigInteger numbers = own.numbers();
        if (bullets == null || numbers == null) {
            Reference.ListDefinitions defaults = Reference.defaults().lists();
            int next = numbering.getAbstractNum().stream().mapToInt(a -> a.getAbstractNumId().intValue()).max().orElse(0) + 1;
            if (bullets == null) {
                bullets = copy(defaults, defaults.bullets(), numbering, next++);
            }
            if (numbers == null) {
                numbers = copy(defaults, defaults.numbers(), numbering, next);
            }
        }
        for (ListDef l : lists) {
            Numbering.Num num = Wml.F.createNumberingNum();
            num.setNumId(big(l.numId()));
            Numbering.Num.AbstractNumId abs = Wml.F.createNumberingNumAbstractNumId();
            abs.setVal(l.ordered() ? numbers : bullets);
            num.setAbstractNumId(abs);
            for (int lvl = 0; lvl < 9; lvl++) {
                Numbering.Num.LvlOverride o = Wml.F.createNumberingNumLvlOverride();
                o.setIlvl(big(lvl));
                Numbering.Num.LvlOverride.StartOverride start = Wml.F.createNumberingNumLvlOverrideStartOverride();
                start.setVal(big(lvl == 0 ? l.start() : 1));
                o.setStartOverride(start);
                num.getLvlOverride().add(o);
            }
            numbering.getNum().add(num);
        }
    }

    private static BigInteger copy(Reference.ListDefinitions from, BigInteger id, Numbering into, int newId) {
        Numbering.AbstractNum a = from.part().getJaxbElement().getAbstractNum().stream()
                .filter(x -> x.getAbstractNumId().equals(id)).findFirst().orElseThrow();
        Numbering.AbstractNum c = org.docx4j.XmlUtils.deepCopy(a);
        c.setAbstractNumId(big(newId));
        c.setNsid(null);
        into.getAbstractNum().add(c);
        return big(newId);
    }

    static BigInteger big(int i) {
        return BigInteger.valueOf(i);
    }
}
