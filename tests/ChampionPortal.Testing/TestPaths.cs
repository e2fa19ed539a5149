namespace ChampionPortal.Testing;

/// <summary>Where the repository is, seen from a test's output folder, and where test artifacts go (git-ignored).</summary>
public static class TestPaths
{
    public static DirectoryInfo? RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ChampionPortal.sln")))
            {
                folder = folder.Parent;
            }

            return folder;
        }
    }

    /// <summary>A folder under artifacts/ at the repository's root (or the temp folder outside a clone), created.</summary>
    public static string Artifacts(string name) =>
        Directory.CreateDirectory(Path.Combine(RepositoryRoot?.FullName ?? Path.GetTempPath(), "artifacts", name)).FullName;
}
