package org.scorelab.grading.fairness;

import java.util.Map;
import org.scorelab.grading.Uploads;

/** Turns a draw of the {@link ChoiceSpace} into a correct submission: the reference's sources edited to its choices. */
public final class CorrectSubmissions {
    private CorrectSubmissions() {
    }

    /** The submission's files, by path under the source root (as the template has them). */
    public static Map<String, String> sources(ChoiceSpace.Draw draw) {
        SourceEdits files = new SourceEdits(Uploads.referenceSources());
        DsmSources.apply(draw.dsm(), files);
        EbmSources.apply(draw.ebm(), files);
        return files.files();
    }
}
