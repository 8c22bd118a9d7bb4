package org.scorelab.grading.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tokenizer reads cells as fgetcsv does and writes back every character it was not asked to change. */
class CsvTextTests {
    @Test
    void cellsKeepTheirRawSpanAndValue() throws Exception {
        String text = "a,\"b, \"\"c\"\"\",\r\n\"multi\nline\",x\"y\n\n";
        CsvText csv = CsvText.parse(text, ',');
        assertThat(csv.rows()).hasSize(2);
        assertThat(csv.rows().get(0).values()).containsExactly("a", "b, \"c\"", "");
        assertThat(csv.rows().get(1).line()).isEqualTo(2);
        assertThat(csv.rows().get(1).values()).containsExactly("multi\nline", "x\"y");
        CsvText.Cell b = csv.rows().get(0).cells().get(1);
        assertThat(text.substring(b.start(), b.end())).isEqualTo("\"b, \"\"c\"\"\"");
        assertThat(csv.replace(Map.of())).isEqualTo(text);
        assertThat(csv.replace(Map.of(b, "B", csv.rows().get(0).cells().get(2), "\"C C\"")))
            .isEqualTo("a,B,\"C C\"\r\n\"multi\nline\",x\"y\n\n");
    }

    @Test
    void aQuoteNeverClosedAndTextAfterAClosingQuoteAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> CsvText.parse("a\n\"b\nc", ',')).isInstanceOf(CsvText.Malformed.class)
            .hasMessage("the quoted cell that starts on line 2 is never closed: its closing double quote is missing");
        assertThatThrownBy(() -> CsvText.parse("a\r\nb\r\n\"c\"d", ',')).hasMessageStartingWith("line 3 has text after");
    }

    @Test
    void quotingFollowsFputcsv() {
        assertThat(List.of("74.26", "Ada Lovelace", "a,b", "say \"hi\"", "two\nlines", "-", ""))
            .map(v -> CsvText.quote(v, ','))
            .containsExactly("74.26", "\"Ada Lovelace\"", "\"a,b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"", "-", "");
        assertThat(CsvText.quote("12,50", ';')).isEqualTo("12,50");
        assertThatThrownBy(() -> CsvText.quote("a\\\"b", ',')).hasMessageContaining("backslash");
    }
}
