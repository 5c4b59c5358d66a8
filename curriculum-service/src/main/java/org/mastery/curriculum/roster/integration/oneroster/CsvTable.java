package org.mastery.curriculum.roster.integration.oneroster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One CSV file of a bundle, read by RFC 4180 rules (quoted fields with commas, doubled quotes and
 * line breaks; CRLF or LF; a UTF-8 byte order mark), each row remembering the line it starts on.
 */
public final class CsvTable {

    /** A data row: the line it starts on and its values by (lower-cased) column name. */
    public record Row(String file, int line, Map<String, String> values) {

        /** The trimmed value, or null when empty or absent. */
        public String get(String column) {
            String v = values.get(column.toLowerCase());
            return v == null || v.isBlank() ? null : v.strip();
        }

        public String required(String column) {
            String v = get(column);
            if (v == null) {
                throw new OneRosterImportException(file, line, "column " + column + " must not be empty");
            }
            return v;
        }

        public OneRosterImportException problem(String message) {
            return new OneRosterImportException(file, line, message);
        }
    }

    private final String file;
    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(String file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    public String file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean hasColumn(String column) {
        return header.contains(column.toLowerCase());
    }

    public void requireColumns(String... columns) {
        for (String column : columns) {
            if (!hasColumn(column)) {
                throw new OneRosterImportException(file, 1, "the header lacks the column " + column);
            }
        }
    }

    public static CsvTable parse(String file, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int line = 1;
        int recordLine = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                throw new OneRosterImportException(file, line, "the file holds a control character (NUL, ESC, …), which no OneRoster field may");
            }
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"') {
                if (field.length() > 0 && !field.toString().isBlank()) {
                    throw new OneRosterImportException(file, recordLine, "a quote may only start a field");
                }
                field.setLength(0);
                quoted = true;
                fieldWasQuoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
                if (!(record.size() == 1 && record.get(0).isBlank())) {
                    records.add(record);
                    lines.add(recordLine);
                }
                record = new ArrayList<>();
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                recordLine = line;
            } else {
                if (fieldWasQuoted && !Character.isWhitespace(c)) {
                    throw new OneRosterImportException(file, recordLine, "unexpected text after a closing quote (is a quote unbalanced?)");
                }
                if (!fieldWasQuoted) {
                    field.append(c);
                }
            }
            i++;
        }
        if (quoted) {
            throw new OneRosterImportException(file, recordLine, "a quoted field is never closed");
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            if (!(record.size() == 1 && record.get(0).isBlank())) {
                records.add(record);
                lines.add(recordLine);
            }
        }
        if (records.isEmpty()) {
            throw new OneRosterImportException(file, 1, "the file is empty; a header line is required");
        }
        List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase()).toList();
        if (header.stream().anyMatch(String::isEmpty)) {
            throw new OneRosterImportException(file, 1, "the header has an empty column name");
        }
        if (header.stream().distinct().count() != header.size()) {
            throw new OneRosterImportException(file, 1, "the header names a column twice");
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            if (values.size() != header.size()) {
                throw new OneRosterImportException(file, lines.get(r), "expected " + header.size() + " fields as in the header, found "
                        + values.size());
            }
            Map<String, String> byColumn = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                byColumn.put(header.get(c), values.get(c));
            }
            rows.add(new Row(file, lines.get(r), byColumn));
        }
        return new CsvTable(file, header, rows);
    }
}
