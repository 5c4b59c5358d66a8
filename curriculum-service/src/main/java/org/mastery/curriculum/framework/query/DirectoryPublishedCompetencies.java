package org.mastery.curriculum.framework.query;

import java.util.Optional;
import org.mastery.curriculum.directory.query.Directory;
import org.mastery.curriculum.framework.domain.PublishedCompetencies;
import org.springframework.stereotype.Component;

/** Published competencies as the directory knows them (consistent with the event store). */
@Component
public class DirectoryPublishedCompetencies implements PublishedCompetencies {

    private final Directory directory;

    public DirectoryPublishedCompetencies(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<String> publishedCode(String competencyId) {
        return directory.find(competencyId, Directory.COMPETENCY, null).filter(Directory.Entry::published).map(Directory.Entry::code);
    }
}
