package org.mastery.curriculum.framework.domain;

import java.util.Optional;

/**
 * What the framework needs to know of other frameworks: whether a competency has been published
 * (so it may be a prerequisite), and its code (to name it in a cycle). Implemented on the query side.
 */
public interface PublishedCompetencies {

    /** The code of the competency if some version of it was published in another framework. */
    Optional<String> publishedCode(String competencyId);
}
