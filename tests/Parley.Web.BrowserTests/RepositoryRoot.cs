namespace Parley.Web.BrowserTests;

/// <summary>Finds the repository (the folder holding Parley.slnx) from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Parley.slnx")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Parley.slnx not found above the test binaries");
    }
}
