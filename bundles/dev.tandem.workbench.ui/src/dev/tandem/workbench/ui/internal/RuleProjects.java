package dev.tandem.workbench.ui.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;

import dev.tandem.workbench.core.RuleProject;

/**
 * The analysts' rule projects ({@code rules/<name>} in the repository) seen in the workspace as
 * linked folders of one project, so that the rule files stay where Git and the build have them.
 */
public final class RuleProjects {
    public static final String PROJECT = "rules";

    private RuleProjects() {
    }

    /** {@code -Dtandem.rules}, else {@code <tandem.root>/rules}, else {@code ./rules}. */
    public static File rulesFolder() {
        String rules = System.getProperty("tandem.rules");
        if (rules != null) {
            return new File(rules);
        }
        return new File(System.getProperty("tandem.root", "."), "rules");
    }

    public static IProject project() {
        return ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
    }

    /** Creates the workspace project and links every rule project folder not linked yet. */
    public static void linkRuleProjects(IProgressMonitor monitor) throws CoreException {
        IProject project = project();
        if (!project.exists()) {
            project.create(monitor);
        }
        project.open(monitor);
        File[] folders = rulesFolder().listFiles(f -> new File(f, RuleProject.DRL_FOLDER).isDirectory());
        for (File folder : folders == null ? new File[0] : folders) {
            IFolder link = project.getFolder(folder.getName());
            if (!link.exists()) {
                link.createLink(IPath.fromOSString(folder.getAbsolutePath()), IResource.ALLOW_MISSING_LOCAL, monitor);
            }
        }
        project.refreshLocal(IResource.DEPTH_INFINITE, monitor);
    }

    /** The rule project folder a file belongs to: the top folder under the workspace project. */
    public static IFolder ruleFolderOf(IResource resource) {
        IPath path = resource.getProjectRelativePath();
        return path.segmentCount() == 0 ? null : resource.getProject().getFolder(path.segment(0));
    }

    public static IFolder defaultRuleFolder() {
        return project().getFolder("escalation-default");
    }

    public static RuleProject load(IFolder folder) throws IOException {
        return RuleProject.load(Path.of(folder.getLocation().toOSString()));
    }

    /** A file's path inside its rule project, as validation problems name it. */
    public static String projectPath(IFile file) {
        return file.getProjectRelativePath().removeFirstSegments(1).toString();
    }
}
