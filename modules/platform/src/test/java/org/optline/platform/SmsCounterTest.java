package org.optline.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmsCounterTest {

    @Test
    void gsmSinglePartUpTo160() {
        SmsCounter.Count count = SmsCounter.count("a".repeat(160));
        assertEquals(SmsCounter.Encoding.GSM_7, count.encoding());
        assertEquals(160, count.units());
        assertEquals(1, count.parts());
    }

    @Test
    void gsmSplitsInto153SeptetParts() {
        assertEquals(2, SmsCounter.count("a".repeat(161)).parts());
        assertEquals(2, SmsCounter.count("a".repeat(306)).parts());
        assertEquals(3, SmsCounter.count("a".repeat(307)).parts());
    }

    @Test
    void gsmExtensionCharactersCountTwice() {
        SmsCounter.Count count = SmsCounter.count("€".repeat(80));
        assertEquals(SmsCounter.Encoding.GSM_7, count.encoding());
        assertEquals(160, count.units());
        assertEquals(1, count.parts());
        assertEquals(2, SmsCounter.count("€".repeat(80) + "a").parts());
    }

    @Test
    void gsmEscapeIsNotSplitAcrossParts() {
        // 152 plain septets and then an extension character: it does not fit in part one's last septet.
        String text = "a".repeat(152) + "{" + "a".repeat(152);
        SmsCounter.Count count = SmsCounter.count(text);
        assertEquals(306, count.units());
        assertEquals(3, count.parts());
    }

    @Test
    void accentedGsmLettersStayGsm() {
        assertEquals(SmsCounter.Encoding.GSM_7, SmsCounter.count("Très bien, Ñandù à Zürich").encoding());
    }

    @Test
    void otherCharactersSwitchToUcs2() {
        SmsCounter.Count count = SmsCounter.count("Ça va ? ç");
        assertEquals(SmsCounter.Encoding.UCS_2, count.encoding());
        assertEquals(9, count.units());
    }

    @Test
    void ucs2SinglePartUpTo70() {
        assertEquals(1, SmsCounter.count("ł".repeat(70)).parts());
        assertEquals(2, SmsCounter.count("ł".repeat(71)).parts());
        assertEquals(2, SmsCounter.count("ł".repeat(134)).parts());
        assertEquals(3, SmsCounter.count("ł".repeat(135)).parts());
    }

    @Test
    void emojiCountsTwoUnitsAndIsNotSplit() {
        SmsCounter.Count count = SmsCounter.count("😀".repeat(35));
        assertEquals(70, count.units());
        assertEquals(1, count.parts());
        // 66 units then a surrogate pair: the pair moves to part two whole.
        SmsCounter.Count split = SmsCounter.count("ł".repeat(66) + "😀" + "ł".repeat(10));
        assertEquals(78, split.units());
        assertEquals(2, split.parts());
    }

    @Test
    void emptyTextHasNoParts() {
        assertEquals(0, SmsCounter.count("").parts());
    }

    @Test
    void summaryNamesEncodingAndParts() {
        assertEquals("5 GSM-7 characters, 1 part (160 per part)", SmsCounter.count("Hello").summary());
        assertEquals("161 GSM-7 characters, 2 parts (153 per part)", SmsCounter.count("a".repeat(161)).summary());
        assertEquals("3 UCS-2 characters, 1 part (70 per part)", SmsCounter.count("łąż").summary());
    }
}
