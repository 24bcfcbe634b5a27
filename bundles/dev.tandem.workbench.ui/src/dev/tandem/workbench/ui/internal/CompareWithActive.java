package dev.tandem.workbench.ui.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.eclipse.compare.CompareConfiguration;
import org.eclipse.compare.CompareEditorInput;
import org.eclipse.compare.IEncodedStreamContentAccessor;
import org.eclipse.compare.ITypedElement;
import org.eclipse.compare.structuremergeviewer.DiffNode;
import org.eclipse.compare.structuremergeviewer.Differencer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.swt.graphics.Image;

/**
 * The compare editor's input: the rule project's files (with unsaved editor text) on the left, the
 * files of the version active on the engine on the right; one node per file that differs.
 */
final class CompareWithActive extends CompareEditorInput {
    private final Map<String, String> projectFiles;
    private final Map<String, String> activeFiles;

    CompareWithActive(String projectLabel, Map<String, String> projectFiles, String activeLabel,
                      Map<String, String> activeFiles) {
        super(configuration(projectLabel, activeLabel));
        this.projectFiles = projectFiles;
        this.activeFiles = activeFiles;
        setTitle("Compare " + projectLabel + " with " + activeLabel);
    }

    private static CompareConfiguration configuration(String projectLabel, String activeLabel) {
        CompareConfiguration configuration = new CompareConfiguration();
        configuration.setLeftLabel(projectLabel);
        configuration.setRightLabel(activeLabel);
        configuration.setLeftEditable(false);
        configuration.setRightEditable(false);
        return configuration;
    }

    /** The paths whose text differs, or that only one side has. */
    static SortedSet<String> differingPaths(Map<String, String> left, Map<String, String> right) {
        SortedSet<String> paths = new TreeSet<>(left.keySet());
        paths.addAll(right.keySet());
        paths.removeIf(path -> Objects.equals(left.get(path), right.get(path)));
        return paths;
    }

    boolean hasDifferences() {
        return !differingPaths(projectFiles, activeFiles).isEmpty();
    }

    @Override
    protected Object prepareInput(IProgressMonitor monitor) {
        DiffNode root = new DiffNode(Differencer.NO_CHANGE);
        for (String path : differingPaths(projectFiles, activeFiles)) {
            RuleFile left = RuleFile.of(path, projectFiles.get(path));
            RuleFile right = RuleFile.of(path, activeFiles.get(path));
            int kind = left == null ? Differencer.DELETION : right == null ? Differencer.ADDITION : Differencer.CHANGE;
            new DiffNode(root, kind, null, left, right);
        }
        return root;
    }

    /** One side of one file, as the compare editor reads it. */
    private record RuleFile(String path, String text) implements ITypedElement, IEncodedStreamContentAccessor {
        static RuleFile of(String path, String text) {
            return text == null ? null : new RuleFile(path, text);
        }

        @Override
        public String getName() {
            return path;
        }

        @Override
        public Image getImage() {
            return null;
        }

        /** Text, so that the compare editor shows both sides with the changed lines highlighted. */
        @Override
        public String getType() {
            return ITypedElement.TEXT_TYPE;
        }

        @Override
        public InputStream getContents() {
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String getCharset() {
            return StandardCharsets.UTF_8.name();
        }
    }
}
