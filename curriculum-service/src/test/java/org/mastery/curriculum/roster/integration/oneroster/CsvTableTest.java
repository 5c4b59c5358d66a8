package org.mastery.curriculum.roster.integration.oneroster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    static CsvTable parse(String text) {
        return CsvTable.parse("users.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaksAndRowsKeepTheirLine() {
        CsvTable t = parse("\uFEFFsourcedId,Name,note\r\n"
                + "u1,\"Roosevelt Elementary, North\",plain\r\n"
                + "u2,\"She said \"\"hi\"\"\",\"two\nlines\"\r\n"
                + "\r\n"
                + "u3,José,\n");
        assertThat(t.header()).containsExactly("sourcedid", "name", "note");
        assertThat(t.rows()).hasSize(3);
        assertThat(t.rows().get(0).get("name")).isEqualTo("Roosevelt Elementary, North");
        assertThat(t.rows().get(1).get("name")).isEqualTo("She said \"hi\"");
        assertThat(t.rows().get(1).get("note")).isEqualTo("two\nlines");
        assertThat(t.rows().get(0).line()).isEqualTo(2);
        assertThat(t.rows().get(1).line()).isEqualTo(3);
        assertThat(t.rows().get(2).line()).isEqualTo(6);
        assertThat(t.rows().get(2).get("Name")).isEqualTo("José");
        assertThat(t.rows().get(2).get("note")).isNull();
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsReportedWithItsLine() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n1,2,3\n"))
                .isInstanceOf(OneRosterImportException.class)
                .hasMessage("users.csv line 3: expected 2 fields as in the header, found 3")
                .satisfies(e -> assertThat(((OneRosterImportException) e).line()).isEqualTo(3));
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItsRowStarts() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n3,\"open\n4,5\n"))
                .hasMessage("users.csv line 3: a quoted field is never closed");
    }

    @Test
    void headersMustBeComplete() {
        assertThatThrownBy(() -> parse("")).hasMessageContaining("header line is required");
        assertThatThrownBy(() -> parse("a,,b\n")).hasMessageContaining("empty column name");
        assertThatThrownBy(() -> parse("a,A\n")).hasMessageContaining("names a column twice");
        assertThatThrownBy(() -> parse("a,b\n1,2\n").requireColumns("role")).hasMessage("users.csv line 1: the header lacks the column role");
    }
}
