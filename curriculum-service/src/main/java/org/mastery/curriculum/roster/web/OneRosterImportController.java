package org.mastery.curriculum.roster.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mastery.access.AccessGuard;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.curriculum.roster.integration.oneroster.OneRosterImportException;
import org.mastery.curriculum.roster.integration.oneroster.OneRosterImporter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code POST /api/roster/import/oneroster}: a OneRoster 1.2 CSV bundle, either as a zip archive
 * (body {@code application/zip}) or as {@code multipart/form-data} with one part per CSV file (named
 * by its file name) or a zip part. Administrators only. A malformed row is a 400 naming file and
 * line, and nothing of that import is stored.
 */
@RestController
public class OneRosterImportController {

    private final OneRosterImporter importer;
    private final AccessGuard access;

    public OneRosterImportController(OneRosterImporter importer, AccessGuard access) {
        this.importer = importer;
        this.access = access;
    }

    @PostMapping(path = "/api/roster/import/oneroster", consumes = {"application/zip", "application/x-zip-compressed",
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public OneRosterImporter.Result importZip(@RequestBody byte[] zip, Viewer viewer) {
        access.requireRole(viewer, Role.ADMIN);
        return importer.importBundle(OneRosterImporter.unzip(zip));
    }

    @PostMapping(path = "/api/roster/import/oneroster", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public OneRosterImporter.Result importFiles(HttpServletRequest request, Viewer viewer) throws IOException {
        access.requireRole(viewer, Role.ADMIN);
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            throw new OneRosterImportException(null, 0, "expected multipart/form-data with the CSV files");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, List<MultipartFile>> part : multipart.getMultiFileMap().entrySet()) {
            for (MultipartFile file : part.getValue()) {
                String name = file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()
                        ? file.getOriginalFilename() : part.getKey();
                name = name.substring(name.replace('\\', '/').lastIndexOf('/') + 1);
                if (name.toLowerCase().endsWith(".zip")) {
                    files.putAll(OneRosterImporter.unzip(file.getBytes()));
                } else {
                    files.put(name.toLowerCase().endsWith(".csv") ? name : name + ".csv", file.getBytes());
                }
            }
        }
        if (files.isEmpty()) {
            throw new OneRosterImportException(null, 0, "the request holds no files");
        }
        return importer.importBundle(files);
    }
}
